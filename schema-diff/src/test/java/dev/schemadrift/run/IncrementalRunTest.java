package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.S3CheckStateStore;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryCheckStateStore;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.run.event.ChangeEvent;
import dev.schemadrift.run.event.QueuedMessage;
import dev.schemadrift.run.fakes.ContractJson;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import dev.schemadrift.state.CheckRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental scheduled runs on fakes: which verdicts a second run keeps, what it costs, and that
 * it gives what a full run over the same inputs gives (statuses, findings, manifest, artifacts),
 * for every kind of change between the two runs.
 */
class IncrementalRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final RunId FIRST = new RunId("20261201T080000Z");
  private static final RunId SAME_DAY = new RunId("20261201T200000Z");
  private static final RunId NEXT_DAY = new RunId("20261202T080000Z");

  /** The tables of the registry and the verdict each gets in the first run. */
  private static final Map<String, String> FIRST_STATUSES =
      new TreeMap<>(
          Map.of(
              "sales.ok", "OK",
              "sales.breaking", "BREAKING",
              "sales.waived", "OK",
              "sales.nodata", "NO_DATA",
              "sales.missing", "BREAKING"));

  /** A registry, its contracts, Glue tables and data: one world per run sequence. */
  private static final class World {
    final RecordingObjectStore store = new RecordingObjectStore();
    final FakeCatalog catalog = new FakeCatalog();
    final RecordingReportTrigger trigger = new RecordingReportTrigger();
    final CheckStateStore states = new S3CheckStateStore(store, REPORTS);
    String defaults = "";
    int fullCheckDays = 7;
    final List<String> moreContracts = new ArrayList<>();

    World() {
      table("ok", "", true, true, "id:bigint", "name:string");
      contract("breaking", "", "id:bigint", "acres:double");
      glue("breaking", "id:bigint");
      data("breaking");
      contract(
          "waived",
          "\"policy\": {\"waivers\": [{\"rule\": \"COLUMN_REMOVED\", \"path\": \"acres\","
              + " \"reason\": \"moving\", \"owner\": \"o\", \"expires\": \"2026-12-01\"}]},",
          "id:bigint",
          "acres:double");
      glue("waived", "id:bigint");
      data("waived");
      table("nodata", "", true, false, "id:bigint");
      table("missing", "\"policy\": {\"create_if_missing\": false},", false, true, "id:bigint");
      store.add(CONTRACTS, "contracts/broken.json", "{\"contract_version\": ");
      // The same table as ok under a second key: a DUPLICATE_CONTRACT error in every run.
      store.add(CONTRACTS, "contracts/zz_duplicate.json", contractJson("ok", "", "id:bigint"));
      registry();
    }

    void registry() {
      List<String> keys =
          List.of(
              "contracts/ok.json",
              "contracts/breaking.json",
              "contracts/waived.json",
              "contracts/nodata.json",
              "contracts/missing.json",
              "contracts/broken.json",
              "contracts/zz_duplicate.json");
      StringBuilder tables = new StringBuilder();
      for (String key : concat(keys, moreContracts)) {
        tables.append(tables.isEmpty() ? "" : ", ").append("{\"contract\": \"" + key + "\"}");
      }
      store.add(
          REGISTRY,
          REGISTRY_KEY,
          "{" + defaults + "\"registry_version\": 1, \"tables\": [" + tables + "]}");
    }

    void table(String name, String extra, boolean inGlue, boolean withData, String... columns) {
      contract(name, extra, columns);
      if (inGlue) {
        glue(name, columns);
      }
      if (withData) {
        data(name);
      }
    }

    void contract(String name, String extra, String... columns) {
      store.add(CONTRACTS, "contracts/" + name + ".json", contractJson(name, extra, columns));
    }

    void glue(String name, String... columns) {
      glueVersion(name, "7", columns);
    }

    void glueVersion(String name, String version, String... columns) {
      GlueTable definition =
          TableDefinitions.fromContract(
                  ContractReader.read(
                      "test", contractJson(name, "", columns).getBytes(StandardCharsets.UTF_8)))
              .orElseThrow();
      catalog.addTable(
          GlueTables.stamped(definition, version, "2026-11-20T10:0" + version + ":00Z"));
    }

    void data(String name) {
      store.add(DATA, "sales/" + name + "/part-00000", "some bytes");
    }

    RunManifest run(RunId run, boolean full) {
      RunSettings settings = settings();
      return new SchemaDiffRun(
              settings, store, catalog, trigger, SchemaDiffRun.Listener.NONE, states)
          .execute(new RunRequest(run, null, List.of()).withFull(full));
    }

    /**
     * One SQS batch of a Glue table change for {@code sales.<table>} through a fresh container's
     * event path (a duplicate may reach another container), sharing this world's check state.
     */
    EventRun.Outcome event(Instant now, String table, String typeOfChange) {
      RunSettings settings = settings();
      SchemaDiffRun pipeline =
          new SchemaDiffRun(settings, store, catalog, trigger, SchemaDiffRun.Listener.NONE, states);
      EventRun events = new EventRun(settings, store, pipeline, new StrictEventListener());
      ChangeEvent event =
          typeOfChange.equals("DeleteTable")
              ? new ChangeEvent.DatabaseChanged("sales", typeOfChange, List.of(table))
              : new ChangeEvent.TableChanged("sales", table, typeOfChange, List.of());
      EventRun.Outcome outcome =
          events.handle(List.of(new QueuedMessage("m-" + now, event, now, null)), now);
      assertEquals(List.of(), outcome.failedMessageIds());
      return outcome;
    }

    RunSettings settings() {
      return new RunSettings(
              CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, "report-function", null)
          .withFullCheckDays(fullCheckDays);
    }

    /** The artifacts of {@code sales.<table>}, in key order. */
    List<String> diffKeys(String table) {
      return store.keys(REPORTS).stream()
          .filter(key -> key.startsWith("diffs/sales." + table + "/"))
          .toList();
    }

    JsonNode manifest(RunId run) {
      return read(store.object(REPORTS, "runs/" + run + ".json").orElseThrow());
    }

    JsonNode object(String key) {
      return read(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static String contractJson(String name, String extra, String... columns) {
    String list = ContractJson.columns(columns);
    return "{"
        + extra
        + "\"data_location\": \"s3://"
        + DATA
        + "/sales/"
        + name
        + "/\", \"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \""
        + name
        + "\", \"owner\": \"team@example.org\", \"format\": \"parquet\", \"columns\": ["
        + list
        + "]}";
  }

  // ------------------------------------------------------------------------------ reuse and cost

  @Test
  void anUnchangedRegistryReadsNoContractAndWritesNoArtifact() {
    World world = new World();
    world.run(FIRST, false);
    assertEquals(FIRST_STATUSES, statuses(world.manifest(FIRST)));
    world.store.clearCalls();
    int glueReadsBefore = world.catalog.calls(FakeCatalog.Method.TABLES);

    world.run(SAME_DAY, false);

    JsonNode manifest = world.manifest(SAME_DAY);
    assertEquals(FIRST_STATUSES, statuses(manifest));
    for (JsonNode line : manifest.path("tables")) {
      String table = line.path("database").asText() + "." + line.path("table").asText();
      if (line.path("status").asText().equals("ERROR")) {
        assertTrue(line.path("reused_from").isMissingNode(), "an ERROR is never kept: " + line);
        continue;
      }
      assertEquals(FIRST.value(), line.path("reused_from").asText(), table);
      assertEquals(
          "diffs/" + table + "/" + FIRST + ".diff.json", line.path("diff_key").asText(), table);
    }
    // Reads: the registry, the cursor, the 16 state shards and the two error contracts (never
    // kept); the duplicate's twin is judged from its contract (a duplicate is), whose bytes its
    // record keeps with the listed ETag; one listing of the contracts and one probe of the table
    // that had no data.
    assertEquals(
        new TreeSet<>(
            List.of(
                "configs/tables.json",
                "state/cursor.json",
                "contracts/broken.json",
                "contracts/zz_duplicate.json")),
        new TreeSet<>(
            world.store.calls(Operation.GET).stream()
                .map(RecordingObjectStore.Call::key)
                .filter(key -> !key.startsWith("state/checks/"))
                .toList()));
    assertEquals(
        16,
        world.store.calls(Operation.GET).stream()
            .filter(call -> call.key().startsWith("state/checks/"))
            .count());
    assertEquals(
        List.of("contracts/", "sales/nodata/"),
        world.store.calls(Operation.LIST).stream().map(RecordingObjectStore.Call::key).toList());
    // Writes: the artifacts of the two errors, the manifest and the cursor; no state.
    List<String> written =
        world.store.calls(Operation.PUT).stream().map(RecordingObjectStore.Call::key).toList();
    assertEquals(
        List.of("runs/" + SAME_DAY + ".json", "state/cursor.json"),
        written.stream()
            .filter(key -> !key.startsWith("diffs/_contract_errors."))
            .sorted()
            .toList());
    assertEquals(
        2, written.stream().filter(key -> key.startsWith("diffs/_contract_errors.")).count());
    assertEquals(1, world.catalog.calls(FakeCatalog.Method.TABLES) - glueReadsBefore);
  }

  @Test
  void aTableJudgedAgainIsProbedOnlyWhenItsLocationMoved() {
    World world = new World();
    world.run(FIRST, false);
    world.contract("ok", "", "id:bigint", "name:string", "added:string");
    world.glueVersion("breaking", "8", "id:bigint", "acres:double");
    world.store.clearCalls();
    world.run(SAME_DAY, false);
    // Both are judged again, neither is probed: files were found at their location.
    JsonNode manifest = world.manifest(SAME_DAY);
    assertTrue(line(manifest, "sales.ok").path("reused_from").isMissingNode());
    assertTrue(line(manifest, "sales.breaking").path("reused_from").isMissingNode());
    assertEquals(
        List.of("contracts/", "sales/nodata/"),
        world.store.calls(Operation.LIST).stream().map(RecordingObjectStore.Call::key).toList());

    // A contract that moves its data location is probed there.
    world.store.add(
        CONTRACTS,
        "contracts/ok.json",
        contractJson("ok", "", "id:bigint", "name:string")
            .replace("/sales/ok/", "/sales/ok_moved/"));
    world.store.clearCalls();
    world.run(NEXT_DAY, false);
    assertTrue(
        world.store.calls(Operation.LIST).stream()
            .anyMatch(call -> call.key().equals("sales/ok_moved/")));
    assertEquals("NO_DATA", line(world.manifest(NEXT_DAY), "sales.ok").path("status").asText());
  }

  @Test
  void withoutTheListingContractsAreReadAndComparedByTheirHash() {
    World world = new World();
    world.run(FIRST, false);
    world.store.fail(Operation.LIST, CONTRACTS, "contracts/", ErrorKind.ACCESS_DENIED);
    world.store.clearCalls();
    world.run(SAME_DAY, false);
    JsonNode manifest = world.manifest(SAME_DAY);
    // Every contract is read, and the unchanged ones still keep their verdict.
    assertEquals(
        7,
        world.store.calls(Operation.GET).stream()
            .filter(call -> call.key().startsWith("contracts/"))
            .count());
    assertEquals(FIRST.value(), line(manifest, "sales.breaking").path("reused_from").asText());
    assertEquals(FIRST_STATUSES, statuses(manifest));
  }

  @Test
  void anotherAccountsTableKeepsItsVerdictWhileItsOwnCatalogHoldsTheSameVersion() {
    String account = "123456789012";
    String extra = "\"catalog_id\": \"" + account + "\",";
    World world = new World();
    world.contract("remote", extra, "id:bigint");
    world.data("remote");
    world.catalog.account(account).addTable(remoteTable("remote", extra, "7", "id:bigint"));
    world.moreContracts.add("contracts/remote.json");
    world.registry();
    world.run(FIRST, false);
    assertEquals("OK", line(world.manifest(FIRST), "sales.remote").path("status").asText());

    // The monitor's own catalog has no sales.remote: only a lookup in the table's own catalog
    // finds the version the verdict was judged on.
    world.run(SAME_DAY, false);
    assertEquals(
        FIRST.value(), line(world.manifest(SAME_DAY), "sales.remote").path("reused_from").asText());

    world
        .catalog
        .account(account)
        .addTable(remoteTable("remote", extra, "8", "id:bigint", "added:string"));
    world.run(NEXT_DAY, false);
    JsonNode judged = line(world.manifest(NEXT_DAY), "sales.remote");
    assertTrue(judged.path("reused_from").isMissingNode(), judged.toString());
    assertEquals("SAFE", judged.path("status").asText());
    assertEquals(
        account,
        world.object("diffs/sales.remote/" + NEXT_DAY + ".diff.json").path("catalog_id").asText());
  }

  private static GlueTable remoteTable(
      String name, String extra, String version, String... columns) {
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read(
                    "test", contractJson(name, extra, columns).getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    return GlueTables.stamped(definition, version, "2026-11-20T10:0" + version + ":00Z");
  }

  @Test
  void aDeltaTableIsJudgedAgainEveryRunBecauseItsLogChangesWithoutAGlueVersion() {
    World world = new World();
    world.contract("lake", "", "id:bigint");
    world.data("lake");
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read(
                    "test", contractJson("lake", "", "id:bigint").getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    world.catalog.addTable(
        GlueTables.stamped(
            definition.withParameter("table_type", "DELTA"), "7", "2026-11-20T10:07:00Z"));
    world.store.add(DATA, "sales/lake/_delta_log/00000000000000000000.json", deltaCommit("id"));
    world.moreContracts.add("contracts/lake.json");
    world.registry();
    world.run(FIRST, false);
    assertEquals("OK", line(world.manifest(FIRST), "sales.lake").path("status").asText());

    // A commit adds a column: Glue's table is the same version, the log's schema is not.
    world.store.add(
        DATA, "sales/lake/_delta_log/00000000000000000001.json", deltaCommit("id", "channel"));
    world.run(SAME_DAY, false);
    JsonNode judged = line(world.manifest(SAME_DAY), "sales.lake");
    assertTrue(judged.path("reused_from").isMissingNode(), judged.toString());
    assertEquals("SAFE", judged.path("status").asText());
    // The tables beside it keep their verdicts as before.
    assertEquals(
        FIRST.value(), line(world.manifest(SAME_DAY), "sales.ok").path("reused_from").asText());
  }

  /** One Delta log commit whose metadata holds a schema of string columns (id: long). */
  private static String deltaCommit(String... columns) {
    StringBuilder fields = new StringBuilder();
    for (String column : columns) {
      fields
          .append(fields.isEmpty() ? "" : ",")
          .append("{\\\"name\\\":\\\"")
          .append(column)
          .append("\\\",\\\"type\\\":\\\"")
          .append(column.equals("id") ? "long" : "string")
          .append("\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}");
    }
    return "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"metaData\":{\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
        + fields
        + "]}\",\"partitionColumns\":[],\"format\":{\"provider\":\"parquet\"}}}\n";
  }

  @Test
  void aRetriedRunWritesTheSameManifestBytes() {
    World world = new World();
    world.run(FIRST, false);
    byte[] first = world.store.object(REPORTS, "runs/" + FIRST + ".json").orElseThrow();
    world.run(FIRST, false);
    assertArrayEquals(first, world.store.object(REPORTS, "runs/" + FIRST + ".json").orElseThrow());
    assertTrue(world.manifest(FIRST).findValues("reused_from").isEmpty());
  }

  @Test
  void aVerdictOlderThanTheFullCheckPeriodIsJudgedAgain() {
    World world = new World();
    world.run(FIRST, false);
    RunId sixDaysOn = new RunId("20261207T080000Z");
    world.run(sixDaysOn, false);
    assertEquals(
        FIRST.value(), line(world.manifest(sixDaysOn), "sales.ok").path("reused_from").asText());
    RunId sevenDaysOn = new RunId("20261208T080000Z");
    world.run(sevenDaysOn, false);
    JsonNode manifest = world.manifest(sevenDaysOn);
    assertTrue(line(manifest, "sales.ok").path("reused_from").isMissingNode());
    // The age is the verdict's own: the waived table was judged again six days on (its waiver had
    // expired), so that verdict is kept.
    assertEquals(sixDaysOn.value(), line(manifest, "sales.waived").path("reused_from").asText());
    assertEquals(
        "diffs/sales.ok/" + sevenDaysOn + ".diff.json",
        line(world.manifest(sevenDaysOn), "sales.ok").path("diff_key").asText());
  }

  @Test
  void aFullCheckPeriodOfZeroMakesEveryRunFull() {
    World world = new World();
    world.fullCheckDays = 0;
    world.run(FIRST, false);
    world.run(SAME_DAY, false);
    assertTrue(world.manifest(SAME_DAY).findValues("reused_from").isEmpty());
  }

  @Test
  void theStateTellsAnEventWhetherATableVersionWasJudged() {
    World world = new World();
    world.run(FIRST, false);
    DiffArtifact.TableName ok = new DiffArtifact.TableName("sales", "ok");
    CheckRecord record = world.states.find(ok).orElseThrow();
    assertEquals("diffs/sales.ok/" + FIRST + ".diff.json", record.diffKey());
    assertEquals("7", record.glueVersionId());
    GlueTable glue = world.catalog.stored("sales", "ok").orElseThrow();
    assertTrue(record.sameTable(glue));
    assertFalse(record.sameTable(GlueTables.stamped(glue, "8", glue.updateTime())));
    assertEquals(List.of(), record.eventIds(), "a scheduled run's verdict names no event");
    // The waived table's verdict changes on the day after its waiver's expiry.
    assertEquals(
        java.time.LocalDate.of(2026, 12, 2),
        world.states.find(new DiffArtifact.TableName("sales", "waived")).orElseThrow().horizon());
    // Errors are not remembered: the next run judges them again.
    assertFalse(
        world.states.read().tables().keySet().stream()
            .anyMatch(key -> key.startsWith("_contract_errors")));
  }

  @Test
  void theMemoryFakeKeepsTheSameVerdictsAsTheS3Store() {
    World world = new World();
    MemoryCheckStateStore memory = new MemoryCheckStateStore();
    RunSettings settings =
        new RunSettings(
            CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, "report-function", null);
    new SchemaDiffRun(
            settings,
            world.store,
            world.catalog,
            world.trigger,
            SchemaDiffRun.Listener.NONE,
            memory)
        .execute(new RunRequest(FIRST, null, List.of()));
    new SchemaDiffRun(
            settings,
            world.store,
            world.catalog,
            world.trigger,
            SchemaDiffRun.Listener.NONE,
            memory)
        .execute(new RunRequest(SAME_DAY, null, List.of()));
    assertEquals(1, memory.writes());
    assertEquals(
        FIRST.value(),
        line(world.manifest(SAME_DAY), "sales.breaking").path("reused_from").asText());
  }

  // ------------------------------------------------------------------------------ event runs

  private static final Instant EVENT = Instant.parse("2026-12-01T09:15:07Z");

  @Test
  void aScheduledRunAfterAnEventRunKeepsTheEventsVerdictNotTheOlderOne() {
    World world = new World();
    world.run(FIRST, false);
    assertEquals("BREAKING", line(world.manifest(FIRST), "sales.breaking").path("status").asText());
    // The column comes back in Glue: Glue sends a table change.
    world.glueVersion("breaking", "8", "id:bigint", "acres:double");
    RunId event = world.event(EVENT, "breaking", "UpdateTable").manifest().runId();
    JsonNode judged = line(world.manifest(event), "sales.breaking");
    assertTrue(judged.path("reused_from").isMissingNode(), judged.toString());
    assertEquals("OK", judged.path("status").asText());
    world.store.clearCalls();

    world.run(SAME_DAY, false);

    JsonNode kept = line(world.manifest(SAME_DAY), "sales.breaking");
    assertEquals("OK", kept.path("status").asText());
    assertEquals(event.value(), kept.path("reused_from").asText());
    assertEquals("diffs/sales.breaking/" + event + ".diff.json", kept.path("diff_key").asText());
    // The event recorded the contract's ETag: the scheduled run lists it and does not read it.
    assertFalse(
        world.store.calls(Operation.GET).stream()
            .anyMatch(call -> call.key().equals("contracts/breaking.json")));
    assertEquals(
        List.of(
            "diffs/sales.breaking/" + FIRST + ".diff.json",
            "diffs/sales.breaking/" + event + ".diff.json"),
        world.diffKeys("breaking"));
  }

  @Test
  void anEventForATableVersionAScheduledRunJudgedKeepsThatVerdict() {
    World world = new World();
    world.run(FIRST, false);

    EventRun.Outcome outcome = world.event(EVENT, "ok", "UpdateTable");

    JsonNode line = line(world.manifest(outcome.manifest().runId()), "sales.ok");
    assertEquals(FIRST.value(), line.path("reused_from").asText());
    assertEquals(List.of("diffs/sales.ok/" + FIRST + ".diff.json"), world.diffKeys("ok"));
  }

  @Test
  void anEventAfterAWaiverExpiredJudgesTheTableAgain() {
    World world = new World();
    world.run(FIRST, false);
    RunId sameDay = world.event(EVENT, "waived", "UpdateTable").manifest().runId();
    assertEquals(
        FIRST.value(), line(world.manifest(sameDay), "sales.waived").path("reused_from").asText());

    // The waiver expired on 2026-12-01: the next day the verdict changes with nothing else.
    RunId nextDay =
        world.event(EVENT.plus(Duration.ofDays(1)), "waived", "UpdateTable").manifest().runId();

    JsonNode judged = line(world.manifest(nextDay), "sales.waived");
    assertTrue(judged.path("reused_from").isMissingNode(), judged.toString());
    assertEquals("BREAKING", judged.path("status").asText());
    assertEquals(2, world.diffKeys("waived").size());
  }

  @Test
  void aDeletionEventsVerdictIsNeverKeptByAScheduledRun() {
    World world = new World();
    world.run(FIRST, false);
    RunId first = world.event(EVENT, "missing", "DeleteTable").manifest().runId();
    RunId again = world.event(EVENT.plusSeconds(5), "missing", "DeleteTable").manifest().runId();
    assertEquals(
        first.value(), line(world.manifest(again), "sales.missing").path("reused_from").asText());

    world.run(SAME_DAY, false);

    // The scheduled run applies the contract's create_if_missing itself (off here): judged again,
    // with its own reason.
    JsonNode line = line(world.manifest(SAME_DAY), "sales.missing");
    assertTrue(line.path("reused_from").isMissingNode(), line.toString());
    assertEquals(
        List.of(
            "diffs/sales.missing/" + FIRST + ".diff.json",
            "diffs/sales.missing/" + first + ".diff.json",
            "diffs/sales.missing/" + SAME_DAY + ".diff.json"),
        world.diffKeys("missing"));
    assertTrue(
        world
            .object(line.path("diff_key").asText())
            .toString()
            .contains("create_if_missing is off"));
  }

  @Test
  void aDeltaTableIsJudgedByEveryEvent() {
    World world = new World();
    world.contract("lake", "", "id:bigint");
    world.data("lake");
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read(
                    "test", contractJson("lake", "", "id:bigint").getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    world.catalog.addTable(
        GlueTables.stamped(
            definition.withParameter("table_type", "DELTA"), "7", "2026-11-20T10:07:00Z"));
    world.store.add(DATA, "sales/lake/_delta_log/00000000000000000000.json", deltaCommit("id"));
    world.moreContracts.add("contracts/lake.json");
    world.registry();

    world.event(EVENT, "lake", "UpdateTable");
    world.event(EVENT.plusSeconds(5), "lake", "UpdateTable");

    assertEquals(2, world.diffKeys("lake").size());
    assertTrue(world.states.find(new DiffArtifact.TableName("sales", "lake")).isEmpty());
  }

  // ------------------------------------------------------------------------------ equivalence

  /** What changes between the first run and the second. */
  enum Change {
    NOTHING(SAME_DAY, world -> {}, Set.of()),
    CONTRACT_EDITED(
        SAME_DAY,
        world -> world.contract("ok", "", "id:bigint", "name:string", "added:string"),
        Set.of("sales.ok")),
    GLUE_TABLE_UPDATED(
        SAME_DAY,
        world -> world.glueVersion("breaking", "8", "id:bigint", "acres:double"),
        Set.of("sales.breaking")),
    // Dropped and created again: the same VersionId and UpdateTime, other columns.
    GLUE_TABLE_RECREATED(
        SAME_DAY, world -> world.glueVersion("ok", "7", "id:bigint"), Set.of("sales.ok")),
    GLUE_TABLE_CREATED(
        SAME_DAY, world -> world.glueVersion("missing", "1", "id:bigint"), Set.of("sales.missing")),
    DATA_ARRIVES(SAME_DAY, world -> world.data("nodata"), Set.of("sales.nodata")),
    WAIVER_EXPIRES(NEXT_DAY, world -> {}, Set.of("sales.waived")),
    REGISTRY_DEFAULTS_CHANGED(
        SAME_DAY,
        world -> {
          world.defaults = "\"defaults\": {\"policy\": {\"extra_columns\": \"forbid\"}},";
          world.registry();
        },
        FIRST_STATUSES.keySet());

    final RunId second;
    final Consumer<World> apply;
    final Set<String> judgedAgain;

    Change(RunId second, Consumer<World> apply, Set<String> judgedAgain) {
      this.second = second;
      this.apply = apply;
      this.judgedAgain = judgedAgain;
    }
  }

  @ParameterizedTest
  @EnumSource(Change.class)
  void anIncrementalRunGivesWhatAFullRunGives(Change change) {
    World incremental = new World();
    World full = new World();
    for (World world : List.of(incremental, full)) {
      world.run(FIRST, false);
      change.apply.accept(world);
    }
    incremental.run(change.second, false);
    full.run(change.second, true);

    JsonNode kept = incremental.manifest(change.second);
    JsonNode judged = full.manifest(change.second);
    Set<String> judgedAgain = new TreeSet<>();
    for (JsonNode line : kept.path("tables")) {
      String table = line.path("database").asText() + "." + line.path("table").asText();
      JsonNode reused = line.path("reused_from");
      if (reused.isMissingNode() && !table.startsWith("_contract_errors")) {
        judgedAgain.add(table);
      }
      String verdictRun = reused.isMissingNode() ? change.second.value() : reused.asText();
      // The artifact the line points at holds what the full run found, apart from its run id.
      assertEquals(
          withoutRunId(full.object(line(judged, table).path("diff_key").asText())),
          withoutRunId(incremental.object(line.path("diff_key").asText())),
          table);
      assertEquals(
          "diffs/" + table + "/" + verdictRun + ".diff.json", line.path("diff_key").asText());
    }
    assertEquals(change.judgedAgain, judgedAgain);
    assertTrue(judged.findValues("reused_from").isEmpty());
    assertEquals(normalised(judged), normalised(kept));
  }

  @Test
  void aWaiverThatExpiresTurnsTheKeptVerdictIntoANewOne() {
    World world = new World();
    world.run(FIRST, false);
    world.run(NEXT_DAY, false);
    JsonNode line = line(world.manifest(NEXT_DAY), "sales.waived");
    assertTrue(line.path("reused_from").isMissingNode());
    assertEquals("BREAKING", line.path("status").asText());
    JsonNode artifact = world.object(line.path("diff_key").asText());
    List<String> rules = new ArrayList<>();
    artifact.path("findings").forEach(finding -> rules.add(finding.path("rule").asText()));
    assertEquals(List.of("COLUMN_REMOVED", "WAIVER_EXPIRED"), rules);
  }

  // ------------------------------------------------------------------------------ helpers

  private static Map<String, String> statuses(JsonNode manifest) {
    Map<String, String> statuses = new TreeMap<>();
    for (JsonNode line : manifest.path("tables")) {
      if (!line.path("database").asText().startsWith("_")) {
        statuses.put(
            line.path("database").asText() + "." + line.path("table").asText(),
            line.path("status").asText());
      }
    }
    return statuses;
  }

  private static JsonNode line(JsonNode manifest, String table) {
    for (JsonNode line : manifest.path("tables")) {
      if ((line.path("database").asText() + "." + line.path("table").asText()).equals(table)) {
        return line;
      }
    }
    throw new AssertionError("no line for " + table + " in " + manifest);
  }

  /** The manifest without the fields a kept verdict documents differently. */
  private static JsonNode normalised(JsonNode manifest) {
    JsonNode copy = manifest.deepCopy();
    for (JsonNode line : copy.path("tables")) {
      ((ObjectNode) line).remove(List.of("reused_from", "diff_key"));
    }
    return copy;
  }

  private static JsonNode withoutRunId(JsonNode artifact) {
    ObjectNode copy = artifact.deepCopy();
    copy.remove("run_id");
    return copy;
  }

  private static JsonNode read(byte[] json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
