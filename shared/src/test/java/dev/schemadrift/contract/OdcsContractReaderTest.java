package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemadrift.contract.OdcsContractReader.Defaults;
import dev.schemadrift.contract.OdcsContractReader.Imported;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ODCS v3 documents must become the same contracts a JSON contract gives, every gap a Glue contract
 * cannot fill must be a problem with the file and the path, and hostile YAML must fail fast and
 * cleanly. The documents are our own fixtures (src/test/resources/odcs); the third-party samples in
 * the handbook folder beside the repository (shared/fixtures/odcs) are an extra corpus, read from
 * there when it is present and never copied.
 */
class OdcsContractReaderTest {
  private static final String GLUE_FIXTURE = "glue-import.odcs.yaml";
  private static final String ATHENA_FIXTURE = "athena-iceberg.odcs.yaml";
  private static final String FULL_FIXTURE = "lending-full.odcs.yaml";
  private static final String DATA_TYPES_FIXTURE = "meter-data-types.odcs.yaml";
  private static final String SCHEMA_TYPES_FIXTURE = "journey-schema-types.odcs.yaml";
  private static final String COLUMN_FIXTURE = "branch-column.odcs.yaml";
  private static final String DESCRIPTION_FIXTURE = "daily-loans-description.odcs.yaml";
  private static final String PARTITION_FIXTURE = "visit-partitions.odcs.yaml";

  /** What the documents without a server need from the caller. */
  private static final Defaults DEPLOYMENT =
      Defaults.NONE.withDatabase("payments").withLocation("s3://example-data/payments/{model}");

  private static final String SOURCE = "contracts/sales/orders.odcs.yaml";

  /** The handbook's ODCS samples, or null when the handbook folder is not beside the clone. */
  private static final Path HANDBOOK_SAMPLES = handbookSamples();

  // ---------------------------------------------------------------- our fixtures

  @Test
  void everyFixtureHasItsOwnTest() throws IOException {
    assertEquals(
        new TreeSet<>(
            List.of(
                GLUE_FIXTURE,
                ATHENA_FIXTURE,
                FULL_FIXTURE,
                DATA_TYPES_FIXTURE,
                SCHEMA_TYPES_FIXTURE,
                COLUMN_FIXTURE,
                DESCRIPTION_FIXTURE,
                PARTITION_FIXTURE)),
        yamlFiles(fixtures()),
        "a new fixture needs its own test here");
  }

  @Test
  void glueImportAsItStandsNamesItsTwoGaps() {
    List<Problem> problems = fileProblems(fixtures(), GLUE_FIXTURE, Defaults.NONE);

    assertEquals(
        List.of("$.servers[0].location", "$.schema[0].properties[13].physicalType"),
        paths(problems));
    assertContains("'s3://city_bikes_raw/bike_share'", problems.get(0).message());
    assertContains("valid bucket name", problems.get(0).message());
    assertContains("map<string,int>", problems.get(1).message());
    assertTrue(problems.stream().allMatch(problem -> problem.source().equals(GLUE_FIXTURE)));
  }

  @Test
  void glueImportImportsWithTheTableLocationAndStandInTypes() {
    Imported imported =
        importFile(
            fixtures(),
            GLUE_FIXTURE,
            Defaults.NONE
                .withLocation("s3://city-bikes-raw/bike_share/trips")
                .withStandInTypes(true));
    Contract contract = imported.contract();

    assertEquals("2.3.0", contract.contractVersion());
    assertEquals("bike_share", contract.database());
    assertEquals("trips", contract.table());
    assertEquals("s3://city-bikes-raw/bike_share/trips/", contract.dataLocation());
    assertEquals(ContractFormat.PARQUET, contract.format());
    assertEquals(FormatOptions.NONE, contract.formatOptions());
    assertEquals(
        List.of(
            "trip_id",
            "rider_id",
            "bike_model",
            "started_at",
            "duration_seconds",
            "fare",
            "distance_km",
            "battery_level",
            "elevation_gain",
            "start_dock",
            "route_tags",
            "stops",
            "ended_at",
            "sensor_counts",
            "operator_note",
            "service_date",
            "region",
            "ride_day"),
        names(contract.columns()));
    Map<String, String> types = types(contract.columns());
    assertEquals("string", types.get("trip_id"));
    assertEquals("bigint", types.get("rider_id"));
    // A bare varchar is Hive's string; logicalTypeOptions.maxLength bounds it.
    assertEquals("varchar(40)", types.get("bike_model"));
    assertEquals("int", types.get("duration_seconds"));
    assertEquals("decimal(7,3)", types.get("fare"));
    assertEquals("decimal(10,0)", types.get("distance_km"));
    assertEquals("float", types.get("battery_level"));
    assertEquals("struct<dock_code:string,has_charger:boolean>", types.get("start_dock"));
    assertEquals("array<string>", types.get("route_tags"));
    assertEquals("array<struct<stop_code:string,dwell_seconds:int>>", types.get("stops"));
    assertEquals("map<string,string>", types.get("sensor_counts"));
    assertEquals("string", types.get("operator_note"));
    assertEquals("date", types.get("ride_day"));
    assertEquals(
        "Identifier the dock system gives a trip", column(contract, "trip_id").description());
    assertEquals(Boolean.TRUE, column(contract, "region").required());
    assertNull(column(contract, "trip_id").required());
    // The Glue-import shape does not mark the table's partition keys, so they stay data columns.
    assertEquals(List.of(), contract.partitionKeys());
    assertEquals(
        List.of("$.servers[0].location", "$.servers", "$.schema[0].properties[13].physicalType"),
        paths(imported.notes()));
    assertContains(
        "replaces the document's 's3://city_bikes_raw/bike_share'", message(imported, 0));
    assertContains("parquet is assumed", message(imported, 1));
    assertContains("map<string,string> stands in", message(imported, 2));
  }

  @Test
  void athenaIcebergFixtureHasNoDataLocation() {
    List<Problem> problems = fileProblems(fixtures(), ATHENA_FIXTURE, Defaults.NONE);

    assertEquals(List.of("$.servers"), paths(problems));
    assertContains("stagingDir holds query results", problems.get(0).message());
  }

  @Test
  void athenaIcebergFixtureImportsWithALocationAndTheIcebergFormat() {
    Imported imported =
        importFile(
            fixtures(),
            ATHENA_FIXTURE,
            Defaults.NONE
                .withLocation("s3://weather-lake-data/iceberg/{model}")
                .withFormat(ContractFormat.ICEBERG));
    Contract contract = imported.contract();

    assertEquals("0.4.0", contract.contractVersion());
    assertEquals("weather_lake", contract.database());
    assertEquals("station_readings", contract.table());
    assertEquals("s3://weather-lake-data/iceberg/station_readings/", contract.dataLocation());
    assertEquals(ContractFormat.ICEBERG, contract.format());
    assertEquals("climate-data", contract.owner());
    assertNull(contract.description());
    assertEquals(
        Map.of(
            "station_code", "string",
            "observed_at", "timestamp",
            "rainfall_tenths_mm", "bigint",
            "sky", "string",
            "day", "string"),
        types(contract.columns()));
    assertEquals(Boolean.TRUE, column(contract, "station_code").required());
    assertEquals(List.of(), imported.notes());
  }

  @Test
  void fullFixtureHasTwoTablesAndOnlyAPostgresServer() {
    List<Problem> problems = fileProblems(fixtures(), FULL_FIXTURE, Defaults.NONE);

    assertEquals(List.of("$.schema", "$.servers", "$.servers"), paths(problems));
    assertContains("loans (loans_v2), members (library_members)", problems.get(0).message());
    assertContains("no glue or athena server names the Glue database", problems.get(1).message());
    assertContains("no glue, s3 or athena server gives a location", problems.get(2).message());
  }

