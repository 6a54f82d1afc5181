package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.S3CheckStateStore;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.event.ChangeEvent;
import dev.schemadrift.run.event.QueuedMessage;
import dev.schemadrift.run.fakes.ContractJson;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GluePartitions;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partitioned table judged again because only its contract changed is compared with the partition
 * sample its last check read of the same Glue table version (kept in its check record), not read
 * again: the same findings as a full run that reads them, and the artifact names the run that read
 * them. Anything that could make the kept sample differ from a new read reads it again.
 */
class KeptPartitionsRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final RunId FIRST = new RunId("20261201T080000Z");
  private static final RunId SECOND = new RunId("20261201T200000Z");
  private static final RunId WEEK_LATER = new RunId("20261208T080000Z");

  /** A registry of one partitioned table, with one drifted partition, and its check state. */
  private static final class World {
    final RecordingObjectStore store = new RecordingObjectStore();
    final FakeCatalog catalog = new FakeCatalog();
    final S3CheckStateStore states = new S3CheckStateStore(store, REPORTS);

    World() {
      store.add(CONTRACTS, "contracts/orders.json", contract("", "id:bigint", "amount:bigint"));
      store.add(
          REGISTRY,
          REGISTRY_KEY,
          "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/orders.json\"}]}");
      store.add(DATA, "sales/orders/dt=2024-01-01/part-00000.parquet", "some bytes");
      glue("7", "id:bigint", "amount:bigint");
      catalog.addPartitions(
          "sales",
          "orders",
          List.of(
              partition("2024-01-01", "id:bigint", "amount:double"),
              partition("2024-01-02", "id:bigint", "amount:bigint")));
    }

    void glue(String version, String... columns) {
      catalog.addTable(
          GlueTables.stamped(
              TableDefinitions.fromContract(
                      ContractReader.read(
                          "test", contract("", columns).getBytes(StandardCharsets.UTF_8)))
                  .orElseThrow(),
              version,
              "2026-11-20T10:00:0" + version + "Z"));
    }

    /** The contract gains a column the table lacks; {@code policy} may change the sample. */
    void changeContract(String policy) {
      store.add(
          CONTRACTS,
          "contracts/orders.json",
          contract(policy, "id:bigint", "amount:bigint", "note:string"));
    }

    RunSettings settings() {
      return new RunSettings(CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, null, null);
    }

    void run(RunId run, boolean full) {
      new SchemaDiffRun(
              settings(),
              store,
              catalog,
              new RecordingReportTrigger(),
              SchemaDiffRun.Listener.NONE,
              states)
          .execute(new RunRequest(run, null, List.of()).withFull(full));
    }

    int partitionReads() {
      return catalog.calls(FakeCatalog.Method.PARTITIONS);
    }

    JsonNode artifact(RunId run) throws IOException {
      String key = "diffs/sales.orders/" + run + ".diff.json";
      return Json.mapper()
          .readTree(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
    }

    /** One SQS batch of these events through a container's event path, sharing the state. */
    void events(Instant now, ChangeEvent... events) {
      RunSettings settings = settings();
      EventRun run =
          new EventRun(
              settings,
              store,
              new SchemaDiffRun(
                  settings,
                  store,
                  catalog,
                  new RecordingReportTrigger(),
                  SchemaDiffRun.Listener.NONE,
                  states),
              new StrictEventListener());
      List<QueuedMessage> messages = new ArrayList<>();
      for (ChangeEvent event : events) {
        messages.add(new QueuedMessage("m" + messages.size(), event, now, null));
      }
      assertEquals(List.of(), run.handle(messages, now).failedMessageIds());
    }

    dev.schemadrift.state.CheckRecord record() {
      return states.find(new DiffArtifact.TableName("sales", "orders")).orElseThrow();
    }
  }

  @Test
  void aContractChangeIsComparedWithTheKeptPartitionsAsAFullRunComparesTheReadOnes()
      throws IOException {
    World incremental = new World();
    World full = new World();
    for (World world : List.of(incremental, full)) {
      world.run(FIRST, false);
      assertEquals(1, world.partitionReads());
      assertEquals(FIRST.value(), world.record().partitions().readIn());
      world.changeContract("");
    }

    incremental.run(SECOND, false);
    full.run(SECOND, true);

    assertEquals(1, incremental.partitionReads(), "kept, not read again");
    assertEquals(2, full.partitionReads());
    JsonNode kept = incremental.artifact(SECOND);
    JsonNode read = full.artifact(SECOND);
    List<String> rules = new ArrayList<>();
    kept.path("findings").forEach(finding -> rules.add(finding.path("rule").asText()));
    assertTrue(rules.contains("PARTITION_SCHEMA_MISMATCH"), rules.toString());
    assertTrue(rules.size() >= 2, "the contract's new column is judged too: " + rules);
    JsonNode partitions = kept.path("catalog").path("partitions");
    assertEquals(FIRST.value(), partitions.path("read_in").asText());
    assertTrue(read.path("catalog").path("partitions").path("read_in").isMissingNode());
    // Apart from naming the run that read the partitions, the artifacts are the same.
    ((ObjectNode) partitions).remove("read_in");
    assertEquals(read, kept);
    // The manifests are the same, byte for byte.
    String manifest = "runs/" + SECOND + ".json";
    assertEquals(
        new String(full.store.object(REPORTS, manifest).orElseThrow(), StandardCharsets.UTF_8),
        new String(
            incremental.store.object(REPORTS, manifest).orElseThrow(), StandardCharsets.UTF_8));
    // The record of the new verdict still says when the partitions were read.
    assertEquals(FIRST.value(), incremental.record().partitions().readIn());
    assertEquals(SECOND.value(), full.record().partitions().readIn());
  }

  @Test
  void aNewGlueTableVersionReadsThePartitionsAgain() throws IOException {
    World world = new World();
    world.run(FIRST, false);
    world.changeContract("");
    world.glue("8", "id:bigint", "amount:bigint", "extra:string");

    world.run(SECOND, false);

    assertEquals(2, world.partitionReads());
    assertTrue(
        world.artifact(SECOND).path("catalog").path("partitions").path("read_in").isMissingNode());
    assertEquals(SECOND.value(), world.record().partitions().readIn());
  }

  @Test
  void aContractAskingForAnotherSampleSizeReadsThePartitionsAgain() throws IOException {
    World world = new World();
    world.run(FIRST, false);
    world.changeContract("\"policy\": {\"partition_sample\": 10},");

    world.run(SECOND, false);

    assertEquals(2, world.partitionReads());
    assertEquals(List.of(100, 10), world.catalog.partitionLimits());
    assertEquals(
        10, world.artifact(SECOND).path("catalog").path("partitions").path("limit").asInt());
  }

  @Test
  void partitionsReadAsLongAgoAsTheFullCheckPeriodAreReadAgain() throws IOException {
    World world = new World();
    world.run(FIRST, false);
    world.changeContract("");

    world.run(WEEK_LATER, false);

    assertEquals(2, world.partitionReads());
    assertTrue(
        world
            .artifact(WEEK_LATER)
            .path("catalog")
            .path("partitions")
            .path("read_in")
            .isMissingNode());
  }

  @Test
  void partitionsAnEventNamedAreNeverKeptAsTheTablesSample() throws IOException {
    World world = new World();
    world.events(
        Instant.parse("2026-12-01T08:00:00Z"),
        new ChangeEvent.TableChanged(
            "sales", "orders", "BatchCreatePartition", List.of("[2024-01-02]")));
    assertNotNull(world.record());
    assertNull(world.record().partitions(), "only the table's usual sample is kept");
    world.changeContract("");

    world.run(SECOND, false);

    assertEquals(1, world.partitionReads(), "the usual sample, read by the scheduled run");
    assertEquals(SECOND.value(), world.record().partitions().readIn());
  }

  @Test
  void aContractUploadEventUsesTheKeptPartitionsToo() throws IOException {
    World world = new World();
    world.run(FIRST, false);
    world.changeContract("");

    world.events(
        Instant.parse("2026-12-01T09:30:00Z"),
        new ChangeEvent.ObjectCreated(CONTRACTS, "contracts/orders.json"));

    assertEquals(1, world.partitionReads());
    // The event run's id is its own (the second after the batch arrived): its only new artifact.
    List<String> judged =
        world.store.keys(REPORTS).stream()
            .filter(key -> key.startsWith("diffs/sales.orders/") && !key.contains(FIRST.value()))
            .toList();
    assertEquals(1, judged.size(), judged.toString());
    JsonNode artifact =
        Json.mapper().readTree(world.store.object(REPORTS, judged.getFirst()).orElseThrow());
    assertEquals(
        FIRST.value(), artifact.path("catalog").path("partitions").path("read_in").asText());
    List<String> rules = new ArrayList<>();
    artifact.path("findings").forEach(finding -> rules.add(finding.path("rule").asText()));
    assertTrue(rules.contains("PARTITION_SCHEMA_MISMATCH"), rules.toString());
  }

  private static String contract(String extra, String... columns) {
    String list = ContractJson.columns(columns);
    return "{"
        + extra
        + "\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
        + " \"owner\": \"team@example.org\", \"format\": \"parquet\", \"data_location\": \"s3://"
        + DATA
        + "/sales/orders/\", \"columns\": ["
        + list
        + "], \"partition_keys\": [{\"name\": \"dt\", \"type\": \"string\"}]}";
  }

  private static GluePartition partition(String day, String... columns) {
    return GluePartitions.parquet("s3://" + DATA + "/sales/orders/", day, columns);
  }
}
