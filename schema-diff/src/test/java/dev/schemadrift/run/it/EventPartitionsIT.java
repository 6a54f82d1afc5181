package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample Table State Change event (examples/events/glue-table-change.json, partition {@code
 * [2026-11-26]} of nyc_parks.parks_properties) on moto: the event run reads exactly that partition
 * with one BatchGetPartition, not the table's partition sample.
 */
class EventPartitionsIT {
  private static final String CONTRACTS = "example-contracts";
  private static final String REPORTS = "it-reports";
  private static final String DATA = "nyc-open-data-lake";
  private static final String KEY = "contracts/nyc_parks/parks_properties.json";
  private static final Instant NOW = Instant.parse("2026-11-26T09:20:05Z");
  private static final String RUN = "20261126T092005Z";

  private final CallCounter calls = new CallCounter();
  private S3Client s3;
  private GlueClient glue;
  private SchemaDiffHandler handler;
  private StorageDescriptor tableStorage;

  @BeforeEach
  void theExampleTableInTheRegistry() throws IOException {
    Moto.reset();
    AwsClients clients = Moto.clients(calls);
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    byte[] body = Files.readAllBytes(Path.of("../contracts/nyc_parks/parks_properties.json"));
    s3.putObject(request -> request.bucket(CONTRACTS).key(KEY), RequestBody.fromBytes(body));
    Contract contract = ContractReader.read(KEY, body);
    GlueCatalog catalog = new GlueCatalog(glue);
    catalog.createDatabase("nyc_parks", "it");
    catalog.createTable(TableDefinitions.fromContract(contract).orElseThrow(), null);
    tableStorage =
        glue.getTable(request -> request.databaseName("nyc_parks").name("parks_properties"))
            .table()
            .storageDescriptor();
    String data = contract.dataLocation().substring(("s3://" + DATA + "/").length());
    s3.putObject(
        request -> request.bucket(DATA).key(data + "part-00000"), RequestBody.fromString("data"));
    s3.putObject(
        request -> request.bucket(CONTRACTS).key("configs/tables.json"),
        RequestBody.fromString(
            "{\"registry_version\": 1, \"tables\": [{\"contract\": \"" + KEY + "\"}]}"));
    handler =
        new SchemaDiffHandler(
            new RunSettings(
                CONTRACTS, REPORTS, CONTRACTS, "configs/tables.json", 1000, 4, null, null),
            clients,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aChangedPartitionWithADriftedSchemaIsReportedOnThatPartition() throws IOException {
    addPartition("2026-11-26", "objectid", "double");
    addPartition("2026-11-25", "objectid", "bigint");

    invokeWithTheSampleEvent();

    assertEquals(1, calls.count("Glue", "BatchGetPartition"), calls.snapshot().toString());
    assertEquals(0, calls.count("Glue", "GetPartitions"), calls.snapshot().toString());
    JsonNode artifact = artifact();
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals(
        List.of("PARTITION_SCHEMA_MISMATCH @partition[snapshot_date=2026-11-26].objectid"),
        partitionFindings(artifact));
    assertEquals(1, artifact.path("catalog").path("partitions").path("read").asInt());
  }

  @Test
  void aChangedPartitionThatMatchesGivesNoPartitionFindingThoughAnotherOneDrifted()
      throws IOException {
    addPartition("2026-11-26", "objectid", "bigint");
    addPartition("2026-11-25", "objectid", "double");

    invokeWithTheSampleEvent();

    assertEquals(1, calls.count("Glue", "BatchGetPartition"), calls.snapshot().toString());
    assertEquals(0, calls.count("Glue", "GetPartitions"), calls.snapshot().toString());
    JsonNode artifact = artifact();
    assertEquals("OK", artifact.path("status").asText());
    assertEquals(List.of(), partitionFindings(artifact));
    assertEquals(
        "snapshot_date=2026-11-26",
        artifact.path("catalog").path("partitions").path("first").asText());
  }

  // -------------------------------------------------------------------------------- helpers

  /** A partition holding the table's columns, one of them with the given type. */
  private void addPartition(String day, String column, String type) {
    List<Column> columns = new ArrayList<>();
    for (Column existing : tableStorage.columns()) {
      columns.add(
          existing.name().equals(column) ? existing.toBuilder().type(type).build() : existing);
    }
    glue.batchCreatePartition(
        request ->
            request
                .databaseName("nyc_parks")
                .tableName("parks_properties")
                .partitionInputList(
                    PartitionInput.builder()
                        .values(day)
                        .storageDescriptor(
                            tableStorage.toBuilder()
                                .columns(columns)
                                .location(tableStorage.location() + "snapshot_date=" + day + "/")
                                .build())
                        .build()));
  }

  private void invokeWithTheSampleEvent() throws IOException {
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("messageId", "m-partition");
    record.put("eventSource", "aws:sqs");
    record.put(
        "body",
        Files.readString(
            Path.of("../examples/events/glue-table-change.json"), StandardCharsets.UTF_8));
    ObjectNode batch = Json.mapper().createObjectNode();
    batch.putArray("Records").add(record);
    calls.clear();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Json.mapper().writeValueAsBytes(batch)), out, null);
    assertEquals(
        "{\"batchItemFailures\":[]}",
        Json.mapper().writeValueAsString(Json.mapper().readTree(out.toByteArray())));
  }

  private JsonNode artifact() throws IOException {
    return Json.mapper()
        .readTree(
            s3.getObjectAsBytes(
                    request ->
                        request
                            .bucket(REPORTS)
                            .key("diffs/nyc_parks.parks_properties/" + RUN + ".diff.json"))
                .asByteArray());
  }

  private static List<String> partitionFindings(JsonNode artifact) {
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : artifact.path("findings")) {
      if (finding.path("rule").asText().startsWith("PARTITION_")) {
        findings.add(finding.path("rule").asText() + " " + finding.path("path").asText());
      }
    }
    return findings;
  }
}
