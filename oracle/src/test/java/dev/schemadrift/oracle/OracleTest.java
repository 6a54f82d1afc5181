package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleTest {
  @TempDir Path folder;

  @Test
  void aPageWithMarkersGetsOnlyItsTableReplaced() throws IOException {
    Path page = folder.resolve("ORACLE.md");
    Files.writeString(
        page, "# Title\n" + Oracle.BEGIN + "\nold table\n" + Oracle.END + "\nafter\n");
    Oracle.writeReport(page, "| new |\n");
    assertEquals(
        "# Title\n" + Oracle.BEGIN + "\n| new |\n" + Oracle.END + "\nafter\n",
        Files.readString(page));
  }

  @Test
  void anyOtherFileIsTheTable() throws IOException {
    Path report = folder.resolve("report.md");
    Files.writeString(report, "stale");
    Oracle.writeReport(report, "| new |\n");
    assertEquals("| new |\n", Files.readString(report));
  }

  private static Experiment experiment(
      String rule,
      String caseName,
      StorageFormat format,
      boolean partitioned,
      ColumnAccess access) {
    List<Column> before = List.of(new Column("id", "int"), new Column("name", "string"));
    List<Column> after = List.of(new Column("id", "int"));
    return new Experiment(rule, caseName, format, partitioned, access, before, after, "name");
  }

  private static List<String> ids(List<Experiment> experiments) {
    return experiments.stream().map(Experiment::id).toList();
  }

  private final List<Experiment> all =
      List.of(
          experiment("COLUMN_REMOVED", "last", StorageFormat.PARQUET, false, ColumnAccess.DEFAULT),
          experiment("COLUMN_REMOVED", "last", StorageFormat.CSV, false, ColumnAccess.DEFAULT),
          experiment(
              "COLUMN_REMOVED", "middle", StorageFormat.PARQUET, false, ColumnAccess.DEFAULT),
          experiment("COLUMN_REMOVED", "middle", StorageFormat.CSV, false, ColumnAccess.DEFAULT),
          experiment(
              "COLUMN_REMOVED",
              "middle-partitioned",
              StorageFormat.CSV,
              true,
              ColumnAccess.DEFAULT),
          experiment(
              "COLUMN_REMOVED",
              "parquet-by-index",
              StorageFormat.PARQUET,
              false,
              ColumnAccess.BY_INDEX),
          experiment(
              "COLUMN_RENAMED", "middle", StorageFormat.PARQUET, false, ColumnAccess.DEFAULT));

  @Test
  void coveringKeepsTheFirstOfEachRuleFormatPartitioningAndAccess() {
    assertEquals(
        List.of(
            "COLUMN_REMOVED/last/parquet",
            "COLUMN_REMOVED/last/csv",
            "COLUMN_REMOVED/middle-partitioned/csv",
            "COLUMN_REMOVED/parquet-by-index/parquet",
            "COLUMN_RENAMED/middle/parquet"),
        ids(Oracle.selected(all, List.of("--covering"))));
  }

  @Test
  void onlyFiltersByIdAndCombinesWithCovering() {
    assertEquals(
        List.of("COLUMN_REMOVED/middle/csv", "COLUMN_REMOVED/middle-partitioned/csv"),
        ids(Oracle.selected(all, List.of("--only=middle.*/csv"))));
    assertEquals(
        List.of(
            "COLUMN_REMOVED/middle/parquet",
            "COLUMN_REMOVED/middle/csv",
            "COLUMN_RENAMED/middle/parquet"),
        ids(Oracle.selected(all, List.of("--only=/middle/", "--covering"))));
    assertEquals(ids(all), ids(Oracle.selected(all, List.of())));
  }

  @Test
  void anUnknownOptionIsNamed() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Oracle.selected(all, List.of("--fast")));
    assertEquals(
        "unknown option '--fast' (expected --only=ID_REGEX or --covering)", error.getMessage());
  }
}
