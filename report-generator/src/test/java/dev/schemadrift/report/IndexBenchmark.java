package dev.schemadrift.report;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.local.MemoryObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Measures (and prints; asserts nothing) what one generation costs at 10,000 tables: rendering
 * index.html, its size, the index state's size, parse and merge, and one table's reports. Not a
 * test: surefire only runs it when asked, {@code ./mvnw -pl report-generator -am test
 * -Dtest=IndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IndexBenchmark {
  private static final int TABLES = 10_000;
  private static final int WARMUP = 5;
  private static final int MEASURED = 10;

  @Test
  void tenThousandTables() throws IOException {
    long started = System.nanoTime();
    IndexState state = LargeIndex.state(TABLES);
    byte[] first = ReportTemplates.index(IndexView.of(state));
    double firstMillis = millis(started);
    for (int round = 0; round < WARMUP; round++) {
      ReportTemplates.index(IndexView.of(state));
    }
    List<Double> renders = new ArrayList<>();
    byte[] html = first;
    for (int round = 0; round < MEASURED; round++) {
      long start = System.nanoTime();
      html = ReportTemplates.index(IndexView.of(state));
      renders.add(millis(start));
    }

    byte[] json = state.toJson();
    List<Double> parses = new ArrayList<>();
    List<Double> writes = new ArrayList<>();
    for (int round = 0; round < WARMUP + MEASURED; round++) {
      long start = System.nanoTime();
      IndexState read = IndexState.read("state.json", json);
      double parse = millis(start);
      start = System.nanoTime();
      read.toJson();
      double write = millis(start);
      if (round >= WARMUP) {
        parses.add(parse);
        writes.add(write);
      }
    }
    List<IndexState.Observation> run = new ArrayList<>();
    for (IndexState.TableState table : state.tables().values()) {
      run.add(
          new IndexState.Observation(
              table.table(),
              "20261127T080000Z",
              Status.OK,
              DiffArtifact.Counts.ZERO,
              "",
              null,
              List.of()));
    }
    List<Double> merges = new ArrayList<>();
    for (int round = 0; round < WARMUP + MEASURED; round++) {
      long start = System.nanoTime();
      state.with(run);
      if (round >= WARMUP) {
        merges.add(millis(start));
      }
    }

    MemoryObjectStore store = Scenario.store();
    Scenario.generate(store);
    DiffArtifact artifact = Scenario.artifacts(2).get(3);
    List<IndexState.RunStatus> history =
        new IndexStateStore(store, Scenario.BUCKET)
            .read()
            .state()
            .table(artifact.table())
            .history();
    List<Double> reports = new ArrayList<>();
    for (int round = 0; round < 200; round++) {
      long start = System.nanoTime();
      TableReportView view = TableReportView.of(artifact, null, null, history, true);
      ReportTemplates.html(view);
      ReportTemplates.markdown(view);
      if (round >= 100) {
        reports.add(millis(start));
      }
    }

    System.out.printf(
        Locale.ROOT,
        "index.html, %,d tables: first render %.0f ms (cold JVM, includes building the state);"
            + " warm render median %.0f ms (min %.0f, max %.0f); %,d bytes, %,d gzipped%n"
            + "state/index.json: %,d bytes, %,d gzipped; parse median %.0f ms, write %.0f ms;"
            + " merging a run of every table %.0f ms%n"
            + "one table's report (HTML + Markdown, %d findings): median %.2f ms%n",
        TABLES,
        firstMillis,
        median(renders),
        renders.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        renders.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        html.length,
        gzipped(html),
        json.length,
        gzipped(json),
        median(parses),
        median(writes),
        median(merges),
        artifact.findings().size(),
        median(reports));
  }

  private static double millis(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static int gzipped(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.size();
  }
}
