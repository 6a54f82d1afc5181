package dev.schemadrift.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads what {@code aws glue get-table} / {@code get-tables} print, keeping only what is compared.
 */
class GlueTableReaderTest {
  private static final String SOURCE = "tables/parks_properties.json";

  /** A complete table as {@code aws glue get-table} prints it, including fields we ignore. */
  private static final String TABLE_BODY =
      """
      {
        "Name": "parks_properties",
        "DatabaseName": "nyc_parks",
        "Description": "ignored",
        "Owner": "hadoop",
        "CreateTime": "2026-01-05T09:00:00+00:00",
        "UpdateTime": "2026-11-20T10:00:00+00:00",
        "LastAccessTime": "1970-01-01T00:00:00+00:00",
        "Retention": 0,
        "StorageDescriptor": {
          "Columns": [
            {"Name": "gispropnum", "Type": "string", "Comment": "Property id"},
            {"Name": "acres", "Type": "decimal(10,2)",
             "Parameters": {"iceberg.field.id": "2", "iceberg.field.optional": "true"}}
          ],
          "Location": "s3://example-data/nyc/parks_properties/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
          "Compressed": false,
          "NumberOfBuckets": -1,
          "SerdeInfo": {
            "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            "Parameters": {"serialization.format": "1", "parquet.column.index.access": "false"}
          },
          "BucketColumns": [],
          "SortColumns": [],
          "StoredAsSubDirectories": false
        },
        "PartitionKeys": [
          {"Name": "snapshot_date", "Type": "date"},
          {"Name": "borough", "Type": "string"}
        ],
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet", "EXTERNAL": "TRUE"},
        "CreatedBy": "arn:aws:sts::123456789012:assumed-role/etl/session",
        "IsRegisteredWithLakeFormation": false,
        "CatalogId": "123456789012",
        "VersionId": "7",
        "FederatedTable": null,
        "IsMultiDialectView": false
      }
      """;

  @Test
  void readsGetTableOutput() {
    GlueTable table = GlueTableReader.readOne(SOURCE, bytes("{\"Table\": " + TABLE_BODY + "}"));

    GlueTable expected =
        new GlueTable(
            "nyc_parks",
            "parks_properties",
            "EXTERNAL_TABLE",
            Map.of("classification", "parquet", "EXTERNAL", "TRUE"),
            List.of(
                new GlueColumn("gispropnum", "string", "Property id", Map.of()),
                new GlueColumn(
                    "acres",
                    "decimal(10,2)",
                    null,
                    Map.of("iceberg.field.id", "2", "iceberg.field.optional", "true"))),
            List.of(GlueColumn.of("snapshot_date", "date"), GlueColumn.of("borough", "string")),
            "s3://example-data/nyc/parks_properties/",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Map.of("serialization.format", "1", "parquet.column.index.access", "false"),
            true,
            "7",
            "2026-11-20T10:00:00Z");
    assertEquals(expected, table);
    assertEquals("nyc_parks.parks_properties", table.qualifiedName());
    assertFalse(table.isIceberg());
    assertEquals("false", table.serdeOrTableParameter("parquet.column.index.access"));
    assertEquals("TRUE", table.serdeOrTableParameter("EXTERNAL"), "falls back to the table");
  }

  @Test
  void readsABareTableObject() {
    GlueTable bare = GlueTableReader.readOne(SOURCE, bytes(TABLE_BODY));
    GlueTable wrapped = GlueTableReader.readOne(SOURCE, bytes("{\"Table\": " + TABLE_BODY + "}"));

    assertEquals(wrapped, bare);
  }

  @Test
  void readsEveryTableOfGetTablesOutputInDocumentOrder() {
    String json =
        """
        {"TableList": [
          %s,
          {"Name": "trees", "DatabaseName": "nyc_parks",
           "StorageDescriptor": {"Columns": [{"Name": "tree_id", "Type": "bigint"}]}},
          {"Name": "benches", "DatabaseName": "nyc_parks", "TableType": "VIRTUAL_VIEW"}
        ], "NextToken": "abc"}
        """
            .formatted(TABLE_BODY);

    List<GlueTable> tables = GlueTableReader.read(SOURCE, bytes(json));

    assertEquals(
        List.of("parks_properties", "trees", "benches"),
        tables.stream().map(GlueTable::name).toList());
    assertEquals(List.of(GlueColumn.of("tree_id", "bigint")), tables.get(1).columns());
    assertEquals("VIRTUAL_VIEW", tables.get(2).tableType());
  }

  @Test
  void readOneRefusesSeveralTables() {
    String json =
        """
        {"TableList": [
          {"Name": "a", "DatabaseName": "d"},
          {"Name": "b", "DatabaseName": "d"}
        ]}
        """;

    Problem problem = onlyProblem(() -> GlueTableReader.readOne(SOURCE, bytes(json)));

    assertEquals("$", problem.jsonPath());
    assertTrue(problem.message().contains("expected one table but found 2"), problem.toString());
  }