  @Test
  void fullFixtureImportsEachTableWhenChosen() {
    Contract loans = importFile(fixtures(), FULL_FIXTURE, DEPLOYMENT.withTable("loans")).contract();

    assertEquals("2.0.1", loans.contractVersion());
    assertEquals("payments", loans.database());
    assertEquals("loans_v2", loans.table());
    assertEquals("s3://example-data/payments/loans/", loans.dataLocation());
    assertEquals("lending-analytics", loans.owner());
    assertEquals("One row per book loan, per branch", loans.description());
    assertEquals(
        Map.of("member_ref", "varchar(12)", "branch_code", "varchar(3)"), types(loans.columns()));
    assertEquals(List.of("member_ref", "branch_code"), names(loans.columns()));
    // The partition key's physicalName (loan_dt), not its name, is the Glue column.
    assertEquals(Map.of("loan_dt", "date"), types(loans.partitionKeys()));
    assertEquals(Boolean.FALSE, column(loans, "member_ref").required());
    assertEquals("Branch that lent the book", column(loans, "branch_code").description());

    Contract members =
        importFile(fixtures(), FULL_FIXTURE, DEPLOYMENT.withTable("LIBRARY_MEMBERS")).contract();
    assertEquals("library_members", members.table());
    assertEquals(
        List.of("member_id", "branch_code", "full_name", "membership_kind"),
        names(members.columns()));
    assertEquals("varchar(200)", types(members.columns()).get("full_name"));
    assertEquals(Boolean.TRUE, column(members, "member_id").required());
    assertEquals(Boolean.FALSE, column(members, "membership_kind").required());
  }

  @Test
  void dataTypesFixtureNamesTheTypesGlueCannotHoldAndItsMissingServer() {
    List<Problem> problems = fileProblems(fixtures(), DATA_TYPES_FIXTURE, Defaults.NONE);

    assertEquals(
        List.of(
            "$.servers",
            "$.servers",
            "$.schema[0].properties[3].logicalType",
            "$.schema[0].properties[8].logicalType",
            "$.schema[0].properties[9].logicalType"),
        paths(problems));
    assertContains("Glue has no time type", problems.get(2).message());
    assertContains("without items", problems.get(3).message());
    assertContains("without properties", problems.get(4).message());
  }

  @Test
  void dataTypesFixtureImportsWithADeploymentAndStandInTypes() {
    Imported imported =
        importFile(fixtures(), DATA_TYPES_FIXTURE, DEPLOYMENT.withStandInTypes(true));
    Contract contract = imported.contract();

    assertEquals("meter_readings", contract.table());
    assertEquals(
        List.of(
            "meter_code",
            "is_estimated",
            "reading_date",
            "read_time",
            "read_at",
            "read_at_local",
            "kilowatt_hours",
            "household_size",
            "previous_readings",
            "tariff"),
        names(contract.columns()));
    Map<String, String> types = types(contract.columns());
    assertEquals("string", types.get("meter_code"));
    assertEquals("boolean", types.get("is_estimated"));
    assertEquals("date", types.get("reading_date"));
    assertEquals("string", types.get("read_time"));
    assertEquals("timestamp", types.get("read_at"));
    assertEquals("timestamp", types.get("read_at_local"));
    // The physical type wins over logicalTypeOptions.format (f32, i64) when it is a Glue type.
    assertEquals("double", types.get("kilowatt_hours"));
    assertEquals("int", types.get("household_size"));
    assertEquals("array<string>", types.get("previous_readings"));
    assertEquals("string", types.get("tariff"));
    assertTrue(
        paths(imported.notes()).contains("$.schema[0].properties[1].physicalType"),
        "bool is not a Glue type, so logicalType boolean decides, with a note");
  }

  @Test
  void schemaTypesFixtureImportsItsTableAndEachObject() {
    Contract table = importFile(fixtures(), SCHEMA_TYPES_FIXTURE, DEPLOYMENT).contract();

    assertEquals("journey_facts", table.table());
    assertEquals(
        Map.of("vehicle_id", "varchar(10)", "line_code", "varchar(4)"), types(table.columns()));
    assertEquals(Map.of("journey_day", "date"), types(table.partitionKeys()));

    Contract object =
        importFile(fixtures(), SCHEMA_TYPES_FIXTURE, DEPLOYMENT.withTable("StopAddress"))
            .contract();
    assertEquals("stopaddress", object.table());
    assertEquals(Map.of("address_lines", "array<string>"), types(object.columns()));

    Contract nested =
        importFile(fixtures(), SCHEMA_TYPES_FIXTURE, DEPLOYMENT.withTable("routelegs")).contract();
    assertEquals(
        Map.of("legs", "array<struct<leg_code:varchar(12),platform:varchar(5)>>"),
        types(nested.columns()));
  }

  @Test
  void singleColumnFixtureImports() {
    Contract contract = importFile(fixtures(), COLUMN_FIXTURE, DEPLOYMENT).contract();

    assertEquals("payments", contract.database());
    assertEquals("branches", contract.table());
    assertEquals("s3://example-data/payments/branches/", contract.dataLocation());
    assertEquals(Map.of("branch_code", "varchar(3)"), types(contract.columns()));
  }

  @Test
  void descriptionFixtureKeepsTheColumnDescription() {
    Contract contract = importFile(fixtures(), DESCRIPTION_FIXTURE, DEPLOYMENT).contract();

    assertEquals("Loans counted per branch and day", contract.description());
    assertEquals(Map.of("loan_day", "date"), types(contract.columns()));
    assertTrue(
        column(contract, "loan_day").description().startsWith("The day the loans were counted"));
  }

