package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.log.CapturedLog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.report.handler.ReportGeneratorHandler;
import dev.schemadrift.report.it.Moto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ReportGeneratorFunction's handler through the real AWS SDK against moto server: conditional
 * writes of the index state over HTTP, many generations at once, and the same bytes as the
 * in-memory goldens.
 */
class ReportGeneratorFunctionIT {
  /** The bucket the shared test fixtures write to. */
  private static final String BUCKET = Scenario.BUCKET;

  private S3Client s3;
  private ObjectStore store;

  @BeforeEach
  void freshBucket() {
    Moto.reset();
    s3 = Moto.clients().s3();
    s3.createBucket(request -> request.bucket(BUCKET));
    store = new S3ObjectStore(s3);
  }

  /**
   * 24 runs of distinct tables, each reported by its own invocation, all at once; plus duplicated
   * events (Lambda's async retries) and overlapping runs that share one table. index.html must list
   * every table and show the final state.
   */
  @Test
  void concurrentGenerationsAgainstS3NeverLoseATable() throws Exception {
    List<String> events = new ArrayList<>();
    Map<String, String> newest = new TreeMap<>();
    for (int index = 0; index < 24; index++) {
      String run = String.format("202611%02dT0800%02dZ", 1 + index, index);
      List<String> tables = new ArrayList<>(List.of("table_" + index));
      if (index % 6 == 0) {
        tables.add("shared");
      }
      writeRun(run, tables, index % 3 == 0 ? Status.RISKY : Status.OK);
      for (String table : tables) {
        newest.merge(
            "bench." + table, run, (left, right) -> left.compareTo(right) > 0 ? left : right);
      }
      String event =
          "{\"bucket\": \"" + BUCKET + "\", \"manifest_key\": \"runs/" + run + ".json\"}";
      events.add(event);
      if (index % 4 == 0) {
        events.add(event);
      }
    }
    // One handler per invocation, as separate Lambda containers would be, retried as Lambda
    // retries a failed async event.
    List<Callable<JsonNode>> invocations = new ArrayList<>();
    for (String event : events) {
      invocations.add(() -> invokeAsLambda(new ReportGeneratorHandler(store, BUCKET), event));
    }

    List<JsonNode> responses = ConcurrentGenerationTest.runAtOnce(invocations);

    IndexState state = new IndexStateStore(store, BUCKET).read().state();
    assertEquals(newest.keySet(), state.tables().keySet(), "the state has every table");
    byte[] index = store.get(BUCKET, BucketLayout.INDEX).orElseThrow();
    assertEquals(
        newest.keySet(),
        ConcurrentGenerationTest.listed(index).keySet(),
        "index.html lists every table");
    assertArrayEquals(ReportTemplates.index(IndexView.of(state)), index, "and the final state");
    for (Map.Entry<String, String> table : newest.entrySet()) {
      IndexState.TableState entry = state.tables().get(table.getKey());
      assertEquals(table.getValue(), entry.lastChecked(), table.getKey());
      assertArrayEquals(
          store
              .get(BUCKET, BucketLayout.htmlReport(entry.table(), entry.lastChecked()))
              .orElseThrow(),
          store.get(BUCKET, BucketLayout.latest(entry.table())).orElseThrow(),
          table.getKey());
    }
    int conflicts =
        responses.stream().mapToInt(response -> response.get("state_conflicts").intValue()).sum();
    int indexWrites =
        responses.stream().mapToInt(response -> response.get("index_writes").intValue()).sum();
    System.out.printf(
        "%d invocations: %d state conflicts, %d index.html writes, %d retried%n",
        responses.size(), conflicts, indexWrites, retried.get());
    assertTrue(conflicts > 0, "the invocations competed for state/index.json: " + conflicts);
    assertEquals(
        "text/html; charset=utf-8",
        s3.headObject(request -> request.bucket(BUCKET).key(BucketLayout.INDEX)).contentType());
  }

