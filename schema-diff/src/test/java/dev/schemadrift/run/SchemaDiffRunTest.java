package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline on fakes: what lands in the report bucket (artifacts and manifest, read back
 * as JSON), what is created in the catalog, and when the run as a whole fails.
 */
class SchemaDiffRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final RunId RUN = new RunId("20261126T080000Z");

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();
  private final RecordingReportTrigger trigger = new RecordingReportTrigger();

  // ------------------------------------------------------------------------------ one table

  @Test
  void aTableMatchingItsContractIsOk() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint", "name:string");
    givenMatchingTable("contracts/parks.json", contract);

    RunManifest result = runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("OK", artifact.path("status").asText());
    assertEquals(RUN.value(), artifact.path("run_id").asText());
    assertFalse(artifact.path("created_table").asBoolean());
    assertEquals("contracts/parks.json", artifact.path("contract").path("key").asText());
    assertEquals("1.0.0", artifact.path("contract").path("version").asText());
    assertEquals(64, artifact.path("contract").path("sha256").asText().length());
    assertEquals("7", artifact.path("catalog").path("version_id").asText());
    assertEquals("parquet", artifact.path("catalog").path("file_family").asText());
    assertTrue(artifact.path("data_probe").path("has_data").asBoolean());
    assertEquals(0, artifact.path("findings").size());
    assertTrue(artifact.path("error").isNull());

    JsonNode manifest = manifest(RUN);
    assertEquals("single", manifest.path("mode").asText());
    assertEquals(1, manifest.path("totals").path("OK").asInt());
    assertEquals(1, manifest.path("tables").size());
    JsonNode line = manifest.path("tables").get(0);
    assertEquals("diffs/nyc_parks.parks/" + RUN + ".diff.json", line.path("diff_key").asText());
    assertEquals("team@example.org", line.path("owner").asText());
    assertTrue(line.path("write_error").isNull());
    assertTrue(manifest.path("next_cursor").isNull());
    assertEquals(1, result.tables().size());
  }

  @Test
  void theReportGeneratorIsStartedOnceWithTheManifestKey() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenMatchingTable("contracts/parks.json", contract);

    runSingle("contracts/parks.json");

    assertEquals(
        List.of(new RecordingReportTrigger.Triggered(REPORTS, "runs/" + RUN + ".json")),
        trigger.triggered());
  }

  @Test
  void aRemovedColumnIsBreaking() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint", "acres:double");
    givenContract("contracts/parks.json", contract);
    givenData("nyc_parks", "parks");
    givenGlueTable(contract("nyc_parks", "parks", "parquet", "", "id:bigint"));

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals(1, artifact.path("counts").path("BREAKING").asInt());
    JsonNode finding = artifact.path("findings").get(0);
    assertEquals("COLUMN_REMOVED", finding.path("rule").asText());
    assertEquals("acres", finding.path("path").asText());
    assertEquals("double", finding.path("expected").asText());
    JsonNode line = manifest(RUN).path("tables").get(0);
    assertEquals("BREAKING", line.path("status").asText());
    assertEquals(1, line.path("counts").path("BREAKING").asInt());
    assertEquals(1, manifest(RUN).path("totals").path("BREAKING").asInt());
  }

  // ------------------------------------------------------------------------------ data probe

  @Test
  void anEmptyDataLocationIsNoData() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenGlueTable(contract);

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("NO_DATA", artifact.path("status").asText());
    assertFalse(artifact.path("data_probe").path("has_data").asBoolean());
    assertEquals(
        "s3://data-lake/nyc_parks/parks/", artifact.path("data_probe").path("location").asText());
    assertTrue(artifact.path("catalog").isNull());
    assertEquals(1, manifest(RUN).path("totals").path("NO_DATA").asInt());
  }

  @Test
  void markersAloneAreNoDataAndOneRealFileIsData() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenGlueTable(contract);
    String prefix = "nyc_parks/parks/";
    store.add(DATA, prefix, new byte[0]);
    store.add(DATA, prefix + "_SUCCESS", "written by Spark");
    store.add(DATA, prefix + "snapshot_date=2026-11-01_$folder$", "marker");
    store.add(DATA, prefix + ".part-00000.parquet.crc", "checksum");
    store.add(DATA, prefix + "part-00001.parquet", new byte[0]);
    store.add(DATA, prefix + "snapshot_date=2026-11-01/", new byte[0]);
    store.add(DATA, prefix + "_temporary/0/part-00002.parquet", "unfinished job output");

    runSingle("contracts/parks.json");
    assertEquals("NO_DATA", artifact("nyc_parks", "parks").path("status").asText());

    store.add(DATA, prefix + "snapshot_date=2026-11-01/part-00000.parquet", "PAR1");
    runSingle("contracts/parks.json");
    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("OK", artifact.path("status").asText());
    assertTrue(artifact.path("data_probe").path("has_data").asBoolean());
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://data-lake/nyc_parks/parks", "s3://data-lake/nyc_parks/parks/"})
  void aSiblingPrefixIsNotTheTablesData(String location) {
    String contract =
        contract(
            "nyc_parks",
            "parks",
            "parquet",
            "\"data_location\": \"" + location + "\",",
            "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenGlueTable(contract);
    store.add(DATA, "nyc_parks/parks_old/part-00000.parquet", "PAR1");
    store.add(DATA, "nyc_parks/parks_old_$folder$", "marker");

    runSingle("contracts/parks.json");

    assertEquals("NO_DATA", artifact("nyc_parks", "parks").path("status").asText());
    assertEquals(
        List.of("nyc_parks/parks/"),
        store.calls(Operation.LIST).stream().map(RecordingObjectStore.Call::key).toList());
  }

  @Test
  void aLocationUnderAnUnderscoreFolderStillFindsItsData() {
    // Hive hides "_" and "." names below the table's location, not in the location itself.
    String contract =
        contract(
            "nyc_parks",
            "parks",
            "parquet",
            "\"data_location\": \"s3://data-lake/_landing/nyc_parks/parks/\",",
            "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenGlueTable(contract);
    store.add(DATA, "_landing/nyc_parks/parks/part-00000.parquet", "PAR1");

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("OK", artifact.path("status").asText());
    assertTrue(artifact.path("data_probe").path("has_data").asBoolean());
  }

  // ------------------------------------------------------------------------- missing tables

  @ParameterizedTest
  @CsvSource({
    "parquet, org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
    "csv,     org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
    "json,    org.openx.data.jsonserde.JsonSerDe",
    "orc,     org.apache.hadoop.hive.ql.io.orc.OrcSerde",
    "avro,    org.apache.hadoop.hive.serde2.avro.AvroSerDe"
  })
  void aMissingTableIsCreatedFromItsContract(String format, String serde) {
    givenContract(
        "contracts/parks.json",
        contract("nyc_parks", "parks", format, "", "id:bigint", "name:string"));
    givenData("nyc_parks", "parks");

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("OK", artifact.path("status").asText());
    assertTrue(artifact.path("created_table").asBoolean());
    assertEquals(1, catalog.calls(FakeCatalog.Method.CREATE_DATABASE));
    assertEquals(1, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    GlueTable created = catalog.stored("nyc_parks", "parks").orElseThrow();
    assertEquals(serde, created.serdeLibrary());
    assertEquals("s3://data-lake/nyc_parks/parks/", created.location());
    assertEquals("EXTERNAL_TABLE", created.tableType());
    assertEquals(
        List.of(GlueColumn.of("id", "bigint"), GlueColumn.of("name", "string")), created.columns());
  }

  /** The CLI's read-only default: no CreateDatabase, no CreateTable, whatever the policy says. */
  @Test
  void aRunThatCreatesNoTableReportsAMissingTableAndLeavesTheCatalogAlone() {
    givenContract(
        "contracts/parks.json",
        contract(
            "nyc_parks",
            "parks",
            "parquet",
            "\"policy\": {\"create_if_missing\": true},",
            "id:bigint"));
    givenData("nyc_parks", "parks");
    RunSettings readOnly =
        new RunSettings(CONTRACTS, REPORTS, null, null, 1000, 4, "report-function", null, null)
            .withTableCreation(TableCreation.NEVER);

    RunManifest manifest =
        new SchemaDiffRun(readOnly, store, catalog, trigger)
            .execute(new RunRequest(RUN, "contracts/parks.json", List.of()));

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals("TABLE_MISSING", artifact.path("findings").get(0).path("rule").asText());
    assertTrue(
        artifact.path("findings").get(0).path("reason").asText().contains("read-only"),
        artifact.toString());
    assertFalse(artifact.path("created_table").asBoolean());
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_DATABASE));
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    assertFalse(catalog.hasDatabase("nyc_parks"));
    assertFalse(manifest(RUN).path("tables").get(0).path("created_table").asBoolean());
    assertFalse(manifest.tables().getFirst().artifact().createdTable());
  }

  /** The manifest says which tables the run created, as their artifacts do. */
  @Test
  void theManifestSaysWhichTablesTheRunCreated() {
    givenContract("contracts/parks.json", contract("nyc_parks", "parks", "parquet", "", "id:int"));
    givenData("nyc_parks", "parks");

    runSingle("contracts/parks.json");

    JsonNode line = manifest(RUN).path("tables").get(0);
    assertTrue(line.path("created_table").asBoolean(), line.toString());
  }

  @Test
  void aMissingTableIsCreatedInAnExistingDatabaseWithoutRecreatingIt() {
    catalog.addDatabase("nyc_parks");
    givenContract("contracts/parks.json", contract("nyc_parks", "parks", "parquet", "", "id:int"));
    givenData("nyc_parks", "parks");

    runSingle("contracts/parks.json");

    assertTrue(artifact("nyc_parks", "parks").path("created_table").asBoolean());
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_DATABASE));
    assertTrue(catalog.stored("nyc_parks", "parks").isPresent());
  }

  @Test
  void aMissingTableIsNotCreatedWhenThePolicySaysNo() {
    givenContract(
        "contracts/parks.json",
        contract(
            "nyc_parks",
            "parks",
            "parquet",
            "\"policy\": {\"create_if_missing\": false},",
            "id:bigint"));
    givenData("nyc_parks", "parks");

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertFalse(artifact.path("created_table").asBoolean());
    JsonNode finding = artifact.path("findings").get(0);
    assertEquals("TABLE_MISSING", finding.path("rule").asText());
    assertEquals("@table", finding.path("path").asText());
    assertEquals("nyc_parks.parks", finding.path("expected").asText());
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    assertFalse(catalog.hasDatabase("nyc_parks"));
  }

  @Test
  void aMissingIcebergTableIsReportedNotCreated() {
    givenContract(
        "contracts/schools.json", contract("nyc_schools", "directory", "iceberg", "", "id:bigint"));
    givenData("nyc_schools", "directory");

    runSingle("contracts/schools.json");

    JsonNode artifact = artifact("nyc_schools", "directory");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals("TABLE_MISSING", artifact.path("findings").get(0).path("rule").asText());
    assertTrue(artifact.path("findings").get(0).path("reason").asText().contains("iceberg"));
    assertFalse(artifact.path("created_table").asBoolean());
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
  }

  @Test
  void aTableCreatedConcurrentlyIsReadBackAndCompared() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenData("nyc_parks", "parks");
    catalog.addDatabase("nyc_parks");
    // The other writer's table has one column more: the artifact must show that table.
    catalog.createdConcurrently(
        glueTable(contract("nyc_parks", "parks", "parquet", "", "id:bigint", "extra:string")));

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertFalse(artifact.path("created_table").asBoolean());
    assertEquals("SAFE", artifact.path("status").asText());
    assertEquals("COLUMN_ADDED", artifact.path("findings").get(0).path("rule").asText());
    assertEquals("7", artifact.path("catalog").path("version_id").asText());
    assertEquals(1, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    assertEquals(1, catalog.calls(FakeCatalog.Method.TABLE));
  }

  // ----------------------------------------------------------------------------- ERROR cases

  @Test
  void anInvalidContractIsAnErrorThatLeavesTheOtherTablesAlone() {
    String first = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    String second = contract("nyc_parks", "playgrounds", "csv", "", "id:bigint", "name:string");
    givenContract("contracts/parks.json", first);
    givenContract("contracts/playgrounds.json", second);
    givenContract("contracts/broken.json", "{\"contract_version\": \"1.0\", \"database\": 7}");
    givenData("nyc_parks", "parks");
    givenData("nyc_parks", "playgrounds");
    givenGlueTable(first);
    givenGlueTable(
        contract("nyc_parks", "playgrounds", "csv", "", "id:bigint", "name:string", "x:int"));
    RecordingObjectStore without = copyOf(store);
    givenRegistry(
        "", "contracts/parks.json", "contracts/broken.json", "contracts/playgrounds.json");

    runRegistry(1000, RUN);

    JsonNode manifest = manifest(RUN);
    assertEquals(3, manifest.path("tables").size());
    assertEquals(1, manifest.path("totals").path("ERROR").asInt());
    JsonNode broken = manifestLine(manifest, "contracts/broken.json");
    assertEquals(SchemaDiffRun.CONTRACT_ERRORS_DATABASE, broken.path("database").asText());
    assertEquals("INVALID_CONTRACT", broken.path("error").asText());
    JsonNode error =
        read(store.object(REPORTS, broken.path("diff_key").asText()).orElseThrow()).path("error");
    assertEquals("INVALID_CONTRACT", error.path("kind").asText());
    assertTrue(error.path("message").asText().contains("$.database"), error.toString());

    // The same run without the broken contract writes the same bytes for the others.
    without.add(
        REGISTRY, REGISTRY_KEY, registry("", "contracts/parks.json", "contracts/playgrounds.json"));
    new SchemaDiffRun(registrySettings(1000), without, catalog, ReportTrigger.NONE)
        .execute(new RunRequest(RUN, null, List.of()));
    for (String table : List.of("parks", "playgrounds")) {
      String key = "diffs/nyc_parks." + table + "/" + RUN + ".diff.json";
      assertArrayEquals(
          without.object(REPORTS, key).orElseThrow(), store.object(REPORTS, key).orElseThrow());
    }
  }

  @Test
  void aContractThatDoesNotExistIsContractNotFound() {
    runSingle("contracts/nowhere.json");

    JsonNode line = manifest(RUN).path("tables").get(0);
    assertEquals("ERROR", line.path("status").asText());
    assertEquals("CONTRACT_NOT_FOUND", line.path("error").asText());
    assertEquals(SchemaDiffRun.CONTRACT_ERRORS_DATABASE, line.path("database").asText());
    JsonNode artifact = read(store.object(REPORTS, line.path("diff_key").asText()).orElseThrow());
    assertEquals("CONTRACT_NOT_FOUND", artifact.path("error").path("kind").asText());
    assertTrue(
        artifact
            .path("error")
            .path("message")
            .asText()
            .contains("s3://contract-bucket/contracts/nowhere.json"));
    assertEquals("contracts/nowhere.json", artifact.path("contract").path("key").asText());
  }

  @Test
  void anInvalidGlueTypeIsAnErrorNamingTheColumn() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint", "tags:array<int>");
    givenContract("contracts/parks.json", contract);
    givenData("nyc_parks", "parks");
    GlueTable valid = glueTable(contract);
    catalog.addTable(
        GlueTables.withNamesAndColumns(
            valid,
            valid.databaseName(),
            valid.name(),
            List.of(GlueColumn.of("id", "bigint"), GlueColumn.of("tags", "array<int")),
            List.of()));

    runSingle("contracts/parks.json");

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("ERROR", artifact.path("status").asText());
    assertEquals("INVALID_GLUE_TYPE", artifact.path("error").path("kind").asText());
    assertTrue(
        artifact.path("error").path("message").asText().contains("'tags'"), artifact.toString());
    assertEquals("INVALID_GLUE_TYPE", manifest(RUN).path("tables").get(0).path("error").asText());
  }

  @Test
  void aDatabaseThatCannotBeReadFailsOnlyItsOwnTables() {
    String parks = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    String stations = contract("nyc_transit", "stations", "parquet", "", "id:bigint");
    String routes = contract("nyc_transit", "routes", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", parks);
    givenContract("contracts/stations.json", stations);
    givenContract("contracts/routes.json", routes);
    for (String contract : List.of(parks, stations, routes)) {
      givenGlueTable(contract);
    }
    givenData("nyc_parks", "parks");
    givenData("nyc_transit", "stations");
    givenData("nyc_transit", "routes");
    catalog.failReads("nyc_transit", ErrorKind.THROTTLED);
    givenRegistry("", "contracts/parks.json", "contracts/stations.json", "contracts/routes.json");

    runRegistry(1000, RUN);

    assertEquals("OK", artifact("nyc_parks", "parks").path("status").asText());
    for (String table : List.of("stations", "routes")) {
      JsonNode artifact = artifact("nyc_transit", table);
      assertEquals("ERROR", artifact.path("status").asText());
      assertEquals("THROTTLED", artifact.path("error").path("kind").asText());
    }
    JsonNode totals = manifest(RUN).path("totals");
    assertEquals(1, totals.path("OK").asInt());
    assertEquals(2, totals.path("ERROR").asInt());
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
  }

  // --------------------------------------------------------------------------- boundaries

  @Test
  void aDataLocationOutsideDataBucketsIsNeitherProbedNorCreated() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenData("nyc_parks", "parks");
    RunSettings settings =
        new RunSettings(
            CONTRACTS, REPORTS, null, null, 1000, 4, "report-function", null, Set.of("lake-only"));

    new SchemaDiffRun(settings, store, catalog, trigger)
        .execute(new RunRequest(RUN, "contracts/parks.json", List.of()));

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("ERROR", artifact.path("status").asText());
    assertEquals("DATA_LOCATION_NOT_ALLOWED", artifact.at("/error/kind").asText());
    assertTrue(artifact.at("/error/message").asText().contains("lake-only"));
    assertTrue(store.calls(Operation.LIST).isEmpty(), "the foreign bucket is not listed");
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
  }

  @Test
  void aDataLocationInsideDataBucketsIsCheckedAsUsual() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenMatchingTable("contracts/parks.json", contract);
    RunSettings settings =
        new RunSettings(
            CONTRACTS, REPORTS, null, null, 1000, 4, "report-function", null, Set.of(DATA));

    new SchemaDiffRun(settings, store, catalog, trigger)
        .execute(new RunRequest(RUN, "contracts/parks.json", List.of()));

    assertEquals("OK", artifact("nyc_parks", "parks").path("status").asText());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://other-bucket/contracts/parks.json",
        "../contracts/parks.json",
        "contracts/../parks.json",
        "/contracts/parks.json",
        "s3://contract-bucket/./parks.json"
      })
  void aContractOutsideTheContractBucketIsNotRead(String key) {
    givenContract(
        "contracts/parks.json", contract("nyc_parks", "parks", "parquet", "", "id:bigint"));

    runSingle(key);

    JsonNode line = manifest(RUN).path("tables").get(0);
    assertEquals("ERROR", line.path("status").asText());
    assertEquals("CONTRACT_LOCATION_NOT_ALLOWED", line.path("error").asText());
    assertTrue(store.calls(Operation.GET).stream().noneMatch(call -> call.key().contains("parks")));
  }

  // ------------------------------------------------------------------------ write failures

  @Test
  void aDiffThatCannotBeWrittenIsListedWithItsWriteErrorAndNeverAsOk() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenMatchingTable("contracts/parks.json", contract);
    store.fail(
        Operation.PUT,
        REPORTS,
        "diffs/nyc_parks.parks/" + RUN + ".diff.json",
        ErrorKind.ACCESS_DENIED);

    runSingle("contracts/parks.json");

    JsonNode line = manifest(RUN).path("tables").get(0);
    // The table was judged OK, but without its artifact nobody can see that: never report OK.
    assertEquals("ERROR", line.path("status").asText());
    assertEquals("DIFF_NOT_WRITTEN", line.path("error").asText());
    assertEquals(1, manifest(RUN).path("totals").path("ERROR").asInt());
    assertTrue(line.path("diff_key").isNull());
    assertTrue(line.path("write_error").asText().contains("ACCESS_DENIED"), line.toString());
    assertEquals(1, trigger.triggered().size());
  }

  @Test
  void aManifestThatCannotBeWrittenFailsTheRunButKeepsTheDiffs() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenMatchingTable("contracts/parks.json", contract);
    store.fail(Operation.PUT, REPORTS, "runs/" + RUN + ".json", ErrorKind.THROTTLED);

    RunFailedException failure =
        assertThrows(RunFailedException.class, () -> runSingle("contracts/parks.json"));

    assertTrue(failure.getMessage().contains("runs/" + RUN + ".json"), failure.getMessage());
    assertEquals("OK", artifact("nyc_parks", "parks").path("status").asText());
    assertTrue(store.object(REPORTS, "runs/" + RUN + ".json").isEmpty());
    assertEquals(List.of(), trigger.triggered());
  }

  @Test
  void aReportGeneratorThatCannotBeStartedFailsTheRunAfterEverythingWasWritten() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenMatchingTable("contracts/parks.json", contract);
    trigger.failWith(ErrorKind.REPORT_INVOKE_FAILED);

    RunFailedException failure =
        assertThrows(RunFailedException.class, () -> runSingle("contracts/parks.json"));

    assertTrue(failure.getMessage().contains("REPORT_INVOKE_FAILED"), failure.getMessage());
    assertEquals("OK", artifact("nyc_parks", "parks").path("status").asText());
    assertEquals(1, manifest(RUN).path("tables").size());
    assertEquals(1, trigger.triggered().size());
  }

  // ------------------------------------------------------------------------------- registry

  @Test
  void aLongRegistryIsCoveredOnceEveryCycleOfRuns() {
    List<String> keys = givenRegistryOfFiveTables();
    List<RunId> runs =
        List.of(
            new RunId("20261126T080000Z"),
            new RunId("20261126T090000Z"),
            new RunId("20261126T100000Z"),
            new RunId("20261126T110000Z"));

    List<List<String>> checked = new ArrayList<>();
    for (RunId run : runs) {
      runRegistry(2, run);
      checked.add(contractKeys(manifest(run)));
      assertFalse(manifest(run).path("next_cursor").isNull(), "the registry is cut");
    }

    List<String> cycle = new ArrayList<>();
    checked.subList(0, 3).forEach(cycle::addAll);
    assertEquals(keys, cycle.stream().sorted().toList(), "every table exactly once per cycle");
    assertEquals(List.of(2, 2, 1), checked.subList(0, 3).stream().map(List::size).toList());
    assertEquals(checked.get(0), checked.get(3), "the next cycle starts again at the top");
    JsonNode next = manifest(runs.get(0)).path("next_cursor");
    assertEquals(checked.get(1).get(0), next.path("contract").asText());
  }

  @Test
  void aRegistryThatFitsInOneRunHasNoNextCursor() {
    List<String> keys = givenRegistryOfFiveTables();

    runRegistry(5, RUN);

    JsonNode manifest = manifest(RUN);
    assertEquals("registry", manifest.path("mode").asText());
    assertEquals(keys, contractKeys(manifest).stream().sorted().toList());
    assertTrue(manifest.path("next_cursor").isNull());
  }

  @Test
  void aRerunWithTheSameRunIdRewritesTheSameBytes() {
    givenRegistryOfFiveTables();
    RunId second = new RunId("20261126T090000Z");
    runRegistry(2, RUN);
    store.clearCalls();
    runRegistry(2, second);
    Map<String, byte[]> firstTime = writes();
    store.clearCalls();

    runRegistry(2, second);

    Map<String, byte[]> secondTime = writes();
    assertEquals(firstTime.keySet(), secondTime.keySet());
    assertTrue(firstTime.containsKey("runs/" + second + ".json"));
    assertEquals(
        2,
        firstTime.keySet().stream().filter(key -> key.startsWith("diffs/")).count(),
        "the slice's two diffs: " + firstTime.keySet());
    firstTime.forEach(
        (key, bytes) -> assertArrayEquals(bytes, secondTime.get(key), "bytes of " + key));
  }

  @Test
  void aDisabledEntryIsSkippedNotChecked() {
    String parks = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", parks);
    givenContract(
        "contracts/archived.json", contract("nyc_parks", "archived", "parquet", "", "id:bigint"));
    givenGlueTable(parks);
    givenData("nyc_parks", "parks");
    store.add(
        REGISTRY,
        REGISTRY_KEY,
        """
        {"registry_version": 1, "tables": [
          {"contract": "contracts/parks.json"},
          {"contract": "contracts/archived.json", "enabled": false}
        ]}
        """);

    runRegistry(1000, RUN);

    JsonNode manifest = manifest(RUN);
    assertEquals(List.of("contracts/parks.json"), contractKeys(manifest));
    assertEquals(1, manifest.path("skipped").size());
    assertEquals(
        "contracts/archived.json", manifest.path("skipped").get(0).path("contract").asText());
    assertEquals("disabled", manifest.path("skipped").get(0).path("reason").asText());
    assertTrue(store.object(REPORTS, "diffs/nyc_parks.archived/" + RUN + ".diff.json").isEmpty());
    assertTrue(
        store.calls(Operation.GET).stream()
            .noneMatch(call -> call.key().equals("contracts/archived.json")));
  }

  @Test
  void aSubsetChecksOnlyTheNamedTablesAndListsUnknownNames() {
    givenRegistryOfFiveTables();

    new SchemaDiffRun(registrySettings(2), store, catalog, trigger)
        .execute(
            new RunRequest(
                RUN, null, List.of("nyc_parks.table_2", "nyc_parks.nope", "NYC_PARKS.TABLE_4")));

    JsonNode manifest = manifest(RUN);
    assertEquals("subset", manifest.path("mode").asText());
    assertEquals(List.of("nyc_parks.table_2", "nyc_parks.table_4"), tableNames(manifest));
    assertEquals(List.of("nyc_parks.nope"), texts(manifest.path("not_found")));
    assertTrue(manifest.path("next_cursor").isNull());
    assertTrue(store.object(REPORTS, "diffs/nyc_parks.table_1/" + RUN + ".diff.json").isEmpty());
  }

  @Test
  void aSecondContractForTheSameTableIsADuplicate() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenContract("contracts/parks_copy.json", contract);
    givenGlueTable(contract);
    givenData("nyc_parks", "parks");
    givenRegistry("", "contracts/parks.json", "contracts/parks_copy.json");

    runRegistry(1000, RUN);

    JsonNode artifact = artifact("nyc_parks", "parks");
    assertEquals("OK", artifact.path("status").asText());
    assertEquals("contracts/parks.json", artifact.path("contract").path("key").asText());
    JsonNode duplicate = manifestLine(manifest(RUN), "contracts/parks_copy.json");
    assertEquals("ERROR", duplicate.path("status").asText());
    assertEquals("DUPLICATE_CONTRACT", duplicate.path("error").asText());
    assertEquals(SchemaDiffRun.CONTRACT_ERRORS_DATABASE, duplicate.path("database").asText());
    JsonNode error =
        read(store.object(REPORTS, duplicate.path("diff_key").asText()).orElseThrow())
            .path("error");
    assertTrue(error.path("message").asText().contains("contracts/parks.json"), error.toString());
  }

  @Test
  void registryDefaultsApplyUnlessTheContractSaysOtherwise() {
    String strict = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    String relaxed =
        contract(
            "nyc_parks",
            "playgrounds",
            "parquet",
            "\"policy\": {\"extra_columns\": \"allow\"},",
            "id:bigint");
    givenContract("contracts/parks.json", strict);
    givenContract("contracts/playgrounds.json", relaxed);
    givenGlueTable(contract("nyc_parks", "parks", "parquet", "", "id:bigint", "added:string"));
    givenGlueTable(
        contract("nyc_parks", "playgrounds", "parquet", "", "id:bigint", "added:string"));
    givenData("nyc_parks", "parks");
    givenData("nyc_parks", "playgrounds");
    givenRegistry(
        "\"defaults\": {\"policy\": {\"extra_columns\": \"forbid\"}},",
        "contracts/parks.json",
        "contracts/playgrounds.json");

    runRegistry(1000, RUN);

    JsonNode forbidden = artifact("nyc_parks", "parks");
    assertEquals("BREAKING", forbidden.path("status").asText());
    assertEquals("COLUMN_ADDED", forbidden.path("findings").get(0).path("rule").asText());
    assertEquals("SAFE", forbidden.path("findings").get(0).path("default_severity").asText());
    JsonNode allowed = artifact("nyc_parks", "playgrounds");
    assertEquals("SAFE", allowed.path("status").asText());
    assertEquals("COLUMN_ADDED", allowed.path("findings").get(0).path("rule").asText());
  }

  @Test
  void registryDefaultsApplyToASingleContractRunToo() {
    String contract = contract("nyc_parks", "parks", "parquet", "", "id:bigint");
    givenContract("contracts/parks.json", contract);
    givenGlueTable(contract("nyc_parks", "parks", "parquet", "", "id:bigint", "added:string"));
    givenData("nyc_parks", "parks");
    givenRegistry(
        "\"defaults\": {\"policy\": {\"extra_columns\": \"forbid\"}},", "contracts/parks.json");

    new SchemaDiffRun(registrySettings(1000), store, catalog, trigger)
        .execute(new RunRequest(RUN, "contracts/parks.json", List.of()));

    assertEquals("single", manifest(RUN).path("mode").asText());
    assertEquals("BREAKING", artifact("nyc_parks", "parks").path("status").asText());
  }

  @Test
  void aMissingRegistryFailsTheRunNamingIt() {
    RunFailedException failure =
        assertThrows(RunFailedException.class, () -> runRegistry(1000, RUN));

    assertTrue(
        failure.getMessage().contains("s3://" + REGISTRY + "/" + REGISTRY_KEY),
        failure.getMessage());
    assertTrue(store.keys(REPORTS).isEmpty());
    assertEquals(List.of(), trigger.triggered());
  }

  @Test
  void anUnreadableRegistryFailsTheRunNamingIt() {
    givenRegistry("", "contracts/parks.json");
    store.fail(Operation.GET, REGISTRY, REGISTRY_KEY, ErrorKind.ACCESS_DENIED);

    RunFailedException failure =
        assertThrows(RunFailedException.class, () -> runRegistry(1000, RUN));

    assertTrue(
        failure.getMessage().contains("s3://" + REGISTRY + "/" + REGISTRY_KEY),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("ACCESS_DENIED"), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"registry_version\": 1, \"tables\": [], \"extra\": true}",
        "{\"registry_version\": 2, \"tables\": []}",
        "{\"registry_version\": 1, \"tables\": [{\"contract\": 3}]}"
      })
  void anInvalidRegistryFailsTheRunNamingIt(String registry) {
    store.add(REGISTRY, REGISTRY_KEY, registry);

    RunFailedException failure =
        assertThrows(RunFailedException.class, () -> runRegistry(1000, RUN));

    assertTrue(
        failure.getMessage().contains("s3://" + REGISTRY + "/" + REGISTRY_KEY),
        failure.getMessage());
    assertTrue(store.keys(REPORTS).isEmpty());
  }

  // -------------------------------------------------------------------------------- helpers

  /** A contract as JSON; {@code extra} is raw fields (each ending with a comma) put first. */
  // ------------------------------------------------------------- other accounts and views

  private static final String OTHER_ACCOUNT = "111122223333";

  @Test
  void aRegistryEntrysCatalogIdReadsTheTableFromThatAccountsCatalog() {
    String contract = contract("mesh", "orders", "parquet", "", "id:bigint");
    givenContract("contracts/orders.json", contract);
    givenData("mesh", "orders");
    catalog.account(OTHER_ACCOUNT).addTable(glueTable(contract));
    store.add(
        REGISTRY,
        REGISTRY_KEY,
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/orders.json\","
            + " \"catalog_id\": \""
            + OTHER_ACCOUNT
            + "\"}]}");

    runRegistry(1000, RUN);

    JsonNode artifact = artifact("mesh", "orders");
    assertEquals("OK", artifact.path("status").asText(), artifact.toString());
    assertEquals(OTHER_ACCOUNT, artifact.path("catalog_id").asText());
    assertEquals(1, catalog.account(OTHER_ACCOUNT).calls(FakeCatalog.Method.TABLES));
    assertEquals(0, catalog.calls(FakeCatalog.Method.TABLES));
  }

  @Test
  void aContractsCatalogIdCreatesAMissingTableInThatAccountsCatalog() {
    String contract =
        contract(
            "mesh",
            "orders",
            "parquet",
            "\"catalog_id\": \"" + OTHER_ACCOUNT + "\", \"policy\": {\"create_if_missing\": true},",
            "id:bigint");
    givenContract("contracts/orders.json", contract);
    givenData("mesh", "orders");

    runSingle("contracts/orders.json");

    assertTrue(catalog.account(OTHER_ACCOUNT).stored("mesh", "orders").isPresent());
    assertFalse(catalog.stored("mesh", "orders").isPresent());
    assertFalse(catalog.hasDatabase("mesh"));
    assertEquals(OTHER_ACCOUNT, artifact("mesh", "orders").path("catalog_id").asText());
  }

  @Test
  void anErrorOfAnotherAccountsTableStillNamesItsCatalog() {
    String contract =
        contract(
            "mesh", "orders", "parquet", "\"catalog_id\": \"" + OTHER_ACCOUNT + "\",", "id:bigint");
    givenContract("contracts/orders.json", contract);
    givenData("mesh", "orders");
    catalog.account(OTHER_ACCOUNT).failReads("mesh", ErrorKind.ACCESS_DENIED);

    runSingle("contracts/orders.json");

    JsonNode artifact = artifact("mesh", "orders");
    assertEquals("ERROR", artifact.path("status").asText());
    assertEquals("ACCESS_DENIED", artifact.path("error").path("kind").asText());
    assertEquals(OTHER_ACCOUNT, artifact.path("catalog_id").asText());
  }

  @Test
  void aRegistryEntryAndAContractNamingDifferentCatalogsIsAnInvalidContract() {
    String contract =
        contract("mesh", "orders", "parquet", "\"catalog_id\": \"444455556666\",", "id:bigint");
    givenContract("contracts/orders.json", contract);
    givenData("mesh", "orders");
    store.add(
        REGISTRY,
        REGISTRY_KEY,
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/orders.json\","
            + " \"catalog_id\": \""
            + OTHER_ACCOUNT
            + "\"}]}");

    RunManifest manifest = runRegistry(1000, RUN);

    DiffArtifact artifact = manifest.tables().get(0).artifact();
    assertEquals("ERROR", artifact.status().name());
    assertEquals(ErrorKind.INVALID_CONTRACT, artifact.error().kind());
    assertTrue(
        artifact.error().message().contains("444455556666")
            && artifact.error().message().contains(OTHER_ACCOUNT),
        artifact.error().message());
  }

  @Test
  void aViewIsComparedWithoutADataProbe() {
    String contract =
        contract("mesh", "orders_view", "view", "\"data_location\": null,", "id:bigint");
    givenContract("contracts/orders_view.json", contract.replace("\"data_location\": null,", ""));
    catalog.addTable(
        GlueTables.stamped(
            new GlueTable(
                "mesh",
                "orders_view",
                "VIRTUAL_VIEW",
                Map.of("presto_view", "true"),
                List.of(GlueColumn.of("id", "bigint")),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null),
            "2",
            "2026-11-20T10:00:00Z"));

    runSingle("contracts/orders_view.json");

    JsonNode artifact = artifact("mesh", "orders_view");
    assertEquals("OK", artifact.path("status").asText(), artifact.toString());
    assertTrue(artifact.path("data_probe").isNull());
    assertEquals("view", artifact.path("catalog").path("file_family").asText());
    assertTrue(store.calls(Operation.LIST).isEmpty(), "a view has no data to probe");
  }

  @Test
  void aMissingViewIsNeverCreated() {
    String contract =
        contract("mesh", "orders_view", "view", "\"data_location\": null,", "id:bigint")
            .replace("\"data_location\": null,", "")
            .replace(
                "\"format\": \"view\"",
                "\"format\": \"view\", \"policy\": {\"create_if_missing\": true}");
    givenContract("contracts/orders_view.json", contract);

    runSingle("contracts/orders_view.json");

    JsonNode artifact = artifact("mesh", "orders_view");
    assertEquals("BREAKING", artifact.path("status").asText(), artifact.toString());
    assertEquals("TABLE_MISSING", artifact.path("findings").get(0).path("rule").asText());
    assertTrue(
        artifact.path("findings").get(0).path("reason").asText().contains("never creates a view"));
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_TABLE));
    assertEquals(0, catalog.calls(FakeCatalog.Method.CREATE_DATABASE));
  }

  private static String contract(
      String database, String table, String format, String extra, String... columns) {
    String columnList =
        Arrays.stream(columns)
            .map(
                column -> {
                  int colon = column.indexOf(':');
                  return "{\"name\": \""
                      + column.substring(0, colon)
                      + "\", \"type\": \""
                      + column.substring(colon + 1)
                      + "\"}";
                })
            .collect(Collectors.joining(", "));
    String location =
        extra.contains("\"data_location\"")
            ? ""
            : "\"data_location\": \"s3://" + DATA + "/" + database + "/" + table + "/\",";
    return "{"
        + extra
        + location
        + "\"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \""
        + table
        + "\", \"owner\": \"team@example.org\", \"format\": \""
        + format
        + "\", \"columns\": ["
        + columnList
        + "]}";
  }

  /** The Glue table a contract describes, as Glue would return it (with a version id). */
  private static GlueTable glueTable(String contract) {
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read("test", contract.getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    return GlueTables.stamped(definition, "7", "2026-11-20T10:00:00Z");
  }

  private void givenContract(String key, String json) {
    store.add(CONTRACTS, key, json);
  }

  private void givenData(String database, String table) {
    store.add(DATA, database + "/" + table + "/part-00000", "some bytes");
  }

  private void givenGlueTable(String contract) {
    catalog.addTable(glueTable(contract));
  }

  /** A contract, the Glue table made from it and a data file: a table that checks OK. */
  private void givenMatchingTable(String key, String contract) {
    givenContract(key, contract);
    GlueTable table = glueTable(contract);
    catalog.addTable(table);
    givenData(table.databaseName(), table.name());
  }

  private static String registry(String extra, String... keys) {
    return "{"
        + extra
        + "\"registry_version\": 1, \"tables\": ["
        + Arrays.stream(keys)
            .map(key -> "{\"contract\": \"" + key + "\"}")
            .collect(Collectors.joining(", "))
        + "]}";
  }

  private void givenRegistry(String extra, String... keys) {
    store.add(REGISTRY, REGISTRY_KEY, registry(extra, keys));
  }

  /** Five OK tables in one database, registered in order; returns their contract keys. */
  private List<String> givenRegistryOfFiveTables() {
    List<String> keys = new ArrayList<>();
    for (int number = 1; number <= 5; number++) {
      String table = "table_" + number;
      String contract = contract("nyc_parks", table, "parquet", "", "id:bigint");
      String key = "contracts/" + table + ".json";
      givenMatchingTable(key, contract);
      keys.add(key);
    }
    givenRegistry("", keys.toArray(String[]::new));
    return keys;
  }

  private static RunSettings singleSettings() {
    return new RunSettings(CONTRACTS, REPORTS, null, null, 1000, 4, "report-function", null);
  }

  private static RunSettings registrySettings(int maxTables) {
    return new RunSettings(
        CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, maxTables, 4, "report-function", null);
  }

  private RunManifest runSingle(String contractKey) {
    return new SchemaDiffRun(singleSettings(), store, catalog, trigger)
        .execute(new RunRequest(RUN, contractKey, List.of()));
  }

  private RunManifest runRegistry(int maxTables, RunId run) {
    return new SchemaDiffRun(registrySettings(maxTables), store, catalog, trigger)
        .execute(new RunRequest(run, null, List.of()));
  }

  /** What the recorded PUT calls wrote, by key. */
  private Map<String, byte[]> writes() {
    Map<String, byte[]> written = new TreeMap<>();
    store.calls(Operation.PUT).forEach(call -> written.put(call.key(), call.body()));
    return written;
  }

  private static RecordingObjectStore copyOf(RecordingObjectStore original) {
    RecordingObjectStore copy = new RecordingObjectStore();
    for (String bucket : List.of(CONTRACTS, DATA, REGISTRY)) {
      for (String key : original.keys(bucket)) {
        copy.add(bucket, key, original.object(bucket, key).orElseThrow());
      }
    }
    return copy;
  }

  private JsonNode artifact(String database, String table) {
    String key = "diffs/" + database + "." + table + "/" + RUN + ".diff.json";
    return read(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
  }

  private JsonNode manifest(RunId run) {
    String key = "runs/" + run + ".json";
    return read(store.object(REPORTS, key).orElseThrow(() -> new AssertionError("no " + key)));
  }

  private static JsonNode manifestLine(JsonNode manifest, String contractKey) {
    for (JsonNode line : manifest.path("tables")) {
      if (line.path("contract_key").asText().equals(contractKey)) {
        return line;
      }
    }
    throw new AssertionError("no manifest line for " + contractKey + " in " + manifest);
  }

  private static List<String> contractKeys(JsonNode manifest) {
    List<String> keys = new ArrayList<>();
    manifest.path("tables").forEach(line -> keys.add(line.path("contract_key").asText()));
    return keys;
  }

  private static List<String> tableNames(JsonNode manifest) {
    List<String> names = new ArrayList<>();
    manifest
        .path("tables")
        .forEach(
            line -> names.add(line.path("database").asText() + "." + line.path("table").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static JsonNode read(byte[] json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
