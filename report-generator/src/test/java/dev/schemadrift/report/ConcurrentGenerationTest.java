package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Many generations at once against a store with atomic conditional writes (as S3), with random
 * pauses before every write so that they interleave: distinct tables, duplicated events (async
 * retries) and overlapping runs that share a table. The index must list every table, reflect the
 * final state, and each latest.html must be its table's newest report.
 */
class ConcurrentGenerationTest {
  private static final String BUCKET = "reports";

  @Test
  void concurrentGenerationsNeverLoseATable() throws Exception {
    PausingObjectStore store = new PausingObjectStore();
    // Slow index writes let a generation that rendered an older state finish after a newer one.
    store.beforeWrite(key -> pause(key.equals(BucketLayout.INDEX) ? 25 : 2));
    List<Callable<GenerationSummary>> generations = new ArrayList<>();
    Map<String, String> newest = new TreeMap<>();
    for (int index = 0; index < 32; index++) {
      String run = String.format("202611%02dT0800%02dZ", 1 + index % 28, index);
      String table = "table_" + index;
      List<String> keys = new ArrayList<>();
      keys.add(write(store, table, run, index % 4 == 0 ? Status.BREAKING : Status.OK));
      newest.put("bench." + table, run);
      if (index % 5 == 0) {
        // Overlapping runs: this run also checked a table every fifth run shares.
        keys.add(write(store, "shared", run, Status.values()[index % 6]));
        newest.merge(
            "bench.shared", run, (left, right) -> left.compareTo(right) > 0 ? left : right);
      }
      generations.add(() -> new ReportGenerator(store, BUCKET, 2).generateDiffs(keys));
      if (index % 8 == 0) {
        generations.add(() -> new ReportGenerator(store, BUCKET, 2).generateDiffs(keys));
      }
    }

    List<GenerationSummary> summaries = runAtOnce(generations);

    IndexState state = new IndexStateStore(store, BUCKET).read().state();
    assertEquals(newest.keySet(), state.tables().keySet());
    byte[] index = store.get(BUCKET, BucketLayout.INDEX).orElseThrow();
    assertEquals(newest.keySet(), listed(index).keySet(), "index.html lists every table");
    assertArrayEquals(
        ReportTemplates.index(IndexView.of(state)), index, "index.html shows the final state");
    for (Map.Entry<String, String> table : newest.entrySet()) {
      IndexState.TableState entry = state.tables().get(table.getKey());
      assertEquals(table.getValue(), entry.lastChecked(), table.getKey());
      assertArrayEquals(
          store
              .get(BUCKET, BucketLayout.htmlReport(entry.table(), entry.lastChecked()))
              .orElseThrow(),
          store.get(BUCKET, BucketLayout.latest(entry.table())).orElseThrow(),
          table.getKey() + ": latest.html is the newest run's report");
    }
    assertEquals(7, state.tables().get("bench.shared").history().size());
    int conflicts = summaries.stream().mapToInt(GenerationSummary::stateConflicts).sum();
    assertTrue(conflicts > 0, "the generations really competed for the state");
  }

  /**
   * The race the re-check exists for: generation A renders index.html from the state with its own
   * table, and is held before writing it; meanwhile B adds its table and publishes. A's stale write
   * lands last, so A must notice that the state moved and publish again.
   */
  @Test
  void aStaleIndexWrittenLastIsWrittenAgain() throws Exception {
    PausingObjectStore store = new PausingObjectStore();
    String tableA = write(store, "alpha", "20261126T080000Z", Status.BREAKING);
    String tableB = write(store, "beta", "20261126T090000Z", Status.OK);
    Held held = new Held(BucketLayout.INDEX);
    store.beforeWrite(held);

    GenerationSummary first =
        held.runHeld(
            () -> new ReportGenerator(store, BUCKET).generateDiffs(List.of(tableA)),
            () -> new ReportGenerator(store, BUCKET).generateDiffs(List.of(tableB)));

    assertEquals(
        Map.of("bench.alpha", "BREAKING", "bench.beta", "OK"),
        listed(store.get(BUCKET, BucketLayout.INDEX).orElseThrow()));
    assertEquals(2, first.indexWrites(), "A wrote index.html twice: stale, then current");
  }

  /**
   * The same race for latest.html: an older run's generation is held before copying its report to
   * latest.html while a newer run of the table publishes; latest.html must end as the newer one.
   */
  @Test
  void aStaleLatestWrittenLastIsWrittenAgain() throws Exception {
    PausingObjectStore store = new PausingObjectStore();
    String older = write(store, "parks", "20261125T080000Z", Status.BREAKING);
    String newer = write(store, "parks", "20261126T080000Z", Status.OK);
    Held held = new Held("reports/bench.parks/latest.html");
    store.beforeWrite(held);

    held.runHeld(
        () -> new ReportGenerator(store, BUCKET).generateDiffs(List.of(older)),
        () -> new ReportGenerator(store, BUCKET).generateDiffs(List.of(newer)));

    assertArrayEquals(
        store.get(BUCKET, "reports/bench.parks/20261126T080000Z.report.html").orElseThrow(),
        store.get(BUCKET, "reports/bench.parks/latest.html").orElseThrow());
    assertEquals(
        Map.of("bench.parks", "OK"), listed(store.get(BUCKET, BucketLayout.INDEX).orElseThrow()));
  }