  /** Through S3, the scenario's reports and index have exactly the goldens' bytes. */
  @Test
  void reportsThroughS3MatchTheGoldens() throws Exception {
    MemoryObjectStore prepared = Scenario.store();
    for (String run : Scenario.RUNS) {
      copy(prepared, "runs/" + run + ".json");
      for (var artifact : Scenario.artifacts(Scenario.RUNS.indexOf(run))) {
        copy(prepared, BucketLayout.diff(artifact.table(), run));
      }
    }
    CapturedLog log = new CapturedLog();
    ReportGeneratorHandler handler =
        new ReportGeneratorHandler(store, Scenario.BUCKET, Notifications.off(), log.log());
    int newBreaking = 0;
    for (String run : Scenario.RUNS) {
      log.clear();
      JsonNode response = invoke(handler, "{\"manifest_key\": \"runs/" + run + ".json\"}");
      // What the operator sees: JSON lines only, one generation record, one valid EMF document.
      JsonNode generated = log.withMessage("reports generated").getFirst();
      assertEquals(response.get("tables"), generated.get("tables"), generated.toString());
      List<JsonNode> metrics = log.metricDocuments();
      assertEquals(1, metrics.size(), log.lines().toString());
      assertEquals(
          response.get("tables").asInt(), metrics.getFirst().path("ReportsRendered").asInt());
      assertEquals(2, log.records().size(), log.lines().toString());
      assertEquals(
          generated.get("new_breaking").asInt(), metrics.getFirst().path("NewBreaking").asInt());
      newBreaking += metrics.getFirst().path("NewBreaking").asInt();
    }
    assertTrue(newBreaking > 0, "tables turning BREAKING are counted without a topic too");

    String last = Scenario.RUNS.getLast();
    assertArrayEquals(golden("index.html"), object(BucketLayout.INDEX));
    for (String table : Scenario.LAST_STATUS.keySet()) {
      assertArrayEquals(
          golden(table + ".report.html"), object("reports/" + table + "/" + last + ".report.html"));
      assertArrayEquals(
          golden(table + ".report.md"), object("reports/" + table + "/" + last + ".report.md"));
    }
    assertEquals(
        "text/markdown; charset=utf-8",
        s3.headObject(
                request ->
                    request
                        .bucket(Scenario.BUCKET)
                        .key("reports/nyc_parks.playgrounds/" + last + ".report.md"))
            .contentType());
  }

  private void copy(MemoryObjectStore from, String key) {
    store.put(
        Scenario.BUCKET, key, from.get(Scenario.BUCKET, key).orElseThrow(), "application/json");
  }

  private byte[] object(String key) {
    return store.get(Scenario.BUCKET, key).orElseThrow(() -> new AssertionError(key));
  }

  private static byte[] golden(String name) throws java.io.IOException {
    return Files.readAllBytes(Path.of("src/test/resources/golden").resolve(name));
  }

  private void writeRun(String run, List<String> tables, Status status) {
    StringBuilder entries = new StringBuilder();
    for (String table : tables) {
      String key = ConcurrentGenerationTest.write(store, table, run, status);
      if (!entries.isEmpty()) {
        entries.append(", ");
      }
      entries.append(
          """
          {"database": "bench", "table": "%s", "status": "%s", "diff_key": "%s",
           "contract_key": "c.json", "owner": "team-%s@example.org", "tags": ["bench"],
           "counts": {}, "error": null, "write_error": null}
          """
              .formatted(table, status, key, table.length() % 3));
    }
    String manifest =
        """
        {"manifest_version": 1, "run_id": "%s", "mode": "registry", "totals": {},
         "tables": [%s], "skipped": [], "not_found": [], "next_cursor": null}
        """
            .formatted(run, entries);
    store.put(
        BUCKET,
        "runs/" + run + ".json",
        manifest.getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  private final AtomicInteger retried = new AtomicInteger();

  /**
   * Invokes like an async Lambda event: a failed invocation is tried twice more. Moto answers 500
   * now and then to concurrent writes of one key (its S3 backend reads the replaced object's closed
   * buffer); S3 does not, but Lambda's retry of an idempotent event would cover it just the same.
   */
  private JsonNode invokeAsLambda(ReportGeneratorHandler handler, String event) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return invoke(handler, event);
      } catch (StoreException e) {
        if (attempt == 3) {
          throw e;
        }
        retried.incrementAndGet();
      }
    }
  }

  private static JsonNode invoke(ReportGeneratorHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.readTree("response", out.toByteArray());
  }
}