  @Test
  void partitionFixtureOrdersItsPartitionKeysByPositionNotByDocumentOrder() {
    Contract contract = importFile(fixtures(), PARTITION_FIXTURE, DEPLOYMENT).contract();

    assertEquals(List.of("visitor_id", "minutes_spent"), names(contract.columns()));
    assertEquals(
        Map.of("visitor_id", "varchar(24)", "minutes_spent", "double"), types(contract.columns()));
    assertEquals(List.of("visit_year", "branch_code"), names(contract.partitionKeys()));
    assertEquals(
        Map.of("visit_year", "int", "branch_code", "varchar(3)"), types(contract.partitionKeys()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        DATA_TYPES_FIXTURE,
        SCHEMA_TYPES_FIXTURE,
        COLUMN_FIXTURE,
        DESCRIPTION_FIXTURE,
        PARTITION_FIXTURE
      })
  void fixturesWithoutServersNeedADatabaseAndALocation(String fixture) {
    assertNoServerProblems(fileProblems(fixtures(), fixture, Defaults.NONE));
  }

  // ---------------------------------------------------------------- the handbook's samples

  /**
   * The third-party samples are checked where the handbook folder is laid out beside the clone (as
   * CI does) and skipped where it is not, because a clone on its own must pass.
   */
  @Nested
  class HandbookSamples {
    private static final String GLUE_SAMPLE = "datacontract-cli-glue-import.odcs.yaml";
    private static final String ATHENA_SAMPLE = "datacontract-cli-athena-iceberg.odcs.yaml";
    private static final String FULL_SAMPLE = "full-example.odcs.yaml";
    private static final String DATA_TYPES_SAMPLE = "all-data-types.odcs.yaml";
    private static final String SCHEMA_TYPES_SAMPLE = "all-schema-types.odcs.yaml";
    private static final String COLUMN_SAMPLE = "table-column.odcs.yaml";
    private static final String DESCRIPTION_SAMPLE = "table-column-description.odcs.yaml";
    private static final String PARTITION_SAMPLE = "table-columns-with-partition.odcs.yaml";

    @BeforeEach
    void needsTheHandbookFolder() {
      assumeTrue(
          HANDBOOK_SAMPLES != null,
          "the handbook folder ../shared/fixtures/odcs is not beside the clone (none above "
              + Path.of("").toAbsolutePath()
              + "); its third-party samples are an optional extra corpus, and our own fixtures in"
              + " src/test/resources/odcs cover the same shapes");
    }

    @Test
    void everySampleInTheHandbookHasItsOwnTest() throws IOException {
      Set<String> found = yamlFiles(samples());
      assertEquals(
          new TreeSet<>(
              List.of(
                  GLUE_SAMPLE,
                  ATHENA_SAMPLE,
                  FULL_SAMPLE,
                  DATA_TYPES_SAMPLE,
                  SCHEMA_TYPES_SAMPLE,
                  COLUMN_SAMPLE,
                  DESCRIPTION_SAMPLE,
                  PARTITION_SAMPLE)),
          found,
          "a new sample needs its own test here");
    }

    @Test
    void glueSampleAsItStandsNamesItsTwoGaps() {
      List<Problem> problems = sampleProblems(GLUE_SAMPLE, Defaults.NONE);

      assertEquals(
          List.of("$.servers[0].location", "$.schema[0].properties[7].physicalType"),
          paths(problems));
      assertContains("'s3://test_bucket/testdb'", problems.get(0).message());
      assertContains("valid bucket name", problems.get(0).message());
      assertContains("map<string,int>", problems.get(1).message());
      assertTrue(problems.stream().allMatch(problem -> problem.source().equals(GLUE_SAMPLE)));
    }

    @Test
    void glueSampleImportsWithTheTableLocationAndStandInTypes() {
      Imported imported =
          importSample(
              GLUE_SAMPLE,
              Defaults.NONE
                  .withLocation("s3://test-bucket/testdb/test_table")
                  .withStandInTypes(true));
      Contract contract = imported.contract();

      assertEquals("1.0.0", contract.contractVersion());
      assertEquals("test_database", contract.database());
      assertEquals("test_table", contract.table());
      assertEquals("s3://test-bucket/testdb/test_table/", contract.dataLocation());
      assertEquals(ContractFormat.PARQUET, contract.format());
      assertEquals(FormatOptions.NONE, contract.formatOptions());
      assertEquals(
          List.of(
              "field_one",
              "field_two",
              "field_three",
              "field_four",
              "field_five",
              "field_six",
              "field_seven",
              "field_eight",
              "field_nine",
              "field_ten",
              "field_eleven",
              "field_twelve",
              "field_thirteen",
              "field_fourteen",
              "field_fifteen",
              "field_sixteen",
              "part_one",
              "part_two"),
          names(contract.columns()));
      Map<String, String> types = types(contract.columns());
      assertEquals("string", types.get("field_one"));
      assertEquals("int", types.get("field_two"));
      assertEquals("decimal(6,2)", types.get("field_four"));
      assertEquals("struct<sub_field_one:string,sub_field_two:boolean>", types.get("field_five"));
      assertEquals("array<string>", types.get("field_six"));
      assertEquals(
          "array<struct<sub_field_three:string,sub_field_four:int>>", types.get("field_seven"));
      assertEquals("map<string,string>", types.get("field_eight"));
      assertEquals("decimal(10,0)", types.get("field_nine"));
      assertEquals("float", types.get("field_eleven"));
      assertEquals("string", types.get("field_fifteen"));
      assertEquals("varchar(255)", types.get("field_sixteen"));
      assertEquals("date", types.get("part_two"));
      assertEquals("Comment 1", column(contract, "field_one").description());
      assertEquals(Boolean.TRUE, column(contract, "part_one").required());
      assertNull(column(contract, "field_one").required());
      // datacontract-cli does not mark Glue's partition keys, so they stay data columns.
      assertEquals(List.of(), contract.partitionKeys());
      assertEquals(
          List.of("$.servers[0].location", "$.servers", "$.schema[0].properties[7].physicalType"),
          paths(imported.notes()));
      assertContains("replaces the document's 's3://test_bucket/testdb'", message(imported, 0));
      assertContains("parquet is assumed", message(imported, 1));
      assertContains("map<string,string> stands in", message(imported, 2));
    }

    @Test
    void athenaIcebergSampleHasNoDataLocation() {
      List<Problem> problems = sampleProblems(ATHENA_SAMPLE, Defaults.NONE);

      assertEquals(List.of("$.servers"), paths(problems));
      assertContains("stagingDir holds query results", problems.get(0).message());
    }

    @Test
    void athenaIcebergSampleImportsWithALocationAndTheIcebergFormat() {
      Imported imported =
          importSample(
              ATHENA_SAMPLE,
              Defaults.NONE
                  .withLocation("s3://entropy-data-demo/iceberg/{model}")
                  .withFormat(ContractFormat.ICEBERG));
      Contract contract = imported.contract();

      assertEquals("0.0.1", contract.contractVersion());
      assertEquals("icebergdemodb", contract.database());
      assertEquals("athena_iceberg_table_partitioned", contract.table());
      assertEquals(
          "s3://entropy-data-demo/iceberg/athena_iceberg_table_partitioned/",
          contract.dataLocation());
      assertEquals(ContractFormat.ICEBERG, contract.format());
      assertEquals("data--ai", contract.owner());
      assertNull(contract.description());
      assertEquals(
          Map.of(
              "color", "string",
              "date", "string",
              "name", "string",
              "price", "bigint",
              "product", "string",
              "ts", "timestamp"),
          types(contract.columns()));
      assertEquals(Boolean.TRUE, column(contract, "color").required());
      assertEquals(List.of(), imported.notes());
    }

    @Test
    void fullExampleHasTwoTablesAndOnlyAPostgresServer() {
      List<Problem> problems = sampleProblems(FULL_SAMPLE, Defaults.NONE);

      assertEquals(List.of("$.schema", "$.servers", "$.servers"), paths(problems));
      assertContains("tbl (tbl_1), receivers (receivers_master)", problems.get(0).message());
      assertContains("no glue or athena server names the Glue database", problems.get(1).message());
      assertContains("no glue, s3 or athena server gives a location", problems.get(2).message());
    }

    @Test
    void fullExampleImportsEachTableWhenChosen() {
      Contract payments = importSample(FULL_SAMPLE, DEPLOYMENT.withTable("tbl")).contract();

      assertEquals("1.1.0", payments.contractVersion());
      assertEquals("payments", payments.database());
      assertEquals("tbl_1", payments.table());
      assertEquals("s3://example-data/payments/tbl/", payments.dataLocation());
      assertEquals("my-team", payments.owner());
      assertEquals("Provides core payment metrics", payments.description());
      assertEquals(
          Map.of("rcvr_id", "varchar(18)", "rcvr_cntry_code", "varchar(2)"),
          types(payments.columns()));
      assertEquals(List.of("rcvr_id", "rcvr_cntry_code"), names(payments.columns()));
      assertEquals(Map.of("txn_ref_dt", "date"), types(payments.partitionKeys()));
      assertEquals(Boolean.FALSE, column(payments, "rcvr_id").required());
      assertEquals("Country code", column(payments, "rcvr_cntry_code").description());

      Contract receivers =
          importSample(FULL_SAMPLE, DEPLOYMENT.withTable("RECEIVERS_MASTER")).contract();
      assertEquals("receivers_master", receivers.table());
      assertEquals(
          List.of("id", "country_code", "receiver_name", "receiver_type"),
          names(receivers.columns()));
      assertEquals("varchar(255)", types(receivers.columns()).get("receiver_name"));
      assertEquals(Boolean.TRUE, column(receivers, "id").required());
      assertEquals(Boolean.FALSE, column(receivers, "receiver_type").required());
    }

    @Test
    void dataTypesSampleNamesTheTypesGlueCannotHoldAndItsMissingServer() {
      List<Problem> problems = sampleProblems(DATA_TYPES_SAMPLE, Defaults.NONE);

      assertEquals(
          List.of(
              "$.servers",
              "$.servers",
              "$.schema[0].properties[4].logicalType",
              "$.schema[0].properties[8].logicalType",
              "$.schema[0].properties[9].logicalType"),
          paths(problems));
      assertContains("Glue has no time type", problems.get(2).message());
      assertContains("without items", problems.get(3).message());
      assertContains("without properties", problems.get(4).message());
    }

    @Test
    void dataTypesSampleImportsWithADeploymentAndStandInTypes() {
      Imported imported = importSample(DATA_TYPES_SAMPLE, DEPLOYMENT.withStandInTypes(true));
      Contract contract = imported.contract();

      assertEquals("transactions_tbl", contract.table());
      assertEquals(
          List.of(
              "account_id",
              "txn_ref_date",
              "txn_timestamp",
              "txn_timestamp_tz",
              "txn_time",
              "amount",
              "age",
              "is_open",
              "latest_txns",
              "customer_details"),
          names(contract.columns()));
      Map<String, String> types = types(contract.columns());
      assertEquals("string", types.get("account_id"));
      assertEquals("date", types.get("txn_ref_date"));
      assertEquals("timestamp", types.get("txn_timestamp_tz"));
      assertEquals("string", types.get("txn_time"));
      // The physical type wins over logicalTypeOptions.format (f32, i64) when it is a Glue type.
      assertEquals("double", types.get("amount"));
      assertEquals("int", types.get("age"));
      assertEquals("boolean", types.get("is_open"));
      assertEquals("array<string>", types.get("latest_txns"));
      assertEquals("string", types.get("customer_details"));
      assertTrue(
          paths(imported.notes()).contains("$.schema[0].properties[7].physicalType"),
          "bool is not a Glue type, so logicalType boolean decides, with a note");
    }

    @Test
    void schemaTypesSampleImportsItsTableAndEachObject() {
      Contract table = importSample(SCHEMA_TYPES_SAMPLE, DEPLOYMENT).contract();

      assertEquals("tbl_1", table.table());
      assertEquals(
          Map.of("rcvr_id", "varchar(18)", "rcvr_cntry_code", "varchar(2)"),
          types(table.columns()));
      assertEquals(Map.of("txn_ref_dt", "date"), types(table.partitionKeys()));

      Contract object =
          importSample(SCHEMA_TYPES_SAMPLE, DEPLOYMENT.withTable("AnObject")).contract();
      assertEquals("anobject", object.table());
      assertEquals(Map.of("street_lines", "array<string>"), types(object.columns()));

      Contract nested =
          importSample(SCHEMA_TYPES_SAMPLE, DEPLOYMENT.withTable("anotherobject")).contract();
      assertEquals(
          Map.of("x", "array<struct<id:varchar(40),zip:varchar(15)>>"), types(nested.columns()));
    }

    @Test
    void singleColumnSampleImports() {
      Contract contract = importSample(COLUMN_SAMPLE, DEPLOYMENT).contract();

      assertEquals("payments", contract.database());
      assertEquals("tbl", contract.table());
      assertEquals("s3://example-data/payments/tbl/", contract.dataLocation());
      assertEquals(Map.of("rcvr_cntry_code", "varchar(2)"), types(contract.columns()));
    }

    @Test
    void descriptionSampleKeepsTheColumnDescription() {
      Contract contract = importSample(DESCRIPTION_SAMPLE, DEPLOYMENT).contract();

      assertEquals("Provides core payment metrics", contract.description());
      assertEquals(Map.of("txn_ref_dt", "date"), types(contract.columns()));
      assertTrue(column(contract, "txn_ref_dt").description().startsWith("Reference date for"));
    }

    @Test
    void partitionSampleOrdersItsPartitionKeysByPosition() {
      Contract contract = importSample(PARTITION_SAMPLE, DEPLOYMENT).contract();

      assertEquals(List.of("rcvr_id", "amount"), names(contract.columns()));
      assertEquals(Map.of("rcvr_id", "varchar(20)", "amount", "double"), types(contract.columns()));
      assertEquals(List.of("rcvr_cntry_code", "year"), names(contract.partitionKeys()));
      assertEquals(
          Map.of("rcvr_cntry_code", "varchar(2)", "year", "int"), types(contract.partitionKeys()));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          DATA_TYPES_SAMPLE,
          SCHEMA_TYPES_SAMPLE,
          COLUMN_SAMPLE,
          DESCRIPTION_SAMPLE,
          PARTITION_SAMPLE
        })
    void samplesWithoutServersNeedADatabaseAndALocation(String sample) {
      assertNoServerProblems(sampleProblems(sample, Defaults.NONE));
    }
  }

