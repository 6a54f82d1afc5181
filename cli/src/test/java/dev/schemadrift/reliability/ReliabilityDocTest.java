package dev.schemadrift.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.corpus.Corpus;
import dev.schemadrift.run.it.FaultPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/RELIABILITY.md's tables match the tests one to one: a fault point, report fault point or
 * corpus case without its row, or a row without its test, fails the build.
 */
class ReliabilityDocTest {
  private static final Path DOC = Path.of("../docs/RELIABILITY.md");

  @Test
  void everySchemaDiffFaultPointHasItsRowAndOutcome() throws IOException {
    Map<String, List<String>> rows = rows("## Faults in SchemaDiffFunction calls");
    assertEquals(
        Arrays.stream(FaultPoint.values()).map(Enum::name).toList(), List.copyOf(rows.keySet()));
    for (FaultPoint point : FaultPoint.values()) {
      List<String> cells = rows.get(point.name());
      assertEquals(point.call(), cells.get(1), point.name());
      boolean runFails = cells.get(2).contains("**the run fails**");
      assertEquals(point.outcome() == FaultPoint.Outcome.RUN_FAILS, runFails, point.name());
      if (!runFails) {
        assertTrue(cells.get(2).contains("**ERROR**"), point.name());
      }
    }
  }

  @Test
  void everyReportFaultPointHasItsRow() throws IOException {
    Map<String, List<String>> rows = rows("## Faults in report generation");
    assertEquals(
        Arrays.stream(ReportFaultPoint.values()).map(Enum::name).toList(),
        List.copyOf(rows.keySet()));
    for (ReportFaultPoint point : ReportFaultPoint.values()) {
      assertEquals(point.call(), rows.get(point.name()).get(1), point.name());
      assertTrue(rows.get(point.name()).get(2).contains("**the generation fails**"), point.name());
    }
  }

  @Test
  void everyCorpusCaseHasItsRowWithKindAndExitCode() throws IOException {
    Map<String, List<String>> rows = rows("## Bad input");
    List<Corpus.Case> cases = Corpus.cases();
    assertEquals(cases.stream().map(Corpus.Case::id).toList(), List.copyOf(rows.keySet()));
    for (Corpus.Case item : cases) {
      List<String> cells = rows.get(item.id());
      String kind = item.expect().errorKind();
      assertEquals(kind == null ? "–" : "`" + kind + "`", cells.get(3), item.id());
      assertEquals(String.valueOf(item.expect().exitCode()), cells.get(4), item.id());
      assertEquals(
          String.join(
              ", ",
              List.of("reader", "pipeline", "cli").stream()
                  .filter(item.layers()::contains)
                  .toList()),
          cells.get(5),
          item.id());
    }
  }

  /** The rows of the first table after a heading, by the id in their first cell (in order). */
  private static Map<String, List<String>> rows(String heading) throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf(heading);
    assertTrue(start >= 0, "docs/RELIABILITY.md has no '" + heading + "'");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| `")) {
        List<String> cells =
            Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
                .map(String::strip)
                .toList();
        String id = cells.getFirst().replace("`", "");
        assertTrue(rows.put(id, cells) == null, "a second row for " + id);
      }
    }
    return rows;
  }
}
