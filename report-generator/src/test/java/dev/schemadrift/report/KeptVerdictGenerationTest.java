package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Manifests whose lines keep an earlier verdict ({@code reused_from}): the generator reads no
 * artifact and writes no report for them, yet leaves the index as a run that judged every table
 * again would (apart from the verdict run its history notes), and reports of later runs compare
 * with the kept verdict.
 */
class KeptVerdictGenerationTest {
  private static final String FIRST = "20261201T080000Z";
  private static final String SECOND = "20261202T080000Z";
  private static final String THIRD = "20261203T080000Z";
  private static final String CHANGED = "nyc_parks.parks_properties";

  /** Counts reads of diff artifacts. */
  private static final class CountingStore extends MemoryObjectStore {
    final AtomicInteger diffReads = new AtomicInteger();

    @Override
    public java.util.Optional<byte[]> get(String bucket, String key) {
      if (key.startsWith("diffs/")) {
        diffReads.incrementAndGet();
      }
      return super.get(bucket, key);
    }
  }

  /** Day-0 artifacts of the scenario as judged in {@code run}. */
  private static List<DiffArtifact> judged(String run, int day) {
    List<DiffArtifact> artifacts = new ArrayList<>();
    for (DiffArtifact artifact : Scenario.artifacts(day)) {
      artifacts.add(
          new DiffArtifact(
              artifact.artifactVersion(),
              run,
              artifact.table(),
              artifact.status(),
              artifact.createdTable(),
              artifact.contract(),
              artifact.catalog(),
              artifact.dataProbe(),
              artifact.counts(),
              artifact.findings(),
              artifact.unusedWaivers(),
              artifact.error()));
    }
    return artifacts;
  }

  /**
   * The second run as a scheduled incremental run writes it: the changed table judged again (day
   * 1's artifact), every other line keeping its first-run verdict.
   */
  private static void writeIncrementalSecondRun(MemoryObjectStore store) {
    List<DiffArtifact> second = new ArrayList<>();
    for (DiffArtifact artifact : judged(SECOND, 1)) {
      if (artifact.table().qualified().equals(CHANGED)) {
        second.add(artifact);
      }
    }
    Scenario.writeRun(store, SECOND, second);
    // Add the kept lines, as RunManifest writes them: diff_key of the first run, reused_from.
    String key = "runs/" + SECOND + ".json";
    ObjectNode manifest =
        (ObjectNode) Json.readTree(key, store.get(Scenario.BUCKET, key).orElseThrow());
    ArrayNode tables = (ArrayNode) manifest.path("tables");
    ObjectNode first =
        (ObjectNode)
            Json.readTree(
                "first", store.get(Scenario.BUCKET, "runs/" + FIRST + ".json").orElseThrow());
    for (var line : first.path("tables")) {
      String table = line.path("database").asText() + "." + line.path("table").asText();
      if (!table.equals(CHANGED)) {
        ObjectNode kept = ((ObjectNode) line).deepCopy();
        kept.put("reused_from", FIRST);
        tables.add(kept);
      }
    }
    store.put(Scenario.BUCKET, key, Artifacts.bytes(manifest.toPrettyString()), "application/json");
  }

  private static void writeFullSecondRun(MemoryObjectStore store) {
    List<DiffArtifact> second = new ArrayList<>();
    for (DiffArtifact artifact : judged(SECOND, 0)) {
      if (!artifact.table().qualified().equals(CHANGED)) {
        second.add(artifact);
      }
    }
    for (DiffArtifact artifact : judged(SECOND, 1)) {
      if (artifact.table().qualified().equals(CHANGED)) {
        second.add(artifact);
      }
    }
    Scenario.writeRun(store, SECOND, second);
  }

  private static IndexState state(MemoryObjectStore store) {
    return IndexState.read(
        "state", store.get(Scenario.BUCKET, BucketLayout.INDEX_STATE).orElseThrow());
  }

  /** The rows with each history entry's verdict run dropped: what a full run's rows are. */
  private static Map<String, IndexState.TableState> withoutVerdictRuns(IndexState state) {
    Map<String, IndexState.TableState> rows = new TreeMap<>();
    state
        .tables()
        .forEach(
            (name, row) ->
                rows.put(
                    name,
                    new IndexState.TableState(
                        row.table(),
                        row.lastChecked(),
                        row.status(),
                        row.counts(),
                        row.owner(),
                        row.tags(),
                        row.lastChanged(),
                        row.findings(),
                        row.history().stream()
                            .map(entry -> new IndexState.RunStatus(entry.runId(), entry.status()))
                            .toList(),
                        row.notified())));
    return rows;
  }

