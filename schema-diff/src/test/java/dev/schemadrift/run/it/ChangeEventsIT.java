package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.CapturedLog;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import dev.schemadrift.state.CheckState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The event path end to end on moto: the documented sample events of examples/events/, wrapped in
 * SQS records as Lambda passes them, through SchemaDiffFunction's handler with the real SDK.
 */
class ChangeEventsIT {
  // The sample S3 event names this bucket; the Glue samples name the example registry's tables.
  private static final String CONTRACTS = "example-contracts";
  private static final String REPORTS = "it-reports";
  private static final String DATA = "nyc-open-data-lake";
  private static final String REPORT_FUNCTION = "schema-drift-reports";
  private static final Path EVENTS = Path.of("../examples/events");
  private static final Path EXAMPLES = Path.of("../contracts/nyc_parks");
  private static final Instant NOW = Instant.parse("2026-11-26T09:20:05Z");
  private static final String RUN = "20261126T092005Z";

  private final CallCounter calls = new CallCounter();
  private final CapturedLog log = new CapturedLog();
  private final List<InvokeRequest> invokes = new CopyOnWriteArrayList<>();
  private AwsClients clients;
  private S3Client s3;
  private GlueClient glue;
  private SchemaDiffHandler handler;

  @BeforeEach
  void registryOfThreeExampleTables() throws IOException {
    Moto.reset();
    clients = Moto.clients(calls, new InvokeRecorder());
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    Moto.createReportFunction(clients, REPORT_FUNCTION);
    GlueCatalog catalog = new GlueCatalog(glue);
    catalog.createDatabase("nyc_parks", "it");
    StringBuilder registry =
        new StringBuilder(
            "{\"registry_version\": 1, \"defaults\": {\"policy\": {\"create_if_missing\": true}},"
                + " \"tables\": [");
    List<String> tables = List.of("parks_properties", "park_inspections", "playgrounds");
    for (String table : tables) {
      String key = "contracts/nyc_parks/" + table + ".json";
      byte[] body = Files.readAllBytes(EXAMPLES.resolve(table + ".json"));
      s3.putObject(request -> request.bucket(CONTRACTS).key(key), RequestBody.fromBytes(body));
      Contract contract = ContractReader.read(key, body);
      // playgrounds was deleted from Glue: the database change event says so.
      if (!table.equals("playgrounds")) {
        catalog.createTable(TableDefinitions.fromContract(contract).orElseThrow(), null);
      }
      String data = contract.dataLocation().substring(("s3://" + DATA + "/").length());
      put(DATA, data + "part-00000", "data");
      registry.append(table.equals("parks_properties") ? "" : ", ");
      registry.append("{\"contract\": \"").append(key).append("\"}");
    }
    put(CONTRACTS, "configs/tables.json", registry.append("]}").toString());
    handler =
        new SchemaDiffHandler(
            new RunSettings(
                CONTRACTS,
                REPORTS,
                CONTRACTS,
                "configs/tables.json",
                1000,
                8,
                REPORT_FUNCTION,
                null),
            clients,
            Clock.fixed(NOW, ZoneOffset.UTC),
            log.log(),
            Map.of("STACK_NAME", "it-stack"));
    calls.clear();
  }

