package dev.schemadrift.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.S3CheckStateStore;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.run.fakes.ContractJson;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scheduled runs in one warm container (one {@link SchemaDiffRun}, as the Lambda handler keeps it):
 * a contract whose listed ETag is the one the container read is not read again, and the verdicts
 * are byte for byte those of a cold container. A cold container takes the contract from the check
 * record, which keeps its bytes with their ETag; only records without them (older state) cost a
 * read.
 */
class WarmContainerRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final RunId FIRST = new RunId("20261201T080000Z");
  private static final RunId SECOND = new RunId("20261201T200000Z");
  private static final List<String> TABLES = List.of("glue_changed", "contract_changed", "same");

  /** A registry of three tables and the pipeline of one container. */
  private static final class Container {
    final RecordingObjectStore store = new RecordingObjectStore();
    final FakeCatalog catalog = new FakeCatalog();
    final RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, null, null);
    SchemaDiffRun pipeline = newPipeline();

    Container() {
      StringBuilder entries = new StringBuilder();
      for (String table : TABLES) {
        store.add(CONTRACTS, "contracts/" + table + ".json", contract(table, "id:bigint"));
        glue(table, "1", "id:bigint");
        store.add(DATA, "sales/" + table + "/part-00000", "some bytes");
        entries.append(entries.isEmpty() ? "" : ", ");
        entries.append("{\"contract\": \"contracts/").append(table).append(".json\"}");
      }
      store.add(REGISTRY, REGISTRY_KEY, "{\"registry_version\": 1, \"tables\": [" + entries + "]}");
    }

    SchemaDiffRun newPipeline() {
      return new SchemaDiffRun(
          settings,
          store,
          catalog,
          new RecordingReportTrigger(),
          SchemaDiffRun.Listener.NONE,
          new S3CheckStateStore(store, REPORTS));
    }

    void glue(String table, String version, String... columns) {
      catalog.addTable(
          GlueTables.stamped(
              TableDefinitions.fromContract(
                      ContractReader.read(
                          "test", contract(table, columns).getBytes(StandardCharsets.UTF_8)))
                  .orElseThrow(),
              version,
              "2026-11-20T10:00:0" + version + "Z"));
    }

    /** Between the runs: one Glue table gains a column, one contract gains one. */
    void change() {
      glue("glue_changed", "2", "id:bigint", "added:string");
      store.add(
          CONTRACTS,
          "contracts/contract_changed.json",
          contract("contract_changed", "id:bigint", "wanted:string"));
    }

    void run(RunId run, boolean full) {
      pipeline.execute(new RunRequest(run, null, List.of()).withFull(full));
    }

    List<String> contractReads() {
      return store.calls(Operation.GET).stream()
          .map(RecordingObjectStore.Call::key)
          .filter(key -> key.startsWith("contracts/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void aGlueChangeIsJudgedWithoutReadingTheUnchangedContractAgain() {
    Container warm = new Container();
    Container cold = new Container();
    for (Container container : List.of(warm, cold)) {
      container.run(FIRST, false);
      container.change();
      container.store.clearCalls();
    }
    // A cold container: a new pipeline (an empty cache) over the same bucket and state.
    cold.pipeline = cold.newPipeline();

    warm.run(SECOND, false);
    cold.run(SECOND, false);

    assertEquals(List.of("contracts/contract_changed.json"), warm.contractReads());
    // The cold container takes the unchanged contract from its record: no read either.
    assertEquals(List.of("contracts/contract_changed.json"), cold.contractReads());
    for (String key :
        List.of(
            "runs/" + SECOND + ".json",
            "diffs/sales.glue_changed/" + SECOND + ".diff.json",
            "diffs/sales.contract_changed/" + SECOND + ".diff.json")) {
      assertArrayEquals(
          cold.store.object(REPORTS, key).orElseThrow(),
          warm.store.object(REPORTS, key).orElseThrow(),
          key);
    }
    String judged =
        new String(
            warm.store
                .object(REPORTS, "diffs/sales.glue_changed/" + SECOND + ".diff.json")
                .orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(judged.contains("\"COLUMN_ADDED\""), judged);
  }

  @Test
  void aColdContainerReadsTheContractWhenItsRecordKeepsNoBytes() {
    Container warm = new Container();
    Container cold = new Container();
    for (Container container : List.of(warm, cold)) {
      container.run(FIRST, false);
      container.change();
    }
    // State written before records kept contract bytes: the same records without them.
    for (String key : cold.store.keys(REPORTS)) {
      if (key.startsWith("state/checks/")) {
        String shard = new String(cold.store.object(REPORTS, key).orElseThrow(), UTF_8);
        assertTrue(shard.contains("\"contract_gz\""), shard);
        cold.store.add(REPORTS, key, shard.replaceAll(",\"contract_gz\":\"[^\"]*\"", ""));
      }
    }
    cold.pipeline = cold.newPipeline();
    cold.store.clearCalls();
    warm.store.clearCalls();

    warm.run(SECOND, false);
    cold.run(SECOND, false);

    assertEquals(
        List.of("contracts/contract_changed.json", "contracts/glue_changed.json"),
        cold.contractReads());
    for (String key :
        List.of(
            "diffs/sales.glue_changed/" + SECOND + ".diff.json",
            "diffs/sales.contract_changed/" + SECOND + ".diff.json")) {
      assertArrayEquals(
          cold.store.object(REPORTS, key).orElseThrow(),
          warm.store.object(REPORTS, key).orElseThrow(),
          key);
    }
  }

  @Test
  void aContractWhoseListedTagIsNotTheRecordsIsReadNotTakenFromTheRecord() {
    Container cold = new Container();
    cold.run(FIRST, false);
    // A new version of the contract, with the same bytes' table but another column.
    cold.store.add(CONTRACTS, "contracts/same.json", contract("same", "id:bigint", "newer:string"));
    cold.pipeline = cold.newPipeline();
    cold.store.clearCalls();

    cold.run(SECOND, false);

    assertEquals(List.of("contracts/same.json"), cold.contractReads());
    String judged =
        new String(
            cold.store.object(REPORTS, "diffs/sales.same/" + SECOND + ".diff.json").orElseThrow(),
            UTF_8);
    assertTrue(judged.contains("\"newer\""), judged);
  }

  @Test
  void aFullRunRevalidatesEveryContract() {
    Container warm = new Container();
    warm.run(FIRST, false);
    warm.store.clearCalls();

    warm.run(SECOND, true);

    assertEquals(
        List.of(
            "contracts/contract_changed.json",
            "contracts/glue_changed.json",
            "contracts/same.json"),
        warm.contractReads());
  }

  private static String contract(String table, String... columns) {
    String list = ContractJson.columns(columns);
    return "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \""
        + table
        + "\", \"owner\": \"team@example.org\", \"format\": \"parquet\", \"data_location\":"
        + " \"s3://"
        + DATA
        + "/sales/"
        + table
        + "/\", \"columns\": ["
        + list
        + "]}";
  }
}
