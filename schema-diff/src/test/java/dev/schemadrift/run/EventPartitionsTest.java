package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.event.ChangeEvent;
import dev.schemadrift.run.event.QueuedMessage;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GluePartitions;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partitions an event run compares on fakes: exactly those its events name ({@code
 * changedPartitions}), instead of the sample a scheduled run reads.
 */
class EventPartitionsTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final Instant NOW = Instant.parse("2026-11-26T09:15:07.250Z");
  private static final String RUN = "20261126T091507Z";
  private static final String CONTRACT =
      "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
          + " \"owner\": \"team@example.org\", \"format\": \"parquet\", \"data_location\": \"s3://"
          + DATA
          + "/sales/orders/\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
          + " {\"name\": \"amount\", \"type\": \"bigint\"}],"
          + " \"partition_keys\": [{\"name\": \"dt\", \"type\": \"string\"}]}";

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();
  private final List<String> unreadable = new ArrayList<>();
  private EventRun events;

  @BeforeEach
  void aPartitionedTableWithTwoDriftedPartitions() {
    store.add(CONTRACTS, "contracts/orders.json", CONTRACT);
    store.add(
        REGISTRY,
        REGISTRY_KEY,
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/orders.json\"}]}");
    store.add(DATA, "sales/orders/dt=2024-01-01/part-00000.parquet", "some bytes");
    catalog.addTable(
        GlueTables.stamped(
            TableDefinitions.fromContract(
                    ContractReader.read("test", CONTRACT.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(),
            "7",
            "2026-11-20T10:00:00Z"));
    catalog.addPartitions(
        "sales",
        "orders",
        List.of(
            partition("2024-01-01", "id:bigint", "amount:double"),
            partition("2024-01-02", "id:bigint", "amount:bigint"),
            partition("2024-01-03", "id:bigint", "amount:double")));
    RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, null, null);
    events =
        new EventRun(
            settings,
            store,
            new SchemaDiffRun(settings, store, catalog, new RecordingReportTrigger()),
            new EventRun.Listener() {
              @Override
              public void unreadable(String messageId, String problem) {
                unreadable.add(messageId + ": " + problem);
              }

              @Override
              public void ignored(String messageId, String reason) {}
            });
  }

  @Test
  void aChangedPartitionWithADriftedSchemaIsTheOneReadAndReported() throws IOException {
    events.handle(List.of(partitionChange("m1", "[2024-01-01]")), NOW);

    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS), "no sample");
    assertEquals(List.of(List.of(List.of("2024-01-01"))), catalog.partitionsAsked());
    JsonNode artifact = artifact();
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals(
        List.of("PARTITION_SCHEMA_MISMATCH @partition[dt=2024-01-01].amount bigint -> double"),
        findings(artifact));
    JsonNode partitions = artifact.path("catalog").path("partitions");
    assertEquals(1, partitions.path("limit").asInt());
    assertEquals(1, partitions.path("read").asInt());
    assertEquals("dt=2024-01-01", partitions.path("first").asText());
  }

  @Test
  void aChangedPartitionThatMatchesGivesNoPartitionFindingWhateverTheOthersHold()
      throws IOException {
    events.handle(List.of(partitionChange("m1", "[2024-01-02]")), NOW);

    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertEquals(1, catalog.calls(FakeCatalog.Method.PARTITIONS_NAMED));
    JsonNode artifact = artifact();
    assertEquals("OK", artifact.path("status").asText());
    assertEquals(List.of(), findings(artifact));
  }

  @Test
  void thePartitionsOfABatchAreReadInOneCallAndADeletedOneIsNoError() throws IOException {
    events.handle(
        List.of(
            partitionChange("m1", "[2024-01-02]", "[2023-12-31]"),
            partitionChange("m2", "[2024-01-03]")),
        NOW);

    assertEquals(
        List.of(List.of(List.of("2024-01-02"), List.of("2023-12-31"), List.of("2024-01-03"))),
        catalog.partitionsAsked());
    JsonNode artifact = artifact();
    assertEquals(
        List.of("PARTITION_SCHEMA_MISMATCH @partition[dt=2024-01-03].amount bigint -> double"),
        findings(artifact));
    JsonNode partitions = artifact.path("catalog").path("partitions");
    assertEquals(3, partitions.path("limit").asInt());
    assertEquals(2, partitions.path("read").asInt(), "2023-12-31 was deleted: not found");
  }

  @Test
  void aChangeOfTheTableItselfInTheSameBatchReadsTheUsualSample() throws IOException {
    events.handle(
        List.of(
            partitionChange("m1", "[2024-01-02]"),
            new QueuedMessage(
                "m2",
                new ChangeEvent.TableChanged("sales", "orders", "UpdateTable", List.of()),
                NOW,
                null)),
        NOW);

    assertEquals(1, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS_NAMED));
    assertEquals(2, findings(artifact()).size(), findings(artifact()).toString());
  }

  @Test
  void partitionValuesThatDoNotFitTheTablesKeysReadTheUsualSample() throws IOException {
    events.handle(List.of(partitionChange("m1", "[2024-01-02, 7]")), NOW);

    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS_NAMED));
    assertEquals(1, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertEquals(2, findings(artifact()).size());
  }

  @Test
  void aMalformedChangedPartitionIsItsMessagesProblemAndTheOthersAreChecked() throws IOException {
    String body =
        "{\"source\": \"aws.glue\", \"detail-type\": \"Glue Data Catalog Table State Change\","
            + " \"time\": \"2026-11-26T09:15:02Z\", \"detail\": {\"databaseName\": \"sales\","
            + " \"tableName\": \"orders\", \"typeOfChange\": \"BatchCreatePartition\","
            + " \"changedPartitions\": [\"[2024-01-02]\", \"2024-01-01\"]}}";
    QueuedMessage broken =
        dev.schemadrift.run.event.SqsBatch.read(
                ("{\"Records\": [{\"messageId\": \"m-broken\", \"eventSource\": \"aws:sqs\","
                        + " \"body\": "
                        + Json.mapper().writeValueAsString(body)
                        + "}]}")
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow()
            .getFirst();

    EventRun.Outcome outcome =
        events.handle(List.of(broken, partitionChange("m1", "[2024-01-01]")), NOW);

    assertEquals(List.of("m-broken"), outcome.failedMessageIds());
    assertEquals(
        List.of(
            "m-broken: \"detail.changedPartitions[1]\": '2024-01-01' is not a partition's values in"
                + " brackets, such as [2024, 01]"),
        unreadable);
    assertEquals(List.of(List.of(List.of("2024-01-01"))), catalog.partitionsAsked());
    assertEquals(RUN, outcome.manifest().runId().value());
  }

  @Test
  void aScheduledRunKeepsItsSample() throws IOException {
    RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, null, null);
    new SchemaDiffRun(settings, store, catalog, new RecordingReportTrigger())
        .execute(new RunRequest(new RunId("20261126T090000Z"), null, List.of()));

    assertEquals(1, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS_NAMED));
    assertEquals(List.of(100), catalog.partitionLimits());
  }

  // -------------------------------------------------------------------------------- helpers

  private static QueuedMessage partitionChange(String messageId, String... partitions) {
    return new QueuedMessage(
        messageId,
        new ChangeEvent.TableChanged(
            "sales", "orders", "BatchCreatePartition", Arrays.asList(partitions)),
        NOW,
        null);
  }

  private static GluePartition partition(String day, String... columns) {
    return GluePartitions.parquet("s3://" + DATA + "/sales/orders/", day, columns);
  }

  private JsonNode artifact() throws IOException {
    String key = "diffs/sales.orders/" + RUN + ".diff.json";
    return Json.mapper()
        .readTree(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
  }

  private static List<String> findings(JsonNode artifact) {
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : artifact.path("findings")) {
      findings.add(
          finding.path("rule").asText()
              + " "
              + finding.path("path").asText()
              + " "
              + finding.path("expected").asText()
              + " -> "
              + finding.path("actual").asText());
    }
    assertTrue(artifact.path("error").isMissingNode() || artifact.path("error").isNull());
    return findings;
  }
}