  @Test
  void keptVerdictsCostNoReadAndNoReportAndGiveTheFullRunsIndex() {
    CountingStore incremental = new CountingStore();
    MemoryObjectStore full = new MemoryObjectStore();
    for (MemoryObjectStore store : List.of(incremental, full)) {
      Scenario.writeRun(store, FIRST, judged(FIRST, 0));
      new ReportGenerator(store, Scenario.BUCKET, 2).generateRun("runs/" + FIRST + ".json");
    }
    writeIncrementalSecondRun(incremental);
    writeFullSecondRun(full);
    incremental.diffReads.set(0);

    new ReportGenerator(incremental, Scenario.BUCKET, 2).generateRun("runs/" + SECOND + ".json");
    new ReportGenerator(full, Scenario.BUCKET, 2).generateRun("runs/" + SECOND + ".json");

    // Only the changed table's diff is read (and its previous one, for what changed).
    assertEquals(2, incremental.diffReads.get());
    for (String table : Scenario.LAST_STATUS.keySet()) {
      if (table.equals("nyc_transit.turnstile_usage")) {
        continue;
      }
      DiffArtifact.TableName name =
          new DiffArtifact.TableName(table.split("\\.")[0], table.split("\\.")[1]);
      boolean changed = table.equals(CHANGED);
      assertEquals(
          changed,
          incremental.get(Scenario.BUCKET, BucketLayout.htmlReport(name, SECOND)).isPresent(),
          table);
      // latest.html shows the verdict: the kept one's is the first run's report.
      String verdictRun = changed ? SECOND : FIRST;
      assertArrayEquals(
          incremental.get(Scenario.BUCKET, BucketLayout.htmlReport(name, verdictRun)).orElseThrow(),
          incremental.get(Scenario.BUCKET, BucketLayout.latest(name)).orElseThrow(),
          table);
    }
    assertEquals(withoutVerdictRuns(state(full)), withoutVerdictRuns(state(incremental)));
    assertTrue(
        state(incremental).tables().values().stream()
            .allMatch(row -> row.lastChecked().equals(SECOND)));
    IndexState.RunStatus kept =
        state(incremental).tables().get("nyc_parks.playgrounds").history().getLast();
    assertEquals(new IndexState.RunStatus(SECOND, kept.status(), FIRST), kept);
    assertArrayEquals(
        full.get(Scenario.BUCKET, BucketLayout.INDEX).orElseThrow(),
        incremental.get(Scenario.BUCKET, BucketLayout.INDEX).orElseThrow());
  }

  @Test
  void aKeptVerdictTheIndexNeverShowedIsRenderedFromItsArtifact() {
    MemoryObjectStore incremental = new MemoryObjectStore();
    MemoryObjectStore full = new MemoryObjectStore();
    for (MemoryObjectStore store : List.of(incremental, full)) {
      Scenario.writeRun(store, FIRST, judged(FIRST, 0));
    }
    // The first run's generation never ran on the incremental side.
    new ReportGenerator(full, Scenario.BUCKET, 2).generateRun("runs/" + FIRST + ".json");
    writeIncrementalSecondRun(incremental);
    writeFullSecondRun(full);

    new ReportGenerator(incremental, Scenario.BUCKET, 2).generateRun("runs/" + SECOND + ".json");
    new ReportGenerator(full, Scenario.BUCKET, 2).generateRun("runs/" + SECOND + ".json");

    // Every kept verdict is in the index as if the first generation had run (the changed table
    // was judged in the second run: its first result was never reported on this side).
    Map<String, IndexState.TableState> expected = withoutVerdictRuns(state(full));
    Map<String, IndexState.TableState> actual = withoutVerdictRuns(state(incremental));
    expected.remove(CHANGED);
    actual.remove(CHANGED);
    assertEquals(expected, actual);
    DiffArtifact.TableName playgrounds = new DiffArtifact.TableName("nyc_parks", "playgrounds");
    assertArrayEquals(
        full.get(Scenario.BUCKET, BucketLayout.htmlReport(playgrounds, FIRST)).orElseThrow(),
        incremental
            .get(Scenario.BUCKET, BucketLayout.htmlReport(playgrounds, FIRST))
            .orElseThrow());
    assertArrayEquals(
        incremental.get(Scenario.BUCKET, BucketLayout.htmlReport(playgrounds, FIRST)).orElseThrow(),
        incremental.get(Scenario.BUCKET, BucketLayout.latest(playgrounds)).orElseThrow());
  }

  @Test
  void aLaterReportComparesWithTheKeptVerdictAndLinksItsReport() {
    MemoryObjectStore store = new MemoryObjectStore();
    Scenario.writeRun(store, FIRST, judged(FIRST, 0));
    new ReportGenerator(store, Scenario.BUCKET, 2).generateRun("runs/" + FIRST + ".json");
    writeIncrementalSecondRun(store);
    new ReportGenerator(store, Scenario.BUCKET, 2).generateRun("runs/" + SECOND + ".json");
    // The third run judges the playgrounds again.
    List<DiffArtifact> third = new ArrayList<>();
    for (DiffArtifact artifact : judged(THIRD, 0)) {
      if (artifact.table().name().equals("playgrounds")) {
        third.add(artifact);
      }
    }
    Scenario.writeRun(store, THIRD, third);
    new ReportGenerator(store, Scenario.BUCKET, 2).generateRun("runs/" + THIRD + ".json");

    String report =
        Artifacts.text(
            store
                .get(
                    Scenario.BUCKET,
                    BucketLayout.htmlReport(
                        new DiffArtifact.TableName("nyc_parks", "playgrounds"), THIRD))
                .orElseThrow());
    assertFalse(report.contains("could not be read"), report);
    assertTrue(report.contains("href=\"" + FIRST + ".report.html\""), report);
    assertFalse(report.contains("href=\"" + SECOND + ".report.html\""), report);
  }
}
