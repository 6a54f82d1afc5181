package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