  /** Records Lambda invoke requests as the SDK sends them (moto only echoes the body back). */
  private final class InvokeRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof InvokeRequest invoke) {
        invokes.add(invoke);
      }
    }
  }

  @Test
  void theSampleEventsCheckExactlyTheirTablesAndAnUnreadableMessageFailsAlone() throws IOException {
    JsonNode response =
        invoke(
            batch(
                "m-table", sample("glue-table-change.json"),
                "m-database", sample("glue-database-change.json"),
                "m-contract", sample("s3-object-created.json"),
                "m-broken", "{\"source\": \"aws.glue\"}"));

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-broken\"}]}",
        Json.mapper().writeValueAsString(response));
    JsonNode manifest = json("runs/" + RUN + ".json");
    assertEquals("event", manifest.path("mode").asText());
    assertEquals(
        "park_inspections=OK, parks_properties=OK, playgrounds=BREAKING", statuses(manifest));
    JsonNode deleted = json("diffs/nyc_parks.playgrounds/" + RUN + ".diff.json");
    assertEquals("TABLE_MISSING", deleted.path("findings").get(0).path("rule").asText());
    assertFalse(deleted.path("created_table").asBoolean());
    assertThrows(
        EntityNotFoundException.class,
        () -> glue.getTable(request -> request.databaseName("nyc_parks").name("playgrounds")),
        "create_if_missing does not recreate a table an event reported deleted");
    assertEquals(1, invokes.size(), "the report generator is started once, as by a scheduled run");
    assertTrue(invokes.getFirst().payload().asUtf8String().contains("runs/" + RUN + ".json"));
    assertEquals(1, log.withMessage("event message unreadable").size(), log.lines().toString());
    JsonNode metrics = log.metricDocuments().getFirst();
    assertEquals(0, metrics.path("RunsCompleted").asInt(), "RunMissing watches the schedule");
    assertEquals(2, metrics.path("TablesOk").asInt());
    JsonNode batch = log.withMessage("event batch finished").getFirst();
    assertEquals(4, batch.path("messages").asInt());
    assertEquals(3, batch.path("tables").asInt());
    assertEquals(1, batch.path("failed_messages").asInt());
  }

  @ParameterizedTest
  @CsvSource({"s3-object-created.json, park_inspections", "glue-database-change.json, playgrounds"})
  void theSameEventDeliveredTwiceWritesOneArtifactAndTheSecondRunRefersToIt(
      String sample, String table) throws IOException {
    String event = sample(sample);
    invoke(batch("m-1", event));
    calls.clear();

    JsonNode response = invoke(batch("m-1", event));
    Map<String, Integer> spent = calls.snapshot();

    assertEquals("{\"batchItemFailures\":[]}", Json.mapper().writeValueAsString(response));
    // Same clock: the second batch claims the next second instead of overwriting the first run.
    String second = "20261126T092006Z";
    String artifact = "diffs/nyc_parks." + table + "/" + RUN + ".diff.json";
    assertEquals(List.of(artifact), diffKeys(table));
    JsonNode manifest = json("runs/" + second + ".json");
    assertEquals("event", manifest.path("mode").asText());
    JsonNode line = manifest.path("tables").get(0);
    assertEquals(RUN, line.path("reused_from").asText(), line.toString());
    assertEquals(artifact, line.path("diff_key").asText());
    assertEquals(json(artifact).path("status").asText(), line.path("status").asText());
    // The state tells the duplicate apart: no data probe, no artifact, no state written; only the
    // run id's claim (its first second is taken: the same clock) and the manifest.
    assertEquals(0, spent.getOrDefault("S3:ListObjectsV2", 0), spent.toString());
    assertEquals(3, spent.get("S3:PutObject"), spent.toString());
    // The report generator still runs for the second manifest (the index's last check moves).
    assertEquals(2, invokes.size());
  }

  @Test
  void aPartitionEventDeliveredTwiceWritesOneArtifactAndANewOneIsJudged() throws IOException {
    String event = sample("glue-table-change.json");
    invoke(batch("m-1", event));
    JsonNode response = invoke(batch("m-1", event));

    // The check state remembers the event's id with the verdict: the redelivery keeps it.
    assertEquals("{\"batchItemFailures\":[]}", Json.mapper().writeValueAsString(response));
    String artifact = "diffs/nyc_parks.parks_properties/" + RUN + ".diff.json";
    assertEquals(List.of(artifact), diffKeys("parks_properties"));
    JsonNode line = json("runs/20261126T092006Z.json").path("tables").get(0);
    assertEquals(RUN, line.path("reused_from").asText(), line.toString());
    assertEquals(artifact, line.path("diff_key").asText());
    JsonNode state =
        json(CheckState.key(CheckState.shardOf(new TableName("nyc_parks", "parks_properties"))));
    JsonNode record = null;
    for (JsonNode table : state.path("tables")) {
      if (table.path("table").asText().equals("parks_properties")) {
        record = table;
      }
    }
    assertNotNull(record, state.toString());
    assertEquals("[\"2617428d-715f-edef-70b9-8ad20ef2b5d3\"]", record.path("event_ids").toString());

    // Another partition event for the same table version (a new id): its partitions are read.
    ObjectNode another = (ObjectNode) Json.mapper().readTree(event);
    another.put("id", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
    ((ObjectNode) another.path("detail")).putArray("changedPartitions").add("[2026-11-27]");
    response = invoke(batch("m-2", Json.mapper().writeValueAsString(another)));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(
        List.of(artifact, "diffs/nyc_parks.parks_properties/20261126T092007Z.diff.json"),
        diffKeys("parks_properties"));
  }

  @Test
  void aScheduledRunAfterAnEventRunKeepsTheEventsVerdict() throws IOException {
    invoke(batch("m-1", sample("glue-table-change.json")));

    // The next scheduled run, in registry mode: the event's verdict is in the check state.
    handler.handleRequest(
        new ByteArrayInputStream(
            "{\"scheduled_time\": \"2026-11-26T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        null);

    JsonNode manifest = json("runs/20261126T100000Z.json");
    assertEquals("registry", manifest.path("mode").asText());
    JsonNode line = manifest.path("tables").get(1);
    assertEquals("parks_properties", line.path("table").asText(), manifest.toString());
    assertEquals(RUN, line.path("reused_from").asText(), line.toString());
    assertEquals(
        "diffs/nyc_parks.parks_properties/" + RUN + ".diff.json", line.path("diff_key").asText());
  }

  @Test
  void aWarmContainerPaysOneConditionalReadForATableOutsideTheRegistry() throws IOException {
    invoke(batch("m-1", sample("glue-table-change.json")));
    calls.clear();
    invokes.clear();

    JsonNode response =
        invoke(
            batch(
                "m-2",
                sample("glue-table-change.json")
                    .replace("\"parks_properties\"", "\"not_registered\"")));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(Map.of("S3:GetObject", 1), calls.snapshot(), "the registry, answered 304");
    assertTrue(invokes.isEmpty());
  }

  @Test
  void anUploadedContractIsReadAgainAndItsTableRechecked() throws IOException {
    invoke(batch("m-1", sample("s3-object-created.json")));
    String key = "contracts/nyc_parks/park_inspections.json";
    JsonNode contract =
        Json.mapper().readTree(Files.readAllBytes(EXAMPLES.resolve("park_inspections.json")));
    ((ArrayNode) contract.path("columns"))
        .addObject()
        .put("name", "inspector_badge")
        .put("type", "string")
        .put("required", true);
    put(CONTRACTS, key, Json.mapper().writeValueAsString(contract));
    calls.clear();

    handler =
        new SchemaDiffHandler(
            new RunSettings(
                CONTRACTS,
                REPORTS,
                CONTRACTS,
                "configs/tables.json",
                1000,
                8,
                REPORT_FUNCTION,
                null),
            clients,
            Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC),
            log.log(),
            Map.of("STACK_NAME", "it-stack"));
    invoke(batch("m-2", sample("s3-object-created.json")));

    JsonNode first = json("diffs/nyc_parks.park_inspections/" + RUN + ".diff.json");
    JsonNode second = json("diffs/nyc_parks.park_inspections/20261126T092035Z.diff.json");
    assertEquals("OK", first.path("status").asText());
    assertEquals("BREAKING", second.path("status").asText(), second.toString());
    assertNotEquals(first.path("contract").path("sha256"), second.path("contract").path("sha256"));
  }

  // -------------------------------------------------------------------------------- helpers

  private JsonNode invoke(byte[] batch) throws IOException {
    log.clear();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(batch), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }

  /** An SQS event as Lambda passes it: message id, body pairs. */
  private static byte[] batch(String... idsAndBodies) throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (int index = 0; index < idsAndBodies.length; index += 2) {
      ObjectNode record = records.addObject();
      record.put("messageId", idsAndBodies[index]);
      record.put("receiptHandle", "handle-" + index);
      record.put("body", idsAndBodies[index + 1]);
      record.putObject("attributes").put("ApproximateReceiveCount", "1");
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:change-events");
      record.put("awsRegion", "eu-west-1");
    }
    return Json.mapper().writeValueAsBytes(root);
  }

  private static String sample(String name) throws IOException {
    return Files.readString(EVENTS.resolve(name), StandardCharsets.UTF_8);
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  /** The keys of one nyc_parks table's artifacts, in key order. */
  private List<String> diffKeys(String table) {
    return s3
        .listObjectsV2(request -> request.bucket(REPORTS).prefix("diffs/nyc_parks." + table + "/"))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  private JsonNode json(String key) throws IOException {
    return Json.mapper()
        .readTree(s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray());
  }

  private static String statuses(JsonNode manifest) {
    StringBuilder text = new StringBuilder();
    for (JsonNode table : manifest.path("tables")) {
      text.append(text.isEmpty() ? "" : ", ")
          .append(table.path("table").asText())
          .append('=')
          .append(table.path("status").asText());
    }
    return text.toString();
  }
}
