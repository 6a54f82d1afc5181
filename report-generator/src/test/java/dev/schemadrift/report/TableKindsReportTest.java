package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a table report says about a Hudi table and about another account's table (issue 16). */
class TableKindsReportTest {
  private static final String RUN = "20261126T080000Z";
  private static final String COLUMNS =
      "[{\"name\": \"id\", \"type\": \"bigint\"}, {\"name\": \"customer\", \"type\": \"string\"}]";

  @Test
  void aHudiTablesReportSaysWhichMetadataColumnsWereSetAside() {
    String table =
        Artifacts.parquetTable(
                "sales",
                "orders",
                "[{\"Name\": \"_hoodie_commit_time\", \"Type\": \"string\"},"
                    + " {\"Name\": \"_hoodie_record_key\", \"Type\": \"string\"},"
                    + " {\"Name\": \"id\", \"Type\": \"bigint\"},"
                    + " {\"Name\": \"customer\", \"Type\": \"string\"}]",
                "s3://example-data/sales/orders/",
                "[]")
            .replace(
                "\"Parameters\": {\"classification\": \"parquet\"}",
                "\"Parameters\": {\"last_commit_time_sync\": \"20261126075959000\"}");
    DiffArtifact artifact =
        Artifacts.compared(
            RUN, Artifacts.contract("sales", "orders", "parquet", COLUMNS, "{}"), table);

    TableReportView view = TableReportView.of(artifact, null, null, List.of(), true);

    assertEquals("OK", artifact.status().name());
    assertEquals(
        "Hudi metadata columns, not compared (the contract does not list them):"
            + " _hoodie_commit_time, _hoodie_record_key",
        fact(view, "Set aside"));
    assertTrue(
        view.compared().stream().noneMatch(fact -> fact.label().equals("Glue catalog")),
        "the own account's tables name no catalog");
  }

  @Test
  void anotherAccountsTableReportNamesItsCatalog() {
    DiffArtifact artifact =
        Artifacts.compared(
                RUN,
                Artifacts.contract("sales", "orders", "parquet", COLUMNS, "{}"),
                Artifacts.parquetTable(
                    "sales",
                    "orders",
                    "[{\"Name\": \"id\", \"Type\": \"bigint\"},"
                        + " {\"Name\": \"customer\", \"Type\": \"string\"}]",
                    "s3://example-data/sales/orders/",
                    "[]"))
            .withCatalogId("111122223333");

    TableReportView view = TableReportView.of(artifact, null, null, List.of(), true);

    assertEquals("account 111122223333", fact(view, "Glue catalog"));
    assertFalse(view.compared().stream().anyMatch(fact -> fact.label().equals("Set aside")));
  }

  private static String fact(TableReportView view, String label) {
    return view.compared().stream()
        .filter(fact -> fact.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label + " in " + view.compared()))
        .value();
  }
}
