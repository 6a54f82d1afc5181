package dev.schemadrift.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.TableResult;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.it.Moto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs that overlap, against moto: two SchemaDiffFunction runs on a cut registry plus 24 report
 * generations, all started at once. No index entry may be lost, no object may be half-written, and
 * the MAX_TABLES_PER_RUN cursor may repeat a slice but never skip a table.
 */
class OverlapIT {
  private static final String CONTRACTS = "overlap-contracts";
  private static final String REPORTS = "overlap-reports";
  private static final String DATA = "overlap-data";
  private static final int TABLES = 12;
  private static final int MAX_PER_RUN = 5;
  private static final int EARLIER_RUNS = 24;

  private final List<String> registryOrder = new ArrayList<>();
  private final List<String> triggered = new CopyOnWriteArrayList<>();
  private S3Client s3;
  private ObjectStore store;
  private GlueCatalog catalog;

  @BeforeEach
  void scenario() {
    Moto.reset();
    // moto (not S3) can fail a PutObject with HTTP 500 when another thread overwrites the same key
    // at that moment ("I/O operation on closed file" while it computes the ETag); two dozen
    // generations writing index.html at once hit it under load, so this test's clients try more
    // often than production's 3 attempts. Real S3 serialises overwrites of one key.
    AwsClients.Limits moreAttempts =
        new AwsClients.Limits(
            8,
            AwsClients.Limits.DEFAULT.backoff(),
            AwsClients.Limits.DEFAULT.connectTimeout(),
            AwsClients.Limits.DEFAULT.socketTimeout(),
            AwsClients.Limits.DEFAULT.apiCallTimeout());
    AwsClients clients = new AwsClients(Moto.environment(), List.of(), moreAttempts);
    s3 = clients.s3();
    store = new S3ObjectStore(s3);
    catalog = new GlueCatalog(clients.build(GlueClient.builder(), "GLUE"));
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    StringBuilder registry = new StringBuilder("{\"registry_version\": 1, \"tables\": [");
    for (int number = 1; number <= TABLES; number++) {
      String database = "overlap_db" + (number % 3);
      String table = "table_" + (char) ('a' + number - 1);
      String key = "contracts/" + database + "/" + table + ".json";
      String contract =
          "{\"contract_version\": \"1.0.0\", \"database\": \""
              + database
              + "\", \"table\": \""
              + table
              + "\", \"data_location\": \"s3://"
              + DATA
              + "/"
              + table
              + "/\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\":"
              + " \"bigint\"}]}";
      put(CONTRACTS, key, contract);
      put(DATA, table + "/part-00000.parquet", "PAR1");
      catalog.createDatabase(database, "overlap");
      catalog.createTable(
          TableDefinitions.fromContract(
                  ContractReader.read(key, contract.getBytes(StandardCharsets.UTF_8)))
              .orElseThrow(),
          null);
      registry
          .append(number == 1 ? "" : ", ")
          .append("{\"contract\": \"")
          .append(key)
          .append("\"}");
      registryOrder.add(key);
    }
    put(CONTRACTS, "configs/tables.json", registry.append("]}").toString());
  }

  private SchemaDiffRun run(boolean registry) {
    return new SchemaDiffRun(
        new RunSettings(
            CONTRACTS,
            REPORTS,
            registry ? CONTRACTS : null,
            "configs/tables.json",
            MAX_PER_RUN,
            4,
            "reports",
            null),
        store,
        catalog,
        (bucket, manifestKey) -> triggered.add(manifestKey));
  }

