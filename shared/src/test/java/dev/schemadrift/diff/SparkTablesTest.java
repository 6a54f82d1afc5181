package dev.schemadrift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the rule cases under {@code rules/_spark/} do not compare: the table that is judged, and
 * that each ERROR message names the parameter or field at fault.
 */
class SparkTablesTest {
  private static final Path CASES = Path.of("src/test/resources/rules/_spark");

  @Test
  void aPlaceholderTableIsJudgedAsTheHiveCompatibleTableOfItsRecordedSchema() throws IOException {
    GlueTable resolved = SparkTables.resolve(table("split-schema-parameters"));
    assertEquals(
        List.of(
            GlueColumn.of("order_id", "bigint"),
            GlueColumn.of("customer_id", "string"),
            GlueColumn.of("amount", "decimal(12,2)")),
        resolved.columns());
    assertEquals(List.of(GlueColumn.of("order_date", "date")), resolved.partitionKeys());
    assertEquals("s3://example-data/sales/orders/", resolved.location());
    TableProfile profile = TableProfile.of(resolved);
    assertEquals("BY_NAME PARQUET", profile.profile() + " " + profile.family());
    // Resolving is idempotent: SchemaComparison resolves what TableCheck already resolved.
    assertSame(resolved, SparkTables.resolve(resolved));
  }

  @Test
  void aHiveCompatibleTableIsComparedAsGlueHoldsIt() throws IOException {
    GlueTable table = table("hive-compatible-columns-compared-as-glue-holds-them");
    assertSame(table, SparkTables.resolve(table));
  }

  @Test
  void charAndVarcharComeFromSparksFieldMetadataAndCommentsAreKept() throws IOException {
    GlueTable resolved = SparkTables.resolve(table("types-mapped-to-hive"));
    assertEquals(
        new GlueColumn("customer_id", "varchar(36)", "who ordered", java.util.Map.of()),
        resolved.columns().get(1));
    assertEquals("char(2)", resolved.columns().get(2).type());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing-part|INVALID_SPARK_SCHEMA|parameter spark.sql.sources.schema.part.1: the parameter"
            + " is missing",
        "num-parts-not-a-number|INVALID_SPARK_SCHEMA|parameter spark.sql.sources.schema.numParts:"
            + " 'two' is not a number",
        "schema-not-json|INVALID_SPARK_SCHEMA|parameter spark.sql.sources.schema: line 1",
        "unknown-spark-type|INVALID_SPARK_SCHEMA|$.fields[3].type: unknown Spark type 'interval"
            + " day to second'",
        "partition-column-not-in-schema|INVALID_SPARK_SCHEMA|parameter"
            + " spark.sql.sources.schema.partCol.0: partition column 'order_day' is not a column",
        "unsupported-provider|UNSUPPORTED_SPARK_PROVIDER|provider 'jdbc'",
        "placeholder-without-recorded-schema|SPARK_PLACEHOLDER_SCHEMA|hold no"
            + " spark.sql.sources.schema",
        "delta-table-log-not-read|DELTA_LOG_NOT_READ|is a Delta Lake table",
      })
  void anUndecidableTableNamesWhatIsWrong(String name, ErrorKind kind, String fragment)
      throws IOException {
    UndecidableException error =
        assertThrows(UndecidableException.class, () -> SparkTables.resolve(table(name)));
    assertEquals(kind, error.kind(), error.getMessage());
    assertTrue(error.getMessage().contains("sales.orders"), error.getMessage());
    assertTrue(error.getMessage().contains(fragment), error.getMessage());
  }

  @Test
  void anIcebergTableIsNeverReadAsASparkTable() throws IOException {
    GlueTable iceberg =
        table("unsupported-provider")
            .withParameter("spark.sql.sources.provider", "iceberg")
            .withParameter("table_type", "ICEBERG");
    assertSame(iceberg, SparkTables.resolve(iceberg));
  }

  @Test
  void tableTypeDeltaMakesADeltaTableToo() throws IOException {
    GlueTable athena =
        table("whole-schema-parameter")
            .withParameter("spark.sql.sources.provider", "hive")
            .withParameter("table_type", "delta");
    UndecidableException error =
        assertThrows(UndecidableException.class, () -> SparkTables.resolve(athena));
    assertEquals(ErrorKind.DELTA_LOG_NOT_READ, error.kind());
  }

  private static GlueTable table(String name) throws IOException {
    Path file = CASES.resolve(name + ".json");
    JsonNode root = Json.readTree(file.toString(), Files.readAllBytes(file));
    return GlueTableReader.readOne(
        file + "#table", Json.mapper().writeValueAsBytes(root.get("table")));
  }
}