  @Test
  void aTableWithoutStorageDescriptorHasNoColumns() {
    String json =
        """
        {"Table": {"Name": "parks_view", "DatabaseName": "nyc_parks", "TableType": "VIRTUAL_VIEW",
                   "PartitionKeys": [{"Name": "snapshot_date", "Type": "date"}]}}
        """;

    GlueTable table = GlueTableReader.readOne(SOURCE, bytes(json));

    assertFalse(table.hasStorageDescriptor());
    assertEquals(List.of(), table.columns());
    assertEquals(List.of(GlueColumn.of("snapshot_date", "date")), table.partitionKeys());
    assertNull(table.location());
    assertNull(table.serdeLibrary());
    assertNull(table.inputFormat());
    assertEquals(Map.of(), table.serdeParameters());
    assertEquals(Map.of(), table.parameters());
    assertNull(table.versionId());
    assertNull(table.updateTime());
  }

  @Test
  void aStorageDescriptorWithoutColumnsOrSerdeStillCounts() {
    String json =
        """
        {"Table": {"Name": "empty", "DatabaseName": "nyc_parks", "StorageDescriptor": {}}}
        """;

    GlueTable table = GlueTableReader.readOne(SOURCE, bytes(json));

    assertTrue(table.hasStorageDescriptor());
    assertEquals(List.of(), table.columns());
    assertNull(table.serdeLibrary());
  }

  @ParameterizedTest
  @CsvSource({
    "'\"2026-11-20T10:00:00+00:00\"', 2026-11-20T10:00:00Z",
    "'\"2026-11-20T11:30:00+01:30\"', 2026-11-20T10:00:00Z",
    "'\"2026-11-20T05:00:00.250-05:00\"', 2026-11-20T10:00:00.250Z",
    "'\"2026-11-20T10:00:00Z\"', 2026-11-20T10:00:00Z",
    "1795168800, 2026-11-20T10:00:00Z",
    "1795168800.5, 2026-11-20T10:00:00.500Z",
    "1795168800.123, 2026-11-20T10:00:00.123Z",
    "'\"yesterday\"', yesterday",
  })
  void normalisesUpdateTimeToUtc(String updateTime, String expected) {
    String json = "{\"Name\": \"t\", \"DatabaseName\": \"d\", \"UpdateTime\": " + updateTime + "}";

    assertEquals(expected, GlueTableReader.readOne(SOURCE, bytes(json)).updateTime());
  }

  /** Numbers no instant can hold: the table is refused, never an exception out of the reader. */
  @ParameterizedTest
  @CsvSource({"1e400", "-1e400", "99999999999999999999999", "-1e19", "1e19"})
  void refusesAnUpdateTimeOutOfRange(String updateTime) {
    String json =
        "{\"Table\": {\"Name\": \"t\", \"DatabaseName\": \"d\", \"UpdateTime\": "
            + updateTime
            + "}}";

    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals("$.Table.UpdateTime", problem.jsonPath());
    assertTrue(problem.message().contains("out of range"), problem.toString());
  }

  @Test
  void reportsAMissingTableName() {
    String json = "{\"Table\": {\"DatabaseName\": \"nyc_parks\"}}";

    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals("$.Table.Name", problem.jsonPath());
    assertEquals(SOURCE, problem.source());
    assertTrue(problem.message().contains("required field is missing"), problem.toString());
  }

  @Test
  void reportsAMissingDatabaseNameInATableList() {
    String json =
        "{\"TableList\": [{\"Name\": \"a\", \"DatabaseName\": \"d\"}, {\"Name\": \"b\"}]}";

    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals("$.TableList[1].DatabaseName", problem.jsonPath());
  }

  @Test
  void reportsAColumnWithoutTypeByName() {
    String json =
        """
        {"Table": {"Name": "t", "DatabaseName": "d", "StorageDescriptor": {"Columns": [
          {"Name": "gispropnum", "Type": "string"},
          {"Name": "acres"}
        ]}}}
        """;

    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals("$.Table.StorageDescriptor.Columns[1].Type", problem.jsonPath());
    assertTrue(problem.message().contains("'acres'"), problem.toString());
  }

  @Test
  void reportsAPartitionKeyWithoutName() {
    String json =
        """
        {"Name": "t", "DatabaseName": "d", "PartitionKeys": [{"Type": "date"}]}
        """;

    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals("$.PartitionKeys[0].Name", problem.jsonPath());
  }

  @Test
  void reportsEveryProblemOfEveryTable() {
    String json =
        """
        {"TableList": [
          {"DatabaseName": "d"},
          {"Name": "b", "DatabaseName": "d", "StorageDescriptor": {"Columns": {"Name": "x"}}},
          "not a table"
        ]}
        """;

    InvalidDocumentException exception =
        assertThrows(
            InvalidDocumentException.class, () -> GlueTableReader.read(SOURCE, bytes(json)));

    assertEquals(
        List.of(
            "$.TableList[0].Name", "$.TableList[1].StorageDescriptor.Columns", "$.TableList[2]"),
        exception.problems().stream().map(Problem::jsonPath).toList());
  }

  @Test
  void reportsATableListThatIsNotAList() {
    Problem problem = onlyProblem(() -> GlueTableReader.read(SOURCE, bytes("{\"TableList\": {}}")));

    assertEquals("$.TableList", problem.jsonPath());
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() {
    Problem problem =
        onlyProblem(() -> GlueTableReader.read(SOURCE, bytes("{\"Table\": {\n\"Name\": }}")));

    assertTrue(problem.jsonPath().startsWith("line 2, column "), problem.toString());
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static Problem onlyProblem(org.junit.jupiter.api.function.Executable read) {
    InvalidDocumentException exception = assertThrows(InvalidDocumentException.class, read);
    assertEquals(1, exception.problems().size(), exception.problems().toString());
    return exception.problems().getFirst();
  }
}