  @Test
  void tableNameOverloadPicksASchemaObject() {
    Contract contract =
        OdcsContractReader.read(
            SOURCE,
            bytes(
                document(
                    """
                      - server: production
                        type: glue
                        database: sales
                        location: s3://example-data/sales/{model}/
                    """,
                    """
                      - name: orders
                        physicalType: table
                        properties:
                          - {name: id, physicalType: bigint}
                      - name: customers
                        physicalType: table
                        properties:
                          - {name: id, physicalType: string}
                    """)),
            "customers");

    assertEquals("customers", contract.table());
    assertEquals("s3://example-data/sales/customers/", contract.dataLocation());
    assertEquals(Map.of("id", "string"), types(contract.columns()));
  }

  @Test
  void contractsPicksTheReaderByTheFileName() {
    byte[] odcs = bytes(orders("  - {name: id, physicalType: bigint}"));
    assertEquals("orders", Contracts.read("contracts/sales/orders.yaml", odcs).table());
    assertEquals("orders", Contracts.read("s3://bucket/contracts/ORDERS.YML", odcs).table());

    byte[] json =
        bytes(
            """
            {"contract_version": "1.0.0", "database": "sales", "table": "orders",
             "data_location": "s3://example-data/sales/orders/", "format": "parquet",
             "columns": [{"name": "id", "type": "bigint"}]}
            """);
    assertEquals("orders", Contracts.read("contracts/sales/orders.json", json).table());
    assertThrows(
        InvalidDocumentException.class, () -> Contracts.read("contracts/orders.yaml", json));
    assertTrue(Contracts.isOdcs("a.yml"));
    assertFalse(Contracts.isOdcs("a.yaml.json"));
  }

  // ---------------------------------------------------------------- physical types

  @Test
  void physicalTypesThatAreGlueTypesAreTakenAsTheyAre() {
    Contract contract =
        read(
            orders(
                """
                  - {name: amount, physicalType: "DECIMAL(6, 2)", logicalType: number}
                  - {name: tags, physicalType: "array<struct<a:int>>"}
                  - {name: counts, physicalType: "map<string,int>"}
                  - {name: code, physicalType: VARCHAR(40)}
                  - {name: created, physicalType: timestamp(6), logicalType: date}
                """));

    assertEquals(
        Map.of(
            "amount", "decimal(6,2)",
            "tags", "array<struct<a:int>>",
            "counts", "map<string,int>",
            "code", "varchar(40)",
            "created", "timestamp"),
        types(contract.columns()));
  }

  @Test
  void bareContainerWordsAreCompletedFromTheNestedDescription() {
    Contract contract =
        read(
            orders(
                """
                  - name: price
                    physicalType: decimal
                    customProperties:
                      - {property: precision, value: 12}
                      - {property: scale, value: "3"}
                  - name: rounded
                    physicalType: numeric
                    customProperties: [{property: Precision, value: 9}]
                  - name: address
                    physicalType: struct
                    properties:
                      - {name: street, physicalType: string}
                      - {name: Geo Point, physicalName: geo, logicalType: object, properties: [{name: lat, logicalType: number}]}
                  - name: lines
                    physicalType: array
                    items:
                      physicalType: object
                      properties: [{name: sku, physicalType: string}, {name: qty, logicalType: integer}]
                  - name: attributes
                    logicalType: map
                    map:
                      key: {physicalType: string}
                      value: {logicalType: integer, logicalTypeOptions: {format: i64}}
                  - {name: label, physicalType: varchar, logicalType: string, logicalTypeOptions: {maxLength: 80}}
                  - {name: note, physicalType: varchar}
                  - {name: flag, physicalType: char, logicalTypeOptions: {maxLength: 1}}
                """));

    assertEquals(
        Map.of(
            "price", "decimal(12,3)",
            "rounded", "decimal(9,0)",
            "address", "struct<street:string,geo:struct<lat:double>>",
            "lines", "array<struct<sku:string,qty:int>>",
            "attributes", "map<string,bigint>",
            "label", "varchar(80)",
            "note", "string",
            "flag", "char(1)"),
        types(contract.columns()));
  }

