package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.OdcsContractReader;
import dev.schemadrift.contract.OdcsContractWriter;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.SnapshotCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code schema-drift init}: a contract from a Glue table that the same table then satisfies, with
 * every detail of the table kept.
 */
class InitCommandTest {
  private static final String RUN_ID = "20261126T080000Z";

  /** The example snapshot whose Glue type string does not parse (the demo's ERROR table). */
  private static final String BAD_TYPE_SNAPSHOT = "nyc_schools/test_results.json";

  @TempDir Path root;

  /** Every example snapshot that can become a contract, as {@code <db>/<table>.json}. */
  static List<String> snapshots() {
    List<String> snapshots =
        new ArrayList<>(CliRun.files(CliRun.repositoryRoot().resolve("examples/catalog")));
    snapshots.remove(BAD_TYPE_SNAPSHOT);
    // A table's partitions beside its snapshot are no table (docs/RULES.md, partition drift).
    snapshots.removeIf(name -> name.endsWith(SnapshotCatalog.PARTITIONS_SUFFIX));
    return snapshots;
  }

  @Test
  void everyExampleSnapshotButOneIsCovered() {
    assertTrue(snapshots().size() >= 11, snapshots().toString());
    assertTrue(
        Files.isRegularFile(
            CliRun.repositoryRoot().resolve("examples/catalog/" + BAD_TYPE_SNAPSHOT)),
        "the snapshot with a bad type string is still there");
  }

  /** The acceptance: init followed by check on the same table gives OK, with no finding. */
  @ParameterizedTest
  @MethodSource("snapshots")
  void initThenCheckOfTheSameTableIsOk(String snapshot) throws IOException {
    JsonNode artifact =
        initThenCheck(
            CliRun.repositoryRoot().resolve("examples/catalog").resolve(snapshot), snapshot);

    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertEquals(0, artifact.get("findings").size(), artifact.toString());
    assertEquals(0, artifact.get("unused_waivers").size());
    assertFalse(artifact.get("created_table").asBoolean(), "the snapshot was found, not created");
  }