  /** Holds the first write of one key until the other generation has finished. */
  private static final class Held implements Consumer<String> {
    private final String key;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    Held(String key) {
      this.key = key;
    }

    @Override
    public void accept(String written) {
      if (written.equals(key) && taken.compareAndSet(false, true)) {
        reached.countDown();
        try {
          assertTrue(release.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /**
     * Runs {@code held} until its first write of the key, then {@code other} fully, then the rest.
     */
    <T> T runHeld(Callable<T> held, Callable<?> other) throws Exception {
      try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
        Future<T> result = pool.submit(held);
        assertTrue(reached.await(30, TimeUnit.SECONDS), "held write reached");
        other.call();
        release.countDown();
        return result.get();
      }
    }
  }

  @Test
  void aLateRetryOfAnOlderRunNeverMovesATableBackwards() {
    PausingObjectStore store = new PausingObjectStore();
    String older = write(store, "parks", "20261125T080000Z", Status.BREAKING);
    String newer = write(store, "parks", "20261126T080000Z", Status.OK);
    ReportGenerator generator = new ReportGenerator(store, BUCKET);

    generator.generateDiffs(List.of(newer));
    byte[] latestBefore = store.get(BUCKET, "reports/bench.parks/latest.html").orElseThrow();
    generator.generateDiffs(List.of(older));

    IndexState.TableState parks =
        new IndexStateStore(store, BUCKET).read().state().tables().get("bench.parks");
    assertEquals("20261126T080000Z", parks.lastChecked());
    assertEquals(Status.OK, parks.status());
    assertEquals(2, parks.history().size());
    assertArrayEquals(
        latestBefore, store.get(BUCKET, "reports/bench.parks/latest.html").orElseThrow());
    assertEquals(
        Map.of("bench.parks", "OK"), listed(store.get(BUCKET, "index.html").orElseThrow()));
  }

  @Test
  void aRetriedEventRewritesTheSameBytes() {
    PausingObjectStore store = new PausingObjectStore();
    List<String> keys =
        List.of(
            write(store, "parks", "20261126T080000Z", Status.BREAKING),
            write(store, "trees", "20261126T080000Z", Status.OK));
    ReportGenerator generator = new ReportGenerator(store, BUCKET);
    generator.generateDiffs(keys);
    Map<String, byte[]> first = snapshot(store, keys);

    generator.generateDiffs(keys);

    Map<String, byte[]> second = snapshot(store, keys);
    assertEquals(first.keySet(), second.keySet());
    first.forEach((key, bytes) -> assertArrayEquals(bytes, second.get(key), key));
  }

  private static Map<String, byte[]> snapshot(PausingObjectStore store, List<String> diffKeys) {
    Map<String, byte[]> objects = new TreeMap<>();
    List<String> keys = new ArrayList<>(List.of(BucketLayout.INDEX, BucketLayout.INDEX_STATE));
    for (String diffKey : diffKeys) {
      BucketLayout.DiffKey parsed = BucketLayout.parseDiff(diffKey);
      keys.add(BucketLayout.htmlReport(parsed.table(), parsed.run().value()));
      keys.add(BucketLayout.markdownReport(parsed.table(), parsed.run().value()));
      keys.add(BucketLayout.latest(parsed.table()));
    }
    for (String key : keys) {
      objects.put(key, store.get(BUCKET, key).orElseThrow(() -> new AssertionError(key)));
    }
    return objects;
  }

  /** Table name → status, for every row of an index.html (from its JSON data block). */
  static Map<String, String> listed(byte[] index) {
    String html = Artifacts.text(index);
    int start = html.indexOf(DATA_START);
    int end = html.indexOf("</script>", start);
    Map<String, String> rows = new TreeMap<>();
    JsonNode data =
        Json.readTree(
            "index data", Artifacts.bytes(html.substring(start + DATA_START.length(), end)));
    for (JsonNode row : data.get("rows")) {
      rows.put(row.get(0).asText() + "." + row.get(1).asText(), row.get(2).asText());
    }
    return rows;
  }

  private static final String DATA_START = "<script type=\"application/json\" id=\"index-data\">";

  static String write(ObjectStore store, String table, String run, Status status) {
    DiffArtifact.TableName name = new DiffArtifact.TableName("bench", table);
    DiffArtifact artifact =
        switch (status) {
          case ERROR ->
              TableCheck.error(new RunId(run), name, null, ErrorKind.THROTTLED, "slow down");
          default ->
              new DiffArtifact(
                  DiffArtifact.VERSION,
                  run,
                  name,
                  status,
                  false,
                  null,
                  null,
                  null,
                  DiffArtifact.Counts.ZERO,
                  List.of(),
                  List.of(),
                  null);
        };
    String key = BucketLayout.diff(name, run);
    store.put(BUCKET, key, ArtifactJson.write(artifact), "application/json");
    return key;
  }

  /** Runs every task on its own thread, all released at the same moment. */
  static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }

  private static void pause(int maxMillis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(maxMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