  @Test
  void aPhysicalTypeGlueDoesNotKnowFallsBackToTheLogicalTypeWithANote() {
    Imported imported =
        importContract(
            orders(
                """
                  - {name: code, physicalType: VARCHAR2(10), logicalType: string}
                """),
            Defaults.NONE);

    assertEquals(Map.of("code", "string"), types(imported.contract().columns()));
    assertEquals(List.of("$.schema[0].properties[0].physicalType"), paths(imported.notes()));
    assertContains("'VARCHAR2(10)' is not a Glue type", imported.notes().get(0).message());
  }

  @Test
  void typeProblemsNameTheProperty() {
    List<Problem> problems =
        problems(
            orders(
                """
                  - {name: code, physicalType: VARCHAR2(10)}
                  - {name: nothing}
                  - {name: flag, physicalType: char}
                  - {name: big, logicalType: integer, logicalTypeOptions: {format: i128}}
                  - {name: odd, logicalType: complex}
                  - name: price
                    physicalType: decimal
                    customProperties: [{property: precision, value: 40}]
                  - name: ratio
                    physicalType: decimal
                    customProperties: [{property: scale, value: 2}]
                  - name: keyed
                    logicalType: map
                    map: {key: {physicalType: "struct<a:int>"}, value: {physicalType: int}}
                  - {name: empty, physicalType: struct, properties: []}
                """));

    assertEquals(
        List.of(
            "$.schema[0].properties[0].physicalType",
            "$.schema[0].properties[1]",
            "$.schema[0].properties[2].physicalType",
            "$.schema[0].properties[3].logicalTypeOptions.format",
            "$.schema[0].properties[4].logicalType",
            "$.schema[0].properties[5].customProperties[0].value",
            "$.schema[0].properties[6].customProperties[0].value",
            "$.schema[0].properties[7].map.key",
            "$.schema[0].properties[8].physicalType"),
        paths(problems));
    assertContains("no logicalType to fall back on", problems.get(0).message());
    assertContains("needs a physicalType", problems.get(1).message());
    assertContains("char needs a length", problems.get(2).message());
    assertContains("expected one of string, date", problems.get(4).message());
    assertContains("precision must be 1..38", problems.get(5).message());
    assertContains("a scale needs a precision", problems.get(6).message());
    assertContains("primitive type", problems.get(7).message());
    assertContains("without properties", problems.get(8).message());
  }

  /** A malformed customProperties would silently lose what it says (precision, scale, owner). */
  @Test
  void customPropertiesThatAreNotAListOfPropertiesAreProblems() {
    List<Problem> problems =
        problems(
            orders(
                """
                  - name: price
                    physicalType: decimal
                    customProperties: {precision: 12, scale: 2}
                  - name: ratio
                    physicalType: decimal
                    customProperties: [{name: precision, value: 9}, precision]
                """));

    assertEquals(
        List.of(
            "$.schema[0].properties[0].customProperties",
            "$.schema[0].properties[1].customProperties[0]",
            "$.schema[0].properties[1].customProperties[1]"),
        paths(problems));
    assertContains("a list of {property, value} entries", problems.get(0).message());
    assertContains("needs a text 'property'", problems.get(1).message());
    assertContains("needs a text 'property'", problems.get(2).message());
  }

  // ---------------------------------------------------------------- logical types

  @Test
  void logicalTypesMapToGlueTypes() {
    Contract contract =
        read(
            orders(
                """
                  - {name: s, logicalType: string}
                  - {name: i, logicalType: integer}
                  - {name: tiny, logicalType: integer, logicalTypeOptions: {format: i8}}
                  - {name: small, logicalType: integer, logicalTypeOptions: {format: u8}}
                  - {name: long, logicalType: integer, logicalTypeOptions: {format: i64}}
                  - {name: unsigned, logicalType: integer, logicalTypeOptions: {format: u64}}
                  - {name: n, logicalType: number}
                  - {name: f, logicalType: number, logicalTypeOptions: {format: f32}}
                  - name: money
                    logicalType: number
                    customProperties: [{property: precision, value: 10}, {property: scale, value: 2}]
                  - {name: b, logicalType: boolean}
                  - {name: d, logicalType: date}
                  - {name: t, logicalType: timestamp}
                  - {name: list, logicalType: array, items: {logicalType: date}}
                  - {name: o, logicalType: object, properties: [{name: x, logicalType: integer}]}
                """));

    assertEquals(
        new LinkedHashMap<>(
            Map.ofEntries(
                Map.entry("s", "string"),
                Map.entry("i", "int"),
                Map.entry("tiny", "tinyint"),
                Map.entry("small", "smallint"),
                Map.entry("long", "bigint"),
                Map.entry("unsigned", "decimal(20,0)"),
                Map.entry("n", "double"),
                Map.entry("f", "float"),
                Map.entry("money", "decimal(10,2)"),
                Map.entry("b", "boolean"),
                Map.entry("d", "date"),
                Map.entry("t", "timestamp"),
                Map.entry("list", "array<date>"),
                Map.entry("o", "struct<x:int>"))),
        types(contract.columns()));
  }

  // ---------------------------------------------------------------- columns

  @Test
  void columnsKeepPhysicalNamesRequiredDescriptionsAndDeprecation() {
    Contract contract =
        read(
            orders(
                """
                  - name: order identifier
                    physicalName: order_id
                    physicalType: bigint
                    required: true
                    description: The order
                  - {name: legacy, physicalType: string, deprecated: true, required: false}
                """));

    ContractColumn id = column(contract, "order_id");
    assertEquals(Boolean.TRUE, id.required());
    assertEquals("The order", id.description());
    assertFalse(id.deprecated());
    ContractColumn legacy = column(contract, "legacy");
    assertEquals(Boolean.FALSE, legacy.required());
    assertTrue(legacy.deprecated());
  }

  @Test
  void partitionKeysFollowTheirPositionsOrTheDocumentOrder() {
    Contract byPosition =
        read(
            orders(
                """
                  - {name: day, physicalType: date, partitioned: true, partitionKeyPosition: 2}
                  - {name: id, physicalType: bigint, partitioned: false, partitionKeyPosition: -1}
                  - {name: region, physicalType: string, partitioned: true, partitionKeyPosition: 1}
                """));
    assertEquals(List.of("id"), names(byPosition.columns()));
    assertEquals(List.of("region", "day"), names(byPosition.partitionKeys()));

    Contract byOrder =
        read(
            orders(
                """
                  - {name: day, physicalType: date, partitioned: true}
                  - {name: id, physicalType: bigint}
                  - {name: region, physicalType: string, partitioned: true}
                """));
    assertEquals(List.of("day", "region"), names(byOrder.partitionKeys()));
  }

  @Test
  void partitionProblemsNameTheProperty() {
    List<Problem> problems =
        problems(
            orders(
                """
                  - {name: a, physicalType: date, partitioned: true, partitionKeyPosition: 1}
                  - {name: b, physicalType: string, partitioned: true}
                  - {name: c, physicalType: string, partitioned: true, partitionKeyPosition: 1}
                  - {name: d, physicalType: string, partitionKeyPosition: 3}
                  - {name: e, physicalType: "array<int>", partitioned: true, partitionKeyPosition: 4}
                  - {name: f, physicalType: string, partitionKeyPosition: 0}
                  - name: g
                    logicalType: object
                    properties: [{name: h, physicalType: int, partitioned: true}]
                """));

    assertEquals(
        List.of(
            "$.schema[0].properties[3].partitionKeyPosition",
            "$.schema[0].properties[4]",
            "$.schema[0].properties[5].partitionKeyPosition",
            "$.schema[0].properties[6].properties[0].partitioned",
            "$.schema[0].properties[1].partitionKeyPosition"),
        paths(problems));
    assertContains("needs partitioned: true", problems.get(0).message());
    assertContains("primitive type", problems.get(1).message());
    assertContains("positions start at 1", problems.get(2).message());
    assertContains("only a top-level property", problems.get(3).message());
    assertContains("give this one one too", problems.get(4).message());

    List<Problem> duplicates =
        problems(
            orders(
                """
                  - {name: a, physicalType: date, partitioned: true, partitionKeyPosition: 1}
                  - {name: b, physicalType: string, partitioned: true, partitionKeyPosition: 1}
                  - {name: c, physicalType: string}
                """));
    assertEquals(List.of("$.schema[0].properties[1].partitionKeyPosition"), paths(duplicates));
    assertContains("also given at $.schema[0].properties[0]", duplicates.get(0).message());
  }