  /**
   * init --format odcs: the ODCS document reads back to the very contract init writes as JSON, or,
   * when the table needs what ODCS cannot state, init refuses and names it.
   */
  @ParameterizedTest
  @MethodSource("snapshots")
  void odcsReadsBackToTheSameContractAsJson(String snapshot) throws IOException {
    String source =
        CliRun.repositoryRoot().resolve("examples/catalog").resolve(snapshot).toString();

    CliRun json = CliRun.of("init", "--table", source, "--owner", "sales-team");
    CliRun odcs = CliRun.of("init", "--table", source, "--owner", "sales-team", "--format", "odcs");

    assertEquals(0, json.exitCode(), json.describe());
    Contract expected = Contracts.read("init.json", json.out().getBytes(StandardCharsets.UTF_8));
    List<String> unstatable = OdcsContractWriter.unstatable(expected);
    if (!unstatable.isEmpty()) {
      assertEquals(2, odcs.exitCode(), odcs.describe());
      assertEquals("", odcs.out());
      assertTrue(odcs.err().contains(unstatable.getFirst()), odcs.describe());
      assertTrue(odcs.err().contains("--format json"), odcs.describe());
      return;
    }
    assertEquals(0, odcs.exitCode(), odcs.describe());
    assertTrue(odcs.out().startsWith("apiVersion: v3."), odcs.out());
    assertEquals(
        expected,
        OdcsContractReader.read("init.odcs.yaml", odcs.out().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The test above takes both branches: Parquet and ORC tables with default options are written,
   * and tables whose SerDe options ODCS has no field for (CSV quotes, JSON mappings, Parquet column
   * access by index) are refused.
   */
  @Test
  void theExamplesHoldWritableAndRefusedTables() {
    List<String> writable = new ArrayList<>();
    for (String snapshot : snapshots()) {
      String source =
          CliRun.repositoryRoot().resolve("examples/catalog").resolve(snapshot).toString();
      if (CliRun.of("init", "--table", source, "--format", "odcs").exitCode() == 0) {
        writable.add(snapshot);
      }
    }
    assertTrue(writable.contains("nyc_transit/hourly_ridership.json"), writable.toString());
    assertTrue(writable.size() >= 4, writable.toString());
    assertTrue(writable.size() < snapshots().size(), writable.toString());
  }

  /** The acceptance for ODCS: init --format odcs, then check of the same table, gives OK. */
  @Test
  void odcsInitThenCheckOfTheSameTableIsOk() throws IOException {
    String snapshot = "nyc_transit/hourly_ridership.json";
    Path source = CliRun.repositoryRoot().resolve("examples/catalog").resolve(snapshot);
    Path catalog = Files.createDirectories(root.resolve("catalog/nyc_transit"));
    Files.copy(source, catalog.resolve("hourly_ridership.json"));
    Path contract = root.resolve("contracts/hourly_ridership.odcs.yaml");
    Files.createDirectories(contract.getParent());

    CliRun init =
        CliRun.of(
            "init", "--table", source.toString(), "--format", "odcs", "-o", contract.toString());

    assertEquals(0, init.exitCode(), init.describe());
    String location =
        OdcsContractReader.read(contract.toString(), Files.readAllBytes(contract)).dataLocation();
    Path dataFile =
        root.resolve("data").resolve(location.substring("s3://".length())).resolve("part-00000");
    Files.createDirectories(dataFile.getParent());
    Files.writeString(dataFile, "data");
    CliRun check =
        CliRun.of(
            "check",
            "--contracts",
            contract.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            root.resolve("catalog").toString(),
            "--data-root",
            root.resolve("data").toString(),
            "--out",
            root.resolve("out").toString(),
            "--run-id",
            RUN_ID,
            "--fail-on",
            "SAFE");
    assertEquals(0, check.exitCode(), check.describe());
    JsonNode artifact =
        json(root.resolve("out/diffs/nyc_transit.hourly_ridership/" + RUN_ID + ".diff.json"));
    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertEquals(0, artifact.get("findings").size(), artifact.toString());
  }

  /** SerDes and options the examples do not show, each as (library, SerDe parameters, input). */
  static Stream<Arguments> serdeVariants() {
    String text = "org.apache.hadoop.mapred.TextInputFormat";
    return Stream.of(
        // tsv has no quote option: this one must become csv with a tab delimiter.
        Arguments.of(
            "org.apache.hadoop.hive.serde2.OpenCSVSerde",
            "{\"separatorChar\": \"\\t\", \"quoteChar\": \"'\"}",
            text,
            "csv"),
        Arguments.of(
            "org.apache.hadoop.hive.serde2.OpenCSVSerde",
            "{\"separatorChar\": \"\\t\"}",
            text,
            "tsv"),
        Arguments.of(
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            "{\"field.delim\": \"|\", \"escape.delim\": \"\\\\\"}",
            text,
            "csv"),
        // No field.delim: LazySimpleSerDe's default, Ctrl-A.
        Arguments.of("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", "{}", text, "csv"),
        Arguments.of(
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            "{\"field.delim\": \"\\t\"}",
            text,
            "tsv"),
        Arguments.of(
            "org.apache.hadoop.hive.serde2.RegexSerDe",
            "{\"input.regex\": \"^(\\\\S+) (\\\\S+)$\"}",
            text,
            "regex"),
        Arguments.of(
            "com.amazon.ionhiveserde.IonHiveSerDe",
            "{}",
            "com.amazon.ionhiveserde.formats.IonInputFormat",
            "ion"),
        Arguments.of("org.apache.hive.hcatalog.data.JsonSerDe", "{}", text, "json"),
        Arguments.of(
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            "{\"parquet.column.index.access\": \"true\"}",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "parquet"),
        Arguments.of(
            "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
            "{\"orc.column.index.access\": \"false\"}",
            "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
            "orc"));
  }

  @ParameterizedTest
  @MethodSource("serdeVariants")
  void initThenCheckIsOkForOtherSerDes(
      String library, String parameters, String inputFormat, String format) throws IOException {
    Path snapshot = root.resolve("snapshots/lab/variant.json");
    Files.createDirectories(snapshot.getParent());
    Files.writeString(
        snapshot,
        """
        {"Table": {
          "Name": "variant",
          "DatabaseName": "lab",
          "TableType": "EXTERNAL_TABLE",
          "Parameters": {"skip.header.line.count": "1"},
          "StorageDescriptor": {
            "Columns": [
              {"Name": "id", "Type": "int", "Comment": "Row id"},
              {"Name": "name", "Type": "string"}
            ],
            "Location": "s3://lab-data/variant/",
            "InputFormat": "%s",
            "SerdeInfo": {"SerializationLibrary": "%s", "Parameters": %s}
          },
          "PartitionKeys": [{"Name": "day", "Type": "date"}]
        }}
        """
            .formatted(inputFormat, library, parameters));

    JsonNode artifact = initThenCheck(snapshot, "lab/variant.json");

    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertEquals(0, artifact.get("findings").size(), artifact.toString());
    assertEquals(
        format,
        json(root.resolve("contracts/lab/variant.json")).get("format").asText(),
        artifact.toString());
  }

  /**
   * Runs init on a snapshot, then check of the contract against a catalog holding only that
   * snapshot, with one data file, and returns the table's artifact. compare_comments is on: the
   * descriptions init copied must match the Glue comments too.
   */
  private JsonNode initThenCheck(Path source, String snapshot) throws IOException {
    Path catalog = root.resolve("catalog");
    Files.createDirectories(catalog.resolve(snapshot).getParent());
    Files.copy(source, catalog.resolve(snapshot));
    Path contract = root.resolve("contracts").resolve(snapshot);
    Files.createDirectories(contract.getParent());

    CliRun init = CliRun.of("init", "--table", source.toString(), "-o", contract.toString());

    assertEquals(0, init.exitCode(), init.describe());
    String location = json(contract).get("data_location").asText();
    Path dataFile =
        root.resolve("data").resolve(location.substring("s3://".length())).resolve("part-00000");
    Files.createDirectories(dataFile.getParent());
    Files.writeString(dataFile, "data");
    Path registry = root.resolve("configs/tables.json");
    Files.createDirectories(registry.getParent());
    Files.writeString(
        registry,
        """
        {"registry_version": 1,
         "defaults": {"policy": {"compare_comments": true}},
         "tables": [{"contract": "contracts/%s"}]}
        """
            .formatted(snapshot));

    CliRun check =
        CliRun.of(
            "check",
            "--registry",
            registry.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            root.resolve("data").toString(),
            "--out",
            root.resolve("out").toString(),
            "--run-id",
            RUN_ID,
            "--fail-on",
            "SAFE");

    assertEquals(0, check.exitCode(), check.describe());
    String table = snapshot.replace('/', '.').replaceAll("\\.json$", "");
    return json(root.resolve("out/diffs/" + table + "/" + RUN_ID + ".diff.json"));
  }

  @Test
  void aSnapshotWithABadTypeStringCannotBecomeAContract() {
    Path output = root.resolve("test_results.json");

    CliRun run =
        CliRun.of(
            "init",
            "--table",
            CliRun.repositoryRoot().resolve("examples/catalog/" + BAD_TYPE_SNAPSHOT).toString(),
            "-o",
            output.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("'mean_scale_score'"), run.err());
    assertTrue(run.err().contains("decimal(5,"), run.err());
    assertFalse(Files.exists(output), "no contract is written");
  }

  // ---------------------------------------------------------------------- what a contract keeps

  @Test
  void parquetContractKeepsTypesCommentsAndPartitionKeys() throws IOException {
    JsonNode contract = init("nyc_parks/parks_properties.json");

    assertEquals("1.0.0", contract.get("contract_version").asText());
    assertEquals("nyc_parks", contract.get("database").asText());
    assertEquals("parks_properties", contract.get("table").asText());
    assertEquals(
        "s3://nyc-open-data-lake/parks/properties/", contract.get("data_location").asText());
    assertEquals("parquet", contract.get("format").asText());
    assertFalse(contract.has("format_options"), "Parquet read by name states no option");
    assertFalse(contract.has("owner"));
    assertFalse(contract.has("policy"), "policy is the team's to write");
    Map<String, JsonNode> columns = byName(contract.get("columns"));
    assertEquals("varchar(12)", columns.get("gispropnum").get("type").asText());
    assertEquals(
        "GIS property number, e.g. M010; the property's stable id",
        columns.get("gispropnum").get("description").asText());
    assertEquals("decimal(10,3)", columns.get("acres").get("type").asText());
    assertEquals("char(1)", columns.get("borough").get("type").asText());
    assertEquals(
        "struct<street:string,city:string,state:char(2),zipcode:varchar(5)>",
        columns.get("address").get("type").asText());
    assertEquals("array<varchar(5)>", columns.get("zipcodes").get("type").asText());
    assertEquals("array<smallint>", columns.get("councildistricts").get("type").asText());
    assertFalse(columns.get("gispropnum").has("required"), "only Iceberg knows nullability");
    assertFalse(columns.get("crawler_batch_id").has("description"), "no comment, no description");
    JsonNode keys = contract.get("partition_keys");
    assertEquals(1, keys.size());
    assertEquals("snapshot_date", keys.get(0).get("name").asText());
    assertEquals("date", keys.get(0).get("type").asText());
    assertEquals("Date of the nightly snapshot", keys.get(0).get("description").asText());
    List<String> order = new ArrayList<>();
    contract.get("columns").forEach(column -> order.add(column.get("name").asText()));
    assertEquals("gispropnum", order.getFirst(), "columns keep Glue's order");
    assertEquals("crawler_batch_id", order.getLast());
  }

  @Test
  void icebergContractKeepsRequiredAndDropsHistoryColumns() throws IOException {
    JsonNode contract = init("nyc_schools/school_directory.json");

    assertEquals("iceberg", contract.get("format").asText());
    assertEquals(
        "s3://nyc-open-data-lake/schools/directory/",
        contract.get("data_location").asText(),
        "a location always ends with /");
    Map<String, JsonNode> columns = byName(contract.get("columns"));
    assertTrue(columns.get("dbn").get("required").asBoolean());
    assertTrue(columns.get("updated_at").get("required").asBoolean());
    assertFalse(columns.get("overview_paragraph").get("required").asBoolean());
    assertEquals(
        "struct<bus:array<string>,subway:array<string>>",
        columns.get("transit").get("type").asText());
    assertEquals("decimal(5,4)", columns.get("graduation_rate").get("type").asText());
    assertFalse(
        columns.containsKey("district_code"), "iceberg.field.current=false is history, not schema");
    assertFalse(contract.has("partition_keys"), "no partition keys, no empty list");
  }

  @Test
  void mapKeyAndValueTypesAreKept() throws IOException {
    JsonNode contract = init("nyc_schools/demographic_snapshot.json");

    Map<String, JsonNode> columns = byName(contract.get("columns"));
    assertEquals("map<string,int>", columns.get("enrollment_by_grade").get("type").asText());
    assertEquals(
        "map<string,struct<n:int,pct:decimal(5,4)>>",
        columns.get("race_ethnicity").get("type").asText());
    assertEquals("varchar(7)", contract.at("/partition_keys/0/type").asText());
  }

  @Test
  void csvAndJsonSerDeOptionsAreKept() throws IOException {
    JsonNode csv = init("nyc_parks/park_inspections.json");

    assertEquals("csv", csv.get("format").asText());
    JsonNode options = csv.get("format_options");
    assertEquals(",", options.get("delimiter").asText());
    assertEquals("\"", options.get("quote").asText());
    assertEquals("\\", options.get("escape").asText());
    assertTrue(options.get("header").asBoolean());
    assertEquals("open_csv", options.get("serde").asText());
    assertEquals(2, csv.get("partition_keys").size());
    assertEquals("smallint", csv.at("/partition_keys/0/type").asText());

    JsonNode json = init("nyc_parks/playgrounds.json");

    assertEquals("json", json.get("format").asText());
    assertEquals("openx", json.at("/format_options/serde").asText());
    assertTrue(json.at("/format_options/ignore_malformed").asBoolean());
    assertEquals("lat", json.at("/format_options/mapping/latitude").asText());
    assertEquals(
        "map<string,int>", byName(json.get("columns")).get("surfaces").get("type").asText());
  }

  @Test
  void ownerAndContractVersionAreTaken() throws IOException {
    CliRun run =
        CliRun.of(
            "init",
            "--table",
            example("nyc_transit/bus_routes.json").toString(),
            "--owner",
            "transit-data@example.org",
            "--contract-version",
            "2.1.0");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode contract = Json.readTree("stdout", run.out().getBytes(StandardCharsets.UTF_8));
    assertEquals("transit-data@example.org", contract.get("owner").asText());
    assertEquals("2.1.0", contract.get("contract_version").asText());
  }

  // ------------------------------------------------------------------------------- output

  @Test
  void outputOptionWritesTheFileAndPrintsNothingOnStdout() throws IOException {
    Path output = root.resolve("parks_properties.json");

    CliRun run =
        CliRun.of(
            "init",
            "--table",
            example("nyc_parks/parks_properties.json").toString(),
            "-o",
            output.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("wrote " + output), run.err());
    CliRun printed =
        CliRun.of("init", "--table", example("nyc_parks/parks_properties.json").toString());
    assertEquals(0, printed.exitCode(), printed.describe());
    assertEquals(
        printed.out(), Files.readString(output), "the file holds what stdout would have shown");
    assertTrue(printed.out().endsWith("}\n"));
    assertEquals("", printed.err());
  }

  @Test
  void theWrittenContractValidates() {
    Path output = root.resolve("playgrounds.json");
    CliRun init =
        CliRun.of(
            "init",
            "--table",
            example("nyc_parks/playgrounds.json").toString(),
            "--output",
            output.toString());
    assertEquals(0, init.exitCode(), init.describe());

    CliRun validate = CliRun.of("validate", "--contracts", output.toString());

    assertEquals(0, validate.exitCode(), validate.describe());
  }

  // --------------------------------------------------------------------------- usage errors

  @Test
  void unrecognisedSerDeIsAUsageError() throws IOException {
    Path snapshot = root.resolve("custom.json");
    Files.writeString(
        snapshot,
        """
        {"Table": {
          "Name": "custom",
          "DatabaseName": "lab",
          "StorageDescriptor": {
            "Columns": [{"Name": "id", "Type": "int"}],
            "Location": "s3://lab-data/custom/",
            "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
            "SerdeInfo": {"SerializationLibrary": "com.example.MagicSerDe"}
          }
        }}
        """);

    CliRun run = CliRun.of("init", "--table", snapshot.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("com.example.MagicSerDe"), run.err());
    assertTrue(run.err().contains("cannot tell the format"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  /**
   * A table Glue (or a hand-written snapshot) holds but a contract cannot describe: init checks
   * what it would write with the reader validate uses, and writes nothing (issue 13, defect 11).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid table name | Sales-Orders | id | s3://lab-data/orders/ | $.table",
        "invalid database name | orders | id | s3://lab-data/orders/ | $.database",
        "control character in a column name | orders | i\\u0001d | s3://lab-data/orders/"
            + " | $.columns[0].name",
        "hdfs location | orders | id | hdfs://namenode/warehouse/orders/ | $.data_location"
      })
  void aTableThatCannotBecomeAValidContractIsRefused(
      String what, String table, String column, String location, String path) throws IOException {
    String database = what.equals("invalid database name") ? "Lab Data" : "lab";
    Path snapshot = root.resolve("table.json");
    Files.writeString(
        snapshot,
        """
        {"Table": {
          "Name": "%s",
          "DatabaseName": "%s",
          "StorageDescriptor": {
            "Columns": [{"Name": "%s", "Type": "int"}],
            "Location": "%s",
            "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "SerdeInfo": {
              "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            }
          }
        }}
        """
            .formatted(table, database, column, location));
    Path output = root.resolve("contract.json");

    CliRun toStdout = CliRun.of("init", "--table", snapshot.toString());
    CliRun toFile = CliRun.of("init", "--table", snapshot.toString(), "-o", output.toString());

    for (CliRun run : List.of(toStdout, toFile)) {
      assertEquals(2, run.exitCode(), what + ": " + run.describe());
      assertEquals("", run.out(), what);
      assertTrue(run.err().startsWith("schema-drift init: "), run.err());
      assertTrue(run.err().contains(path), what + ": the problem is named: " + run.err());
      assertFalse(run.err().contains("\tat "), run.err());
    }
    assertFalse(Files.exists(output), "no contract is written");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nyc_parks", "nyc_parks.", ".parks_properties"})
  void malformedAwsTableNameIsAUsageError(String name) {
    // Refused before any AWS client is built: an empty environment is enough.
    CliRun run =
        CliRun.with(
            SchemaDriftCommand.factory(java.time.Clock.systemUTC(), Map.of()),
            "init",
            "--aws",
            name);

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("DATABASE.TABLE"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void nonexistentSnapshotIsAUsageError() {
    CliRun run = CliRun.of("init", "--table", root.resolve("none.json").toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("no such file"), run.err());
  }

  @Test
  void snapshotAndAwsTogetherAreAUsageError() {
    CliRun run =
        CliRun.of(
            "init",
            "--table",
            example("nyc_parks/parks_properties.json").toString(),
            "--aws",
            "nyc_parks.parks_properties");

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("mutually exclusive"), run.err());
  }

  // -------------------------------------------------------------------------------- helpers

  private JsonNode init(String snapshot) {
    CliRun run = CliRun.of("init", "--table", example(snapshot).toString());
    assertEquals(0, run.exitCode(), run.describe());
    return Json.readTree(snapshot, run.out().getBytes(StandardCharsets.UTF_8));
  }

  private static Path example(String snapshot) {
    return CliRun.repositoryRoot().resolve("examples/catalog").resolve(snapshot);
  }

  private static Map<String, JsonNode> byName(JsonNode columns) {
    Map<String, JsonNode> byName = new TreeMap<>();
    columns.forEach(column -> byName.put(column.get("name").asText(), column));
    return byName;
  }

  private static JsonNode json(Path file) throws IOException {
    return Json.readTree(file.toString(), Files.readAllBytes(file));
  }
}
