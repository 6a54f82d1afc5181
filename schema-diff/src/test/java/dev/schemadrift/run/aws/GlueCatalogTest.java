package dev.schemadrift.run.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.fakes.FakeGlueClient;
import dev.schemadrift.run.fakes.GlueTables;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GlueException;

/** The Glue adapter against a fake as strict as Glue: paging, case folding, limits, errors. */
class GlueCatalogTest {
  private final FakeGlueClient glue = new FakeGlueClient();
  private final GlueCatalog catalog = new GlueCatalog(glue);

  @Test
  void tablesOverSeveralPagesAreAllFoundByMixedCaseNames() {
    // Short names, so that one Expression asks for all of them and only paging splits the answer.
    List<String> asked = new ArrayList<>();
    for (int number = 0; number < 250; number++) {
      String name = String.format(Locale.ROOT, "Tr%03d", number);
      glue.addTable("NYC_Transit", name);
      asked.add(number % 2 == 0 ? name : name.toUpperCase(Locale.ROOT));
    }

    List<GlueTable> found = catalog.tables("nyc_transit", asked).orElseThrow();

    assertEquals(250, found.size());
    assertEquals(
        asked.stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList(),
        found.stream().map(GlueTable::name).sorted().toList());
    List<GetTablesRequest> pages = glue.getTablesRequests();
    assertEquals(3, pages.size(), "three pages of at most 100");
    assertEquals(
        Arrays.asList(null, "page-100", "page-200"),
        pages.stream().map(GetTablesRequest::nextToken).toList());
    assertEquals(1, pages.stream().map(GetTablesRequest::expression).distinct().count());
  }

  @Test
  void everyCallForAnotherAccountsTableNamesItsCatalog() {
    Catalog other = catalog.inCatalog("111122223333");
    GlueTable definition =
        new GlueTable(
            "mesh",
            "orders",
            "EXTERNAL_TABLE",
            null,
            List.of(GlueColumn.of("id", "bigint")),
            null,
            "s3://lake/orders/",
            null,
            null,
            null,
            null,
            true,
            null,
            null);

    other.createDatabase("mesh", "made by a test");
    other.createTable(definition, null);
    other.tables("mesh", List.of("orders"));
    other.table("mesh", "orders");
    catalog.table("mesh", "orders");

    assertEquals(
        List.of(
            "CreateDatabase:111122223333",
            "CreateTable:111122223333",
            "GetTables:111122223333",
            "GetTable:111122223333",
            "GetTable:-"),
        glue.catalogIds());
    assertSame(catalog, catalog.inCatalog(null), "the own catalog names no CatalogId");
  }

  @Test
  void aFailureInAnotherAccountsCatalogNamesThatCatalog() {
    glue.failWith(
        AccessDeniedException.builder().statusCode(403).message("not authorized").build());

    StoreException thrown =
        assertThrows(
            StoreException.class,
            () -> catalog.inCatalog("111122223333").tables("mesh", List.of("orders")));

    assertTrue(thrown.getMessage().contains("of catalog 111122223333"), thrown.getMessage());
  }

  @Test
  void onlyTheAskedForTablesAreReturned() {
    for (String name : List.of("parks", "parks_old", "old_parks", "playgrounds", "trees")) {
      glue.addTable("nyc_parks", name);
    }

    List<GlueTable> found = catalog.tables("nyc_parks", List.of("Parks", "trees")).orElseThrow();

    assertEquals(List.of("parks", "trees"), found.stream().map(GlueTable::name).sorted().toList());
  }

  @Test
  void manyLongNamesAreAskedForInExpressionsBelowGluesLimit() {
    List<String> names =
        IntStream.range(0, 500)
            .mapToObj(number -> String.format(Locale.ROOT, "t%04d_", number) + "x".repeat(200))
            .toList();
    names.forEach(name -> glue.addTable("warehouse", name));
    glue.addTable("warehouse", "not_asked_for");

    List<GlueTable> found = catalog.tables("warehouse", names).orElseThrow();

    assertEquals(names, found.stream().map(GlueTable::name).sorted().toList());
    List<String> expressions =
        glue.getTablesRequests().stream().map(GetTablesRequest::expression).toList();
    assertTrue(expressions.size() > 1, "several chunks");
    for (String expression : expressions) {
      assertTrue(expression.length() < FakeGlueClient.MAX_EXPRESSION, expression);
    }
  }

  @Test
  void aTableMatchedByTwoExpressionsIsReturnedOnce() {
    // The shortest name is a part of every other one, and they fill more than one Expression.
    List<String> names = new ArrayList<>();
    names.add("a".repeat(250));
    for (int number = 0; number < 20; number++) {
      names.add("a".repeat(250) + number);
    }
    names.forEach(name -> glue.addTable("warehouse", name));

    List<GlueTable> found = catalog.tables("warehouse", names).orElseThrow();

    assertTrue(glue.getTablesRequests().size() > 1, "several Expressions");
    // Counts, not names: the names are 250 characters long.
    assertEquals(names.size(), found.size());
    assertEquals(names.size(), found.stream().map(GlueTable::name).distinct().count());
  }