  @Test
  void columnNameProblemsAreReported() {
    List<Problem> problems =
        problems(
            orders(
                """
                  - {name: Id, physicalType: bigint}
                  - {name: ID, physicalType: string, partitioned: true}
                  - {name: "tab\\there", physicalType: string}
                  - {name: x, physicalName: "", physicalType: string}
                """));

    assertEquals(
        List.of(
            "$.schema[0].properties[2].name",
            "$.schema[0].properties[3].physicalName",
            "$.schema[0].properties[1].name"),
        paths(problems));
    assertContains("control characters", problems.get(0).message());
    assertContains("must not be empty", problems.get(1).message());
    assertContains("duplicate column 'ID'", problems.get(2).message());
  }

  // ---------------------------------------------------------------- the table

  @Test
  void theTableNameIsThePhysicalNameFoldedToLowerCase() {
    Contract contract =
        read(
            document(
                GLUE_SERVER,
                """
                  - name: orders
                    physicalName: Orders_V2
                    physicalType: table
                    properties: [{name: id, physicalType: bigint}]
                """));
    assertEquals("orders_v2", contract.table());

    List<Problem> problems =
        problems(
            document(
                GLUE_SERVER,
                """
                  - name: orders
                    physicalName: orders-2024
                    physicalType: table
                    properties: [{name: id, physicalType: bigint}]
                """));
    assertEquals(List.of("$.schema[0].physicalName"), paths(problems));
    assertContains("not a valid Glue table name", problems.get(0).message());
  }

  @Test
  void aQualifiedPhysicalNameGivesTheDatabaseWhenNoServerDoes() {
    Contract contract =
        read(
            document(
                """
                  - {server: lake, type: s3, location: "s3://example-data/sales/orders/"}
                """,
                """
                  - name: orders
                    physicalName: awsdatacatalog.sales.orders
                    physicalType: table
                    properties: [{name: id, physicalType: bigint}]
                """));

    assertEquals("sales", contract.database());
    assertEquals("orders", contract.table());
  }

  @Test
  void theTableIsChosenAmongSchemaObjects() {
    String twoObjects =
        document(
            GLUE_SERVER,
            """
              - name: orders
                properties: [{name: id, physicalType: bigint}]
              - name: customers
                properties: [{name: id, physicalType: bigint}]
            """);
    List<Problem> none = problems(twoObjects);
    assertEquals(List.of("$.schema"), paths(none));
    assertContains("none of the 2 schema objects has physicalType table", none.get(0).message());
    assertContains("orders, customers", none.get(0).message());

    List<Problem> unknown = problems(twoObjects, Defaults.NONE.withTable("invoices"));
    assertContains("no schema object is named 'invoices'", unknown.get(0).message());

    assertEquals(
        "customers", OdcsContractReader.read(SOURCE, bytes(twoObjects), "Customers").table());

    String oneObject =
        document(
            GLUE_SERVER,
            """
              - name: orders
                physicalType: view
                properties: [{name: id, physicalType: bigint}]
            """);
    assertEquals("orders", read(oneObject).table());
  }

  // ---------------------------------------------------------------- servers

  @Test
  void anAthenaServerGivesTheDatabaseInItsSchemaField() {
    Contract contract =
        read(
            document(
                """
                  - server: athena
                    type: athena
                    schema: IcebergDemo
                    stagingDir: s3://query-results/athena/
                    location: s3://example-data/iceberg/{model}
                """,
                ORDERS_TABLE));

    assertEquals("icebergdemo", contract.database());
    assertEquals("s3://example-data/iceberg/orders/", contract.dataLocation());
  }

  @Test
  void aGlueServersAccountIsTheCatalogId() {
    Contract contract = read(document(GLUE_SERVER, ORDERS_TABLE));

    assertEquals("123456789012", contract.catalogId());
  }

  @Test
  void aCustomPropertyCatalogIdNamesTheCatalogWhenNoGlueServerHasAnAccount() {
    Contract contract =
        read(
            document(
                """
                  - server: production
                    type: athena
                    schema: sales
                    location: s3://example-data/sales/{model}
                    format: parquet
                    customProperties:
                      - {property: catalog_id, value: "111122223333"}
                """,
                ORDERS_TABLE));

    assertEquals("111122223333", contract.catalogId());
  }

  @Test
  void anAccountThatIsNotTwelveDigitsIsAProblemAtItsPath() {
    List<Problem> problems =
        problems(
            document(
                """
                  - {server: catalog, type: glue, account: "prod", database: sales,
                     location: "s3://example-data/sales/orders/"}
                """,
                ORDERS_TABLE));

    assertEquals(1, problems.size(), problems.toString());
    assertEquals("$.servers[0].account", problems.get(0).jsonPath());
    assertTrue(problems.get(0).message().contains("not a Glue catalog id"));
  }

  @Test
  void aSchemaObjectOfPhysicalTypeViewIsAViewWithoutALocation() {
    Contract contract =
        read(
            document(
                GLUE_SERVER,
                """
                  - name: orders
                    physicalType: view
                    properties:
                      - {name: id, physicalType: bigint}
                """));

    assertEquals(ContractFormat.VIEW, contract.format());
    assertNull(contract.dataLocation());
  }

  @Test
  void anS3ServerGivesLocationFormatAndDelimiter() {
    Contract contract =
        read(
            document(
                """
                  - {server: catalog, type: glue, account: "111122223333", database: sales}
                  - server: files
                    type: s3
                    location: s3://example-data/sales/{model}/*.csv
                    format: CSV
                    delimiter: "|"
                """,
                ORDERS_TABLE));

    assertEquals("s3://example-data/sales/orders/", contract.dataLocation());
    assertEquals(ContractFormat.CSV, contract.format());
    assertEquals("|", contract.formatOptions().delimiter());
  }

  @Test
  void serverProblemsNameTheField() {
    List<Problem> problems =
        problems(
            document(
                """
                  - server: production
                    type: glue
                    database: sales-db
                    location: s3://example-data/*/orders/
                    format: delta
                """,
                ORDERS_TABLE));

    assertEquals(
        List.of("$.servers[0].database", "$.servers[0].location", "$.servers[0].format"),
        paths(problems));
    assertContains("not a valid Glue database name", problems.get(0).message());
    assertContains("wildcard", problems.get(1).message());
    assertContains("Delta Lake", problems.get(2).message());

    List<Problem> delimiters =
        problems(
            document(
                """
                  - {server: a, type: s3, location: "s3://example-data/x/", format: json, delimiter: array}
                  - {server: b, type: glue, database: sales}
                """,
                ORDERS_TABLE));
    assertEquals(List.of("$.servers[0].delimiter"), paths(delimiters));
    assertContains("one document per line", delimiters.get(0).message());

    List<Problem> parquetDelimiter =
        problems(
            document(
                """
                  - {server: a, type: glue, database: sales, location: "s3://example-data/x/", format: parquet, delimiter: ","}
                """,
                ORDERS_TABLE));
    assertContains("means nothing for format parquet", parquetDelimiter.get(0).message());
  }

