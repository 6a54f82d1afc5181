package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The incremental budget on moto, through the real handler and SDK: 1,000 registered partitioned
 * tables in 10 databases, a first run, a run with nothing changed (at most 0.05 AWS calls per
 * table, no artifact written), a run after four tables changed (two contracts edited, two Glue
 * tables updated: at most 3 calls more per changed table, their artifacts and no other; an edited
 * contract's partitions are not read again, its Glue table version being the same) and a run of a
 * new container (a cold contract cache) after two more Glue tables changed: their contracts are
 * taken from their check records, not read.
 */
class IncrementalRunIT {
  private static final String CONTRACTS = "inc-contracts";
  private static final String REPORTS = "inc-reports";
  private static final String DATA = "inc-data-lake";
  private static final int DATABASES = 10;
  private static final int PER_DATABASE = 100;

  private final CallCounter calls = new CallCounter();

  @Test
  void unchangedTablesCostAlmostNothingAndChangedOnesAtMostThreeCalls() throws Exception {
    World world = World.load(calls);
    S3Client s3 = world.s3();
    GlueClient glue = world.glue();
    List<String[]> tables = world.tables();
    int count = tables.size();
    SchemaDiffHandler handler = world.handler();

    JsonNode first = invoke(handler, "20261201T080000Z");
    assertEquals(count, first.path("tables").size());
    assertEquals(0, reused(first).size());

    calls.clear();
    JsonNode unchanged = invoke(handler, "20261201T090000Z");
    int unchangedCalls = total();
    System.out.printf(
        Locale.ROOT,
        "incremental budget: unchanged run of %d tables: %d calls (%.3f per table) %s%n",
        count,
        unchangedCalls,
        unchangedCalls / (double) count,
        calls.snapshot());
    assertEquals(count, reused(unchanged).size());
    assertTrue(unchangedCalls <= 0.05 * count, "0.05 calls per table: " + calls.snapshot());
    // The manifest and the registry cursor: no artifact, no state.
    assertEquals(2, calls.count("S3", "PutObject"), calls.snapshot().toString());

    // Two contracts edited, two Glue tables updated.
    String[] editedA = tables.get(3);
    String[] editedB = tables.get(517);
    for (String[] edited : List.of(editedA, editedB)) {
      s3.putObject(
          request -> request.bucket(CONTRACTS).key(edited[2]),
          RequestBody.fromString(contract(edited[0], edited[1], "team-b@example.org")));
    }
    String[] updatedA = tables.get(250);
    String[] updatedB = tables.get(999);
    for (String[] updated : List.of(updatedA, updatedB)) {
      updateGlueTable(glue, updated);
    }
    calls.clear();
    JsonNode changed = invoke(handler, "20261201T100000Z");
    int changedCalls = total();
    System.out.printf(
        Locale.ROOT,
        "incremental budget: 4 changed tables: %d calls, %d more than unchanged %s%n",
        changedCalls,
        changedCalls - unchangedCalls,
        calls.snapshot());
    Set<String> judged = new TreeSet<>();
    for (JsonNode line : changed.path("tables")) {
      if (line.path("reused_from").isMissingNode()) {
        judged.add(line.path("database").asText() + "." + line.path("table").asText());
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                editedA[0] + "." + editedA[1],
                editedB[0] + "." + editedB[1],
                updatedA[0] + "." + updatedA[1],
                updatedB[0] + "." + updatedB[1])),
        judged);
    assertTrue(
        changedCalls - unchangedCalls <= 3 * 4, "3 calls per changed table: " + calls.snapshot());
    // Only the updated Glue tables' partitions are read: the edited contracts' tables kept theirs.
    assertEquals(2, calls.count("Glue", "GetPartitions"), calls.snapshot().toString());
    // The owner of an edited contract is the new one.
    for (JsonNode line : changed.path("tables")) {
      if (line.path("table").asText().equals(editedA[1])
          && line.path("database").asText().equals(editedA[0])) {
        assertEquals("team-b@example.org", line.path("owner").asText());
      }
    }
  }

  @Test
  void aNewContainerTakesUnchangedContractsFromTheCheckState() throws Exception {
    World world = World.load(calls);
    invoke(world.handler(), "20261201T080000Z");
    calls.clear();
    invoke(world.handler(), "20261201T090000Z");
    int unchangedCalls = total();

    List<String[]> updated = List.of(world.tables().get(42), world.tables().get(678));
    updated.forEach(table -> updateGlueTable(world.glue(), table));
    calls.clear();
    // A new handler: a new container, whose contract cache is empty.
    JsonNode changed = invoke(world.handler(), "20261201T100000Z");
    System.out.printf(
        Locale.ROOT,
        "incremental budget: 2 Glue tables changed, new container: %d calls more %s%n",
        total() - unchangedCalls,
        calls.snapshot());
    assertEquals(1000 - 2, reused(changed).size());
    // GetObject: the registry, the cursor and the 16 state shards, as in an unchanged run.
    assertEquals(18, calls.count("S3", "GetObject"), calls.snapshot().toString());
    assertEquals(2, calls.count("Glue", "GetPartitions"), calls.snapshot().toString());
    assertTrue(total() - unchangedCalls <= 3 * 2, "3 calls per changed table: " + calls.snapshot());
  }

  /** The emulator loaded with the registry's tables: {db, table, key} each. */
  private record World(AwsClients clients, S3Client s3, GlueClient glue, List<String[]> tables) {
    static World load(CallCounter calls) throws Exception {
      Moto.reset();
      AwsClients clients = Moto.clients(calls);
      S3Client s3 = clients.s3();
      GlueClient glue = clients.build(GlueClient.builder(), "GLUE");
      return new World(clients, s3, glue, IncrementalRunIT.load(s3, new GlueCatalog(glue)));
    }

    /** The function of a new container. */
    SchemaDiffHandler handler() {
      RunSettings settings =
          new RunSettings(
              CONTRACTS, REPORTS, CONTRACTS, "configs/tables.json", 1000, 8, null, null);
      return new SchemaDiffHandler(settings, clients, Clock.systemUTC());
    }
  }

  private static void updateGlueTable(GlueClient glue, String[] updated) {
    Table current =
        glue.getTable(request -> request.databaseName(updated[0]).name(updated[1])).table();
    Map<String, String> parameters = new HashMap<>(current.parameters());
    parameters.put("comment", "updated");
    glue.updateTable(
        request ->
            request
                .databaseName(updated[0])
                .tableInput(
                    input ->
                        input
                            .name(current.name())
                            .tableType(current.tableType())
                            .parameters(parameters)
                            .storageDescriptor(current.storageDescriptor())
                            .partitionKeys(current.partitionKeys())));
  }

  private int total() {
    return calls.snapshot().values().stream().mapToInt(Integer::intValue).sum();
  }

  private static List<String> reused(JsonNode summary) {
    List<String> reused = new ArrayList<>();
    summary
        .path("tables")
        .forEach(
            line -> {
              if (!line.path("reused_from").isMissingNode()) {
                reused.add(line.path("table").asText());
              }
            });
    return reused;
  }

  private static JsonNode invoke(SchemaDiffHandler handler, String runId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(
            ("{\"run_id\": \"" + runId + "\"}").getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    return Json.mapper().readTree(out.toByteArray());
  }

  private static String contract(String database, String table, String owner) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \""
        + table
        + "\", \"owner\": \""
        + owner
        + "\", \"data_location\": \"s3://"
        + DATA
        + "/"
        + database
        + "/"
        + table
        + "/\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
        + " {\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"amount\", \"type\":"
        + " \"decimal(10,2)\"}], \"partition_keys\": [{\"name\": \"dt\", \"type\": \"string\"}]}";
  }

  /** Loads the registry, contracts, data files and Glue tables; returns {db, table, key} each. */
  private static List<String[]> load(S3Client s3, GlueCatalog catalog) throws Exception {
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    List<String[]> tables = new ArrayList<>();
    StringBuilder registry = new StringBuilder("{\"registry_version\": 1, \"tables\": [");
    for (int database = 0; database < DATABASES; database++) {
      String databaseName = String.format(Locale.ROOT, "inc_db_%02d", database);
      catalog.createDatabase(databaseName, "incremental IT");
      for (int table = 0; table < PER_DATABASE; table++) {
        String tableName = String.format(Locale.ROOT, "table_%03d", table);
        String key = "contracts/" + databaseName + "/" + tableName + ".json";
        tables.add(new String[] {databaseName, tableName, key});
        registry.append(tables.size() == 1 ? "" : ", ").append("{\"contract\": \"" + key + "\"}");
      }
    }
    s3.putObject(
        request -> request.bucket(CONTRACTS).key("configs/tables.json"),
        RequestBody.fromString(registry.append("]}").toString()));
    // The emulator serves requests on several threads: load with a few at once.
    Semaphore permits = new Semaphore(8);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (String[] table : tables) {
        futures.add(
            executor.submit(
                () -> {
                  permits.acquire();
                  try {
                    String body = contract(table[0], table[1], "team@example.org");
                    s3.putObject(
                        request -> request.bucket(CONTRACTS).key(table[2]),
                        RequestBody.fromString(body));
                    s3.putObject(
                        request ->
                            request.bucket(DATA).key(table[0] + "/" + table[1] + "/part-0.parquet"),
                        RequestBody.fromString("PAR1"));
                    catalog.createTable(
                        TableDefinitions.fromContract(
                                ContractReader.read(
                                    table[2], body.getBytes(StandardCharsets.UTF_8)))
                            .orElseThrow(),
                        null);
                  } finally {
                    permits.release();
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }
    return tables;
  }
}