  @Test
  void twoRunsAndTwentyFourReportGenerationsAtOnceLoseNothing() throws Exception {
    // Earlier single-table runs whose reports are generated during the overlap.
    List<String> earlier = new ArrayList<>();
    for (int index = 0; index < EARLIER_RUNS; index++) {
      RunId run = new RunId(String.format("20261125T%02d%02d00Z", index / 2, (index % 2) * 30));
      run(false).execute(new RunRequest(run, registryOrder.get(index % TABLES), List.of()));
      earlier.add("runs/" + run + ".json");
    }
    List<RunManifest> overlapping = new CopyOnWriteArrayList<>();
    List<Callable<Object>> work = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (String run : List.of("20261126T080000Z", "20261126T080001Z")) {
      work.add(
          () -> {
            start.await();
            overlapping.add(run(true).execute(new RunRequest(new RunId(run), null, List.of())));
            return null;
          });
    }
    for (String manifest : earlier) {
      work.add(
          () -> {
            start.await();
            return new ReportGenerator(store, REPORTS, 2).generateRun(manifest);
          });
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> task : work) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Object> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    }
    // The overlapping runs' own report generations, also at once.
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (String manifest : List.copyOf(triggered)) {
        if (!earlier.contains(manifest)) {
          futures.add(
              pool.submit(() -> new ReportGenerator(store, REPORTS, 2).generateRun(manifest)));
        }
      }
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    }

    // No lost index entries: every table is in the state and in index.html.
    JsonNode state = Json.readTree("state", bytes("state/index.json"));
    String index = new String(bytes("index.html"), StandardCharsets.UTF_8);
    Set<String> tables = new TreeSet<>();
    for (String key : registryOrder) {
      String database = key.split("/")[1];
      String table = key.split("/")[2].replace(".json", "");
      tables.add(database + "." + table);
      assertTrue(index.contains(table), "index.html lists " + database + "." + table);
    }
    // Each table's latest result is the newest run that checked it: no update was overwritten.
    java.util.Map<String, String> expected = new java.util.TreeMap<>();
    for (int number = 0; number < EARLIER_RUNS; number++) {
      String key = registryOrder.get(number % TABLES);
      String run =
          earlier.get(number).substring("runs/".length(), earlier.get(number).length() - 5);
      expected.merge(
          qualified(key), run, (left, right) -> left.compareTo(right) > 0 ? left : right);
    }
    for (RunManifest manifest : overlapping) {
      for (String key : contractKeys(manifest)) {
        expected.merge(
            qualified(key),
            manifest.runId().value(),
            (left, right) -> left.compareTo(right) > 0 ? left : right);
      }
    }
    java.util.Map<String, String> latest = new java.util.TreeMap<>();
    for (JsonNode entry : state.path("tables")) {
      latest.put(
          entry.path("database").asText() + "." + entry.path("table").asText(),
          entry.path("last_checked").asText());
    }
    assertEquals(tables, latest.keySet(), "state/index.json keeps every table");
    assertEquals(expected, latest, "the newest run of every table");
    // No half-written object: every JSON parses, every HTML page is whole.
    for (S3Object object :
        s3.listObjectsV2Paginator(request -> request.bucket(REPORTS)).contents()) {
      byte[] body = bytes(object.key());
      if (object.key().endsWith(".json")) {
        Json.readTree(object.key(), body);
      } else if (object.key().endsWith(".html")) {
        assertTrue(
            new String(body, StandardCharsets.UTF_8).strip().endsWith("</html>"), object.key());
      }
    }
    // The two overlapping runs took the first slice (or the first and the next one).
    List<List<String>> slices = new ArrayList<>();
    for (RunManifest manifest : overlapping) {
      slices.add(contractKeys(manifest));
    }
    assertEquals(2, slices.size());
    // The cursor never skips: later runs cover every table, in registry order, without a gap.
    Set<String> covered = new LinkedHashSet<>();
    slices.forEach(covered::addAll);
    int runs = 0;
    while (covered.size() < TABLES) {
      assertTrue(runs++ < 4, "every table within ⌈12/5⌉ + 1 more runs: " + covered);
      RunManifest next =
          run(true)
              .execute(
                  new RunRequest(
                      new RunId(String.format("20261126T09%02d00Z", runs)), null, List.of()));
      List<String> slice = contractKeys(next);
      // Manifests list tables by name; the slice is a run of registry entries.
      int first = slice.stream().mapToInt(registryOrder::indexOf).min().orElseThrow();
      if (first > 0) {
        assertTrue(
            covered.contains(registryOrder.get(first - 1)),
            "a slice starts right after checked tables: " + slice + " after " + covered);
      }
      covered.addAll(slice);
    }
    assertEquals(Set.copyOf(registryOrder), covered);
    assertFalse(Collections.disjoint(slices.get(0), registryOrder));
  }

  private static String qualified(String contractKey) {
    String[] parts = contractKey.split("/");
    return parts[1] + "." + parts[2].replace(".json", "");
  }

  private static List<String> contractKeys(RunManifest manifest) {
    List<String> keys = new ArrayList<>();
    for (TableResult table : manifest.tables()) {
      keys.add(table.contractKey());
    }
    return keys;
  }

  private byte[] bytes(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray();
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }
}