  @Test
  void otherServerTypesAreNotReadAndAServerCanBeChosen() {
    String servers =
        """
          - {server: warehouse, type: postgres, host: localhost, port: 5432, database: sales}
          - {server: dev, type: glue, database: sales_dev, location: "s3://example-dev/orders/"}
          - {server: prod, type: glue, database: sales, location: "s3://example-prod/orders/"}
        """;

    Imported first = importContract(document(servers, ORDERS_TABLE), Defaults.NONE);
    assertEquals("sales_dev", first.contract().database());
    assertTrue(
        first.notes().stream()
            .anyMatch(note -> note.message().contains("comes from server 'dev' (glue)")));

    Contract prod =
        OdcsContractReader.read(
            SOURCE, bytes(document(servers, ORDERS_TABLE)), Defaults.NONE.withServer("prod"));
    assertEquals("sales", prod.database());
    assertEquals("s3://example-prod/orders/", prod.dataLocation());

    List<Problem> problems =
        problems(document(servers, ORDERS_TABLE), Defaults.NONE.withServer("warehouse"));
    assertEquals("$.servers", problems.get(0).jsonPath());
    assertContains("no glue, athena or s3 server is called 'warehouse'", problems.get(0).message());
    assertContains("'warehouse' (postgres)", problems.get(0).message());
  }

  @Test
  void callerValuesReplaceTheDocumentsWithANote() {
    Imported imported =
        importContract(
            orders("  - {name: id, physicalType: bigint}"),
            Defaults.NONE
                .withDatabase("Sales_Archive")
                .withLocation("s3a://archive/orders")
                .withFormat(ContractFormat.ORC));
    Contract contract = imported.contract();

    assertEquals("sales_archive", contract.database());
    assertEquals("s3a://archive/orders/", contract.dataLocation());
    assertEquals(ContractFormat.ORC, contract.format());
    assertEquals(
        List.of("$.servers[0].database", "$.servers[0].location", "$.servers[0].format"),
        paths(imported.notes()));

    List<Problem> problems =
        problems(
            orders("  - {name: id, physicalType: bigint}"),
            Defaults.NONE.withDatabase("sales archive").withLocation("https://example.org/"));
    assertEquals(List.of("defaults.database", "defaults.location"), paths(problems));
  }

  // ---------------------------------------------------------------- format

  @Test
  void icebergIsDeclaredByATableTypeCustomProperty() {
    Contract contract =
        read(
            document(
                """
                  - {server: lake, type: glue, database: sales, location: "s3://example-data/orders/", format: parquet}
                """,
                """
                  - name: orders
                    physicalType: table
                    customProperties: [{property: table_type, value: ICEBERG}]
                    properties: [{name: id, physicalType: bigint}]
                """));
    assertEquals(ContractFormat.ICEBERG, contract.format());

    List<Problem> problems =
        problems(
            document(
                """
                  - {server: lake, type: glue, database: sales, location: "s3://example-data/orders/", format: csv}
                """,
                """
                  - name: orders
                    physicalType: table
                    properties: [{name: id, physicalType: bigint}]
                """
                    + "customProperties: [{property: tableType, value: iceberg}]\n"));
    assertEquals(List.of("$.servers[0].format"), paths(problems));
    assertContains("$.customProperties[0].value", problems.get(0).message());
  }

  @Test
  void withoutAFormatParquetIsAssumedWithANote() {
    Imported imported =
        importContract(
            document(
                """
                  - {server: lake, type: glue, database: sales, location: "s3://example-data/orders"}
                """,
                ORDERS_TABLE),
            Defaults.NONE);

    assertEquals(ContractFormat.PARQUET, imported.contract().format());
    assertEquals("s3://example-data/orders/", imported.contract().dataLocation());
    assertEquals(List.of("$.servers"), paths(imported.notes()));
    assertContains("parquet is assumed", imported.notes().get(0).message());
  }

  // ---------------------------------------------------------------- the document

  @Test
  void documentProblemsAreAllReportedAtOnce() {
    List<Problem> problems =
        problems(
            """
            apiVersion: v2.2.2
            kind: DataProduct
            version: "1.0"
            schema: []
            """);

    assertEquals(
        List.of("$.apiVersion", "$.kind", "$.version", "$.schema", "$.servers", "$.servers"),
        paths(problems));
    assertContains("only v3.x.y documents are read", problems.get(0).message());
    assertContains("not a semantic version", problems.get(2).message());
    assertContains("at least one schema object", problems.get(3).message());

    List<Problem> missing = problems("id: orders\n");
    assertEquals(
        List.of("$.apiVersion", "$.version", "$.schema", "$.servers", "$.servers"), paths(missing));
  }

  @Test
  void ownerAndDescriptionComeFromTheCustomPropertyTeamOrPurpose() {
    String tableWithoutDescription = ORDERS_TABLE;
    Contract custom =
        read(
            document(GLUE_SERVER, tableWithoutDescription)
                + "customProperties: [{property: owner, value: sales-data}]\n"
                + "team: {name: sales-team}\n"
                + "description: {purpose: Orders as booked}\n");
    assertEquals("sales-data", custom.owner());
    assertEquals("Orders as booked", custom.description());

    Contract team =
        read(
            document(GLUE_SERVER, tableWithoutDescription)
                + "team:\n"
                + "  - {username: old, role: Owner, dateOut: \"2024-01-01\"}\n"
                + "  - {username: ann, role: owner}\n"
                + "description: Plain text\n");
    assertEquals("ann", team.owner());
    assertEquals("Plain text", team.description());
  }

  // ---------------------------------------------------------------- hostile YAML

  @Test
  void anAliasBombIsRejectedQuickly() {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char name = 'b'; name <= 'j'; name++) {
      char previous = (char) (name - 1);
      bomb.append(name).append(": &").append(name).append(" [");
      for (int copy = 0; copy < 9; copy++) {
        bomb.append(copy == 0 ? "" : ", ").append('*').append(previous);
      }
      bomb.append("]\n");
    }

