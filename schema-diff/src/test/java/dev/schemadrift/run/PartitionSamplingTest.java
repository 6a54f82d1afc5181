package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GluePartitions;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partition drift through the whole pipeline on fakes: how many partition calls a run makes per
 * table (at most one, none where Glue holds no partitions to read), what the sample covers and what
 * the artifact says about it.
 */
class PartitionSamplingTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String DATA = "data-lake";
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static final String PARTITIONED =
      "\"partition_keys\": [{\"name\": \"dt\", \"type\": \"string\"}],";

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();

  @Test
  void aPartitionedTableIsSampledInOneCallAndADriftedPartitionIsBreaking() throws IOException {
    givenTable("sales", "orders", PARTITIONED);
    catalog.addPartitions(
        "sales",
        "orders",
        List.of(
            partition("2024-01-02", "id:bigint", "amount:bigint"),
            partition("2024-01-01", "id:bigint", "amount:double")));
    givenRegistry("", "sales", "orders");

    run();

    assertEquals(1, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertEquals(List.of(100), catalog.partitionLimits());
    JsonNode artifact = artifact("sales", "orders");
    assertEquals("BREAKING", artifact.path("status").asText());
    JsonNode finding = artifact.path("findings").get(0);
    assertEquals("PARTITION_SCHEMA_MISMATCH", finding.path("rule").asText());
    assertEquals("@partition[dt=2024-01-01].amount", finding.path("path").asText());
    assertEquals("bigint", finding.path("expected").asText());
    assertEquals("double", finding.path("actual").asText());
    assertTrue(
        finding.path("reason").asText().contains("HIVE_PARTITION_SCHEMA_MISMATCH"),
        finding.path("reason").asText());
    assertEquals(1, artifact.path("findings").size());
    JsonNode sample = artifact.path("catalog").path("partitions");
    assertEquals(100, sample.path("limit").asInt());
    assertEquals(2, sample.path("read").asInt());
    assertFalse(sample.path("more").asBoolean());
    assertEquals("dt=2024-01-01", sample.path("first").asText());
    assertEquals("dt=2024-01-02", sample.path("last").asText());
    assertTrue(sample.path("skipped").isNull());
  }

  @Test
  void theSampleSizeComesFromThePolicyAndTheArtifactSaysThatGlueHoldsMore() throws IOException {
    givenTable("sales", "orders", PARTITIONED);
    catalog.addPartitions(
        "sales",
        "orders",
        List.of(
            partition("2024-01-01", "id:bigint", "amount:bigint"),
            partition("2024-01-02", "id:bigint", "amount:bigint"),
            partition("2024-01-03", "id:bigint", "amount:double")));
    givenRegistry("\"defaults\": {\"policy\": {\"partition_sample\": 2}},", "sales", "orders");

    run();

    assertEquals(List.of(2), catalog.partitionLimits());
    JsonNode artifact = artifact("sales", "orders");
    assertEquals("OK", artifact.path("status").asText());
    JsonNode sample = artifact.path("catalog").path("partitions");
    assertEquals(2, sample.path("read").asInt());
    assertTrue(sample.path("more").asBoolean());
    assertEquals("dt=2024-01-02", sample.path("last").asText());
  }

  @Test
  void noCallIsMadeForUnpartitionedProjectedOrSwitchedOffTables() throws IOException {
    givenTable("sales", "plain", "");
    String contract = contract("sales", "projected", PARTITIONED);
    store.add(CONTRACTS, "contracts/projected.json", contract);
    store.add(DATA, "sales/projected/part-00000", "some bytes");
    catalog.addTable(glueTable(contract).withParameter("projection.enabled", "TRUE"));
    givenTable("sales", "off", "\"policy\": {\"partition_sample\": 0}," + PARTITIONED);
    givenRegistry("", "sales", "plain", "projected", "off");

    run();

    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertTrue(artifact("sales", "plain").path("catalog").path("partitions").isMissingNode());
    assertEquals(
        "partition projection is enabled: Glue holds no partitions to read",
        artifact("sales", "projected").path("catalog").path("partitions").path("skipped").asText());
    JsonNode off = artifact("sales", "off").path("catalog").path("partitions");
    assertEquals("partition_sample is 0", off.path("skipped").asText());
    assertEquals(0, off.path("limit").asInt());
  }

  @Test
  void aTableThisRunCreatedHasNoPartitionsToRead() throws IOException {
    store.add(CONTRACTS, "contracts/orders.json", contract("sales", "orders", PARTITIONED));
    store.add(DATA, "sales/orders/part-00000", "some bytes");
    catalog.addDatabase("sales");
    givenRegistry("", "sales", "orders");

    run();

    assertEquals(1, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    assertEquals(0, catalog.calls(FakeCatalog.Method.PARTITIONS));
    assertTrue(artifact("sales", "orders").path("catalog").path("partitions").isMissingNode());
  }

  private static String contract(String database, String table, String extra) {
    return "{"
        + extra
        + "\"data_location\": \"s3://"
        + DATA
        + "/"
        + database
        + "/"
        + table
        + "/\", \"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \""
        + table
        + "\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
        + " {\"name\": \"amount\", \"type\": \"bigint\"}]}";
  }

  private static GlueTable glueTable(String contract) {
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read("test", contract.getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    return GlueTables.stamped(definition, "7", "2026-11-20T10:00:00Z");
  }

  /** A contract, the matching Glue table and a data file, under contracts/{table}.json. */
  private void givenTable(String database, String table, String extra) {
    String contract = contract(database, table, extra);
    store.add(CONTRACTS, "contracts/" + table + ".json", contract);
    store.add(DATA, database + "/" + table + "/part-00000", "some bytes");
    catalog.addTable(glueTable(contract));
  }

  private void givenRegistry(String extra, String database, String... tables) {
    StringBuilder entries = new StringBuilder();
    for (String table : tables) {
      entries.append(entries.isEmpty() ? "" : ", ");
      entries.append("{\"contract\": \"contracts/").append(table).append(".json\"}");
    }
    store.add(
        REGISTRY,
        "configs/tables.json",
        "{" + extra + "\"registry_version\": 1, \"tables\": [" + entries + "]}");
  }

  private static GluePartition partition(String day, String... columns) {
    return GluePartitions.parquet("s3://" + DATA + "/sales/orders/", day, columns);
  }

  private void run() {
    new SchemaDiffRun(
            new RunSettings(
                CONTRACTS,
                REPORTS,
                REGISTRY,
                "configs/tables.json",
                1000,
                4,
                "report-function",
                null),
            store,
            catalog,
            new RecordingReportTrigger())
        .execute(new RunRequest(RUN, null, List.of()));
  }

  private JsonNode artifact(String database, String table) throws IOException {
    String key = "diffs/" + database + "." + table + "/" + RUN + ".diff.json";
    return Json.mapper()
        .readTree(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
  }
}