  @Test
  void aMissingDatabaseIsEmpty() {
    assertEquals(Optional.empty(), catalog.tables("nowhere", List.of("parks")));
    assertEquals(Optional.empty(), catalog.table("nowhere", "parks"));
  }

  @Test
  void aMissingTableIsEmptyAndAnExistingOneIsFoundIgnoringCase() {
    glue.addTable("nyc_parks", "parks");

    assertEquals(Optional.empty(), catalog.table("nyc_parks", "playgrounds"));
    assertEquals("parks", catalog.table("NYC_Parks", "Parks").orElseThrow().name());
    assertEquals(List.of(), catalog.tables("nyc_parks", List.of("playgrounds")).orElseThrow());
  }

  @Test
  void creatingWhatExistsReturnsFalse() {
    GlueTable definition = definition(contract("parquet", ""));

    assertTrue(catalog.createDatabase("nyc_parks", "from a contract"));
    assertFalse(catalog.createDatabase("NYC_PARKS", "again"));
    assertTrue(catalog.createTable(definition, "Parks"));
    assertFalse(catalog.createTable(definition, "Parks"));
  }

  @Test
  void creatingATableInAMissingDatabaseFails() {
    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> catalog.createTable(definition(contract("parquet", "")), "Parks"));

    assertEquals(ErrorKind.AWS_ERROR, failure.kind());
    assertTrue(failure.getMessage().contains("nyc_parks.parks"), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "parquet|",
        "parquet|\"format_options\": {\"column_access\": \"index\"},",
        "orc|",
        "orc|\"format_options\": {\"column_access\": \"name\"},",
        "avro|",
        "ion|",
        "json|",
        "json|\"format_options\": {\"serde\": \"hive\"},",
        "json|\"format_options\": {\"ignore_malformed\": true, \"mapping\": {\"name\": \"Name\"}},",
        "csv|",
        "csv|\"format_options\": {\"delimiter\": \"|\", \"escape\": \"\\\\\", \"header\": true},",
        "csv|\"format_options\": {\"serde\": \"open_csv\", \"quote\": \"'\", \"escape\": \"\\\\\"},",
        "tsv|",
        "regex|\"format_options\": {\"input.regex\": \"^(\\\\d+) (.*)$\"},"
      })
  void aCreatedTableReadsBackAsItsDefinition(String formatAndOptions) {
    int bar = formatAndOptions.indexOf('|');
    GlueTable definition =
        definition(
            contract(formatAndOptions.substring(0, bar), formatAndOptions.substring(bar + 1)));
    catalog.createDatabase("nyc_parks", "from a contract");

    assertTrue(catalog.createTable(definition, "One row per park"));

    GlueTable readBack = catalog.table("nyc_parks", "parks").orElseThrow();
    assertEquals(GlueTables.stamped(definition, "0", FakeGlueClient.CREATED.toString()), readBack);
    assertEquals(readBack, catalog.tables("nyc_parks", List.of("parks")).orElseThrow().getFirst());
  }

  @Test
  void throttlingIsClassifiedAsThrottled() {
    AwsServiceException throttled =
        GlueException.builder()
            .statusCode(400)
            .message("Rate exceeded")
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ThrottlingException")
                    .errorMessage("Rate exceeded")
                    .build())
            .build();
    glue.failWith(throttled);

    StoreException failure =
        assertThrows(StoreException.class, () -> catalog.tables("nyc_parks", List.of("parks")));

    assertEquals(ErrorKind.THROTTLED, failure.kind());
    assertTrue(failure.getMessage().contains("nyc_parks"), failure.getMessage());
    assertSame(throttled, failure.getCause());
  }

  @Test
  void aForbiddenCallIsClassifiedAsAccessDenied() {
    glue.failWith(
        GlueException.builder()
            .statusCode(403)
            .message("not authorized to perform glue:CreateTable")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build())
            .build());

    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> catalog.createTable(definition(contract("parquet", "")), "Parks"));

    assertEquals(ErrorKind.ACCESS_DENIED, failure.kind());
    assertEquals(
        ErrorKind.ACCESS_DENIED,
        assertThrows(StoreException.class, () -> catalog.table("nyc_parks", "parks")).kind());
    assertEquals(
        ErrorKind.ACCESS_DENIED,
        assertThrows(StoreException.class, () -> catalog.createDatabase("nyc_parks", "")).kind());
  }

  private static String contract(String format, String options) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \"nyc_parks\", \"table\": \"parks\","
        + " \"data_location\": \"s3://data-lake/nyc_parks/parks/\", \"format\": \""
        + format
        + "\", "
        + options
        + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\", \"description\": \"Park"
        + " id\"}, {\"name\": \"name\", \"type\": \"varchar(100)\"}, {\"name\": \"location\","
        + " \"type\": \"struct<lat:double,lon:double>\"}], \"partition_keys\": [{\"name\":"
        + " \"borough\", \"type\": \"string\", \"description\": \"Borough code\"}]}";
  }

  private static GlueTable definition(String contract) {
    return TableDefinitions.fromContract(
            ContractReader.read("test", contract.getBytes(StandardCharsets.UTF_8)))
        .orElseThrow();
  }
}
