package dev.schemadrift.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractBootstrap;
import dev.schemadrift.contract.ContractFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How views and Hudi tables are recognised, and what `init` makes of them (issue 16). */
class TableKindsTest {
  private static final String PARQUET_SERDE =
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private static GlueTable table(
      String tableType, Map<String, String> parameters, String input, List<GlueColumn> columns) {
    return new GlueTable(
        "sales",
        "orders",
        tableType,
        parameters,
        columns,
        List.of(),
        tableType.equals("VIRTUAL_VIEW") ? null : "s3://example-data/sales/orders",
        input,
        null,
        tableType.equals("VIRTUAL_VIEW") ? null : PARQUET_SERDE,
        null,
        true,
        "1",
        null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"VIRTUAL_VIEW", "virtual_view"})
  void aViewIsReadByNameAsTheViewFamily(String tableType) {
    GlueTable view =
        table(tableType, Map.of("presto_view", "true"), null, List.of(GlueColumn.of("id", "int")));

    TableProfile profile = TableProfile.of(view);

    assertTrue(view.isView());
    assertEquals(FormatProfile.BY_NAME, profile.profile());
    assertEquals(FileFamily.VIEW, profile.family());
    assertEquals(ContractFormat.VIEW, profile.recognisedFormat());
    assertEquals("a view (read by name)", profile.describe());
  }

  @Test
  void aViewTypeWithIcebergParametersIsJudgedAsIcebergThroughout() {
    // Contradicting metadata (found by the differential run): the Iceberg parameter wins, as it
    // does for the profile, so the table type check and the profile cannot disagree.
    GlueTable table =
        table(
            "VIRTUAL_VIEW",
            Map.of("table_type", "ICEBERG"),
            null,
            List.of(GlueColumn.of("id", "int")));

    assertFalse(table.isView());
    assertEquals("ICEBERG", table.effectiveTableType());
    assertEquals(FormatProfile.ICEBERG, TableProfile.of(table).profile());
  }

  @ParameterizedTest
  @CsvSource({
    "org.apache.hudi.hadoop.HoodieParquetInputFormat,,true",
    "org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat,,true",
    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat,last_commit_time_sync,true",
    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat,hoodie.table.type,true",
    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat,classification,false"
  })
  void aHudiTableIsRecognisedByItsInputFormatOrItsSyncParameters(
      String input, String parameter, boolean hudi) {
    GlueTable table =
        table(
            "EXTERNAL_TABLE",
            parameter == null ? Map.of() : Map.of(parameter, "x"),
            input,
            List.of(GlueColumn.of("id", "int")));

    assertEquals(hudi, table.isHudi());
    // Hudi writes Parquet: the SerDe decides the profile as for any Parquet table.
    assertEquals(FileFamily.PARQUET, TableProfile.of(table).family());
  }

  @Test
  void initLeavesHudiMetadataColumnsOutOfTheContract() {
    GlueTable hudi =
        table(
            "EXTERNAL_TABLE",
            Map.of("last_commit_time_sync", "20261126075959000"),
            "org.apache.hudi.hadoop.HoodieParquetInputFormat",
            List.of(
                GlueColumn.of("_hoodie_commit_time", "string"),
                GlueColumn.of("_hoodie_file_name", "string"),
                GlueColumn.of("id", "bigint")));

    Contract contract = ContractBootstrap.fromTable("orders.json", hudi, "1.0.0", null);

    assertEquals(List.of("id"), contract.columns().stream().map(column -> column.name()).toList());
  }

  @Test
  void initMakesAViewContractWithoutADataLocation() {
    GlueTable view =
        table(
            "VIRTUAL_VIEW",
            Map.of("presto_view", "true"),
            null,
            List.of(GlueColumn.of("id", "int")));

    Contract contract = ContractBootstrap.fromTable("view.json", view, "1.0.0", null);

    assertEquals(ContractFormat.VIEW, contract.format());
    assertNull(contract.dataLocation());
    assertFalse(contract.columns().isEmpty());
  }
}
