package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.local.MemoryObjectStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reports of the scenario's last run and the index, byte for byte: one table per status plus a
 * nested-type case. Update with {@code -Dgolden.update=true}.
 */
class ReportGoldenTest {
  private static final String LAST = Scenario.RUNS.getLast();
  private static MemoryObjectStore store;

  @BeforeAll
  static void generate() {
    store = Scenario.store();
    Scenario.generate(store);
  }

  static Stream<String> tables() {
    return Scenario.artifacts(2).stream().map(DiffArtifact::table).map(BucketLayout::folder);
  }

  @ParameterizedTest
  @MethodSource("tables")
  void htmlReportMatchesItsGolden(String table) {
    Goldens.check(table + ".report.html", object("reports/" + table + "/" + LAST + ".report.html"));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void markdownReportMatchesItsGolden(String table) {
    Goldens.check(table + ".report.md", object("reports/" + table + "/" + LAST + ".report.md"));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void latestIsTheLastRunsReport(String table) {
    assertArrayEquals(
        object("reports/" + table + "/" + LAST + ".report.html"),
        object("reports/" + table + "/latest.html"));
  }

  @Test
  void indexMatchesItsGolden() {
    Goldens.check("index.html", object("index.html"));
  }

  @Test
  void goldensCoverEveryStatusAndTheNestedCase() {
    List<String> statuses =
        Scenario.artifacts(2).stream().map(artifact -> artifact.status().name()).sorted().toList();

    assertEquals(
        List.of("BREAKING", "BREAKING", "ERROR", "NO_DATA", "OK", "RISKY", "SAFE"), statuses);
  }

  @Test
  void generatingAgainWritesTheSameBytes() {
    MemoryObjectStore again = Scenario.store();
    Scenario.generate(again);
    new ReportGenerator(again, Scenario.BUCKET).generateRun("runs/" + LAST + ".json");

    for (String table : tables().toList()) {
      for (String suffix : List.of(".report.html", ".report.md")) {
        String key = "reports/" + table + "/" + LAST + suffix;
        assertArrayEquals(object(key), again.get(Scenario.BUCKET, key).orElseThrow(), key);
      }
    }
    assertArrayEquals(object("index.html"), again.get(Scenario.BUCKET, "index.html").orElseThrow());
  }

  private static byte[] object(String key) {
    return store.get(Scenario.BUCKET, key).orElseThrow(() -> new AssertionError(key + " missing"));
  }
}