    List<Problem> problems =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problems(bomb.toString()));
    assertEquals(1, problems.size());
    assertContains("aliases", problems.get(0).message());
  }

  @Test
  void aliasesThatStayUnderTheAliasLimitStillCannotExpandWithoutBound() {
    // 24 levels of two aliases each (48 aliases) double the leaf list 2^24 times.
    StringBuilder doubling = new StringBuilder("l0: &l0 [x, x, x, x]\n");
    for (int level = 1; level <= 24; level++) {
      doubling
          .append("l")
          .append(level)
          .append(": &l")
          .append(level)
          .append(" [*l")
          .append(level - 1)
          .append(", *l")
          .append(level - 1)
          .append("]\n");
    }

    List<Problem> problems =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(doubling.toString()));
    assertContains(
        "expands to more than " + Yaml.MAX_VALUES + " values", problems.get(0).message());
  }

  /** Its constructor would run if a YAML tag could instantiate a class. */
  public static final class Canary {
    static final AtomicBoolean CREATED = new AtomicBoolean();

    public Canary() {
      CREATED.set(true);
    }
  }

  @Test
  void aGlobalTagInstantiatesNothing() {
    String tagged =
        "apiVersion: v3.1.0\n"
            + "canary: !!dev.schemadrift.contract.OdcsContractReaderTest$Canary {}\n"
            + "gadget: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.org/\"]]]]\n";

    List<Problem> problems = problems(tagged);

    assertFalse(Canary.CREATED.get());
    assertEquals(1, problems.size());
    assertEquals("line 2, column 9", problems.get(0).jsonPath());
    assertContains("could not determine a constructor", problems.get(0).message());
  }

  @Test
  void duplicateKeysAreRejectedWithTheirLine() {
    List<Problem> problems =
        problems(
            """
            apiVersion: v3.1.0
            version: 1.0.0
            version: 2.0.0
            """);

    assertEquals("line 3, column 1", problems.get(0).jsonPath());
    assertContains("found duplicate key version", problems.get(0).message());
  }

  @Test
  void aTenMegabyteDocumentIsRead() {
    StringBuilder properties = new StringBuilder();
    int count = 0;
    while (properties.length() < 9_800_000) {
      properties
          .append("  - {name: column_")
          .append(count++)
          .append(", physicalType: \"decimal(10,2)\", description: \"")
          .append("x".repeat(40))
          .append("\"}\n");
    }
    int columns = count;
    String large = orders(properties.toString());
    assertTrue(large.length() > 9_800_000 && large.length() < Yaml.MAX_CODE_POINTS);

    Contract contract = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(large));
    assertEquals(columns, contract.columns().size());
    assertEquals("decimal(10,2)", contract.columns().get(columns - 1).type().canonical());
  }

  @Test
  void aDocumentOverTheLimitIsRejectedClearly() {
    String tooLarge = "description: \"" + "x".repeat(Yaml.MAX_CODE_POINTS) + "\"\n";

    List<Problem> problems =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> problems(tooLarge));
    assertContains("may have at most " + Yaml.MAX_CODE_POINTS, problems.get(0).message());

    List<Problem> huge = problems(new byte[4 * Yaml.MAX_CODE_POINTS + 1], Defaults.NONE);
    assertContains("at most " + Yaml.MAX_CODE_POINTS + " characters", huge.get(0).message());
  }

  @Test
  void textThatIsNotUtf8IsRejectedClearly() {
    byte[] latin1 = "apiVersion: v3.1.0\nname: Café\n".getBytes(StandardCharsets.ISO_8859_1);
    List<Problem> problems = problems(latin1, Defaults.NONE);
    assertEquals(List.of("$"), paths(problems));
    assertContains("not UTF-8 text (byte 28", problems.get(0).message());

    byte[] utf16 = "apiVersion: v3.1.0\n".getBytes(StandardCharsets.UTF_16);
    assertContains("not UTF-8", problems(utf16, Defaults.NONE).get(0).message());

    byte[] bom =
        ("\uFEFF" + orders("  - {name: id, physicalType: bigint}"))
            .getBytes(StandardCharsets.UTF_8);
    assertEquals("orders", OdcsContractReader.read(SOURCE, bom).table());
  }

  @Test
  void deepNestingIsRejectedBeforeItOverflowsTheStack() {
    List<Problem> problems =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> problems("a: " + "[".repeat(100_000)));

    // "a: " fills columns 1-3; the 200th bracket (column 203) opens level 201.
    assertEquals("line 1, column 203", problems.get(0).jsonPath());
    assertContains("nested deeper than " + Yaml.MAX_NESTING + " levels", problems.get(0).message());
  }

  @Test
  void aValueThatContainsItselfIsRejected() {
    List<Problem> problems = problems("apiVersion: v3.1.0\nloop: &loop [*loop]\n");

    assertEquals("$.loop[0]", problems.get(0).jsonPath());
    assertContains("contains itself", problems.get(0).message());
  }

  @Test
  void malformedDocumentsAreRejectedWithAPlace() {
    assertEquals("the file is empty", problems("# nothing\n").get(0).message());
    assertEquals("expected an object but found an array", problems("- a\n- b\n").get(0).message());
    assertContains("expected a single document", problems("--- 1\n--- 2\n").get(0).message());
    Problem syntax = problems("apiVersion: [v3\nkind: x\n").get(0);
    assertTrue(syntax.jsonPath().startsWith("line "), syntax.toString());
    assertContains("not valid YAML", syntax.message());
    assertContains("a key must be text", problems("1: one\n").get(0).message());
    assertContains("Non scalar key", problems("? [a]\n: b\n").get(0).message());
  }

  // ---------------------------------------------------------------- helpers

  private static final String GLUE_SERVER =
      """
        - server: production
          type: glue
          account: "123456789012"
          database: sales
          location: s3://example-data/sales/{model}
          format: parquet
      """;

  private static final String ORDERS_TABLE =
      """
        - name: orders
          physicalType: table
          properties:
            - {name: id, physicalType: bigint}
      """;

  /** A complete ODCS document with these servers and schema objects (YAML list items). */
  private static String document(String servers, String schema) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: orders
        version: 2.1.0
        status: active
        servers:
        %s
        schema:
        %s
        """
        .formatted(servers.stripTrailing(), schema.stripTrailing());
  }

  /** The orders table on a glue server, with these properties (YAML list items, 2 indented). */
  private static String orders(String properties) {
    String indented =
        properties
            .stripTrailing()
            .lines()
            .map(line -> "    " + line)
            .collect(Collectors.joining("\n"));
    return document(
        GLUE_SERVER,
        """
          - name: orders
            physicalType: table
            properties:
        """
            + indented);
  }

  /** Our own ODCS fixtures, on the test class path. */
  private static Path fixtures() {
    try {
      return Path.of(OdcsContractReaderTest.class.getResource("/odcs").toURI());
    } catch (URISyntaxException exception) {
      throw new IllegalStateException(exception);
    }
  }

  /**
   * The nearest shared/fixtures/odcs above the working directory (the module folder under Maven,
   * the repository root in an IDE), or null: the handbook folder is laid out beside the clone.
   */
  private static Path handbookSamples() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("fixtures").resolve("odcs");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The handbook's samples; the tests that read them are skipped when the folder is absent. */
  private static Path samples() {
    return HANDBOOK_SAMPLES;
  }

  private static Set<String> yamlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static byte[] file(Path folder, String name) {
    try {
      return Files.readAllBytes(folder.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports a document from a folder; its file name is the source that problems name. */
  private static Imported importFile(Path folder, String name, Defaults defaults) {
    return OdcsContractReader.importContract(name, file(folder, name), defaults);
  }

  private static List<Problem> fileProblems(Path folder, String name, Defaults defaults) {
    byte[] yaml = file(folder, name);
    return assertThrows(
            InvalidDocumentException.class,
            () -> OdcsContractReader.importContract(name, yaml, defaults))
        .problems();
  }

  private static Imported importSample(String name, Defaults defaults) {
    return importFile(samples(), name, defaults);
  }

  private static List<Problem> sampleProblems(String sampleName, Defaults defaults) {
    return fileProblems(samples(), sampleName, defaults);
  }

  /** A document without servers names neither a database nor a location, each at $.servers. */
  private static void assertNoServerProblems(List<Problem> problems) {
    List<Problem> servers =
        problems.stream().filter(problem -> problem.jsonPath().equals("$.servers")).toList();
    assertEquals(2, servers.size(), problems.toString());
    assertContains("the contract has no servers", servers.get(0).message());
    assertContains("database", servers.get(0).message());
    assertContains("location", servers.get(1).message());
  }

  private static Contract read(String yaml) {
    return OdcsContractReader.read(SOURCE, bytes(yaml));
  }

  private static Imported importContract(String yaml, Defaults defaults) {
    return OdcsContractReader.importContract(SOURCE, bytes(yaml), defaults);
  }

  private static List<Problem> problems(String yaml) {
    return problems(bytes(yaml), Defaults.NONE);
  }

  private static List<Problem> problems(String yaml, Defaults defaults) {
    return problems(bytes(yaml), defaults);
  }

  private static List<Problem> problems(byte[] yaml, Defaults defaults) {
    return assertThrows(
            InvalidDocumentException.class,
            () -> OdcsContractReader.importContract(SOURCE, yaml, defaults))
        .problems();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> paths(List<Problem> problems) {
    return problems.stream().map(Problem::jsonPath).toList();
  }

  private static String message(Imported imported, int index) {
    return imported.notes().get(index).message();
  }

  private static List<String> names(List<ContractColumn> columns) {
    return columns.stream().map(ContractColumn::name).toList();
  }

  /** Column name → canonical type, in column order. */
  private static Map<String, String> types(List<ContractColumn> columns) {
    Map<String, String> types = new LinkedHashMap<>();
    columns.forEach(column -> types.put(column.name(), column.type().canonical()));
    return types;
  }

  private static ContractColumn column(Contract contract, String name) {
    return contract.columns().stream()
        .filter(column -> column.name().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no column " + name + " in " + names(contract.columns())));
  }

  private static void assertContains(String expected, String actual) {
    assertTrue(
        actual != null && actual.contains(expected),
        () -> "expected to contain «" + expected + "» but was «" + actual + "»");
  }
}
