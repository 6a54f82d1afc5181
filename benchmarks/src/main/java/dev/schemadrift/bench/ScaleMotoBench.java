package dev.schemadrift.bench;

import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The emulated scale run: loads {@code DATABASES x TABLES_PER_DATABASE} generated tables into the
 * moto server at {@code AWS_ENDPOINT_URL} (contracts, registry and data files in S3, tables in
 * Glue), then runs the Lambda handler in registry mode four times and counts each run's AWS calls:
 * the first run (nothing remembered), a run with nothing changed (every verdict kept), a run after
 * {@code CHANGED} tables changed (half their contract, half their Glue table), then runs after
 * {@code CHANGED} other tables changed only their contract, only their Glue table (in the same warm
 * container, whose contract cache knows the unchanged contracts), only their Glue table again in a
 * cold container (a new handler), and a full run. By default every generated table is partitioned,
 * so every changed table pays its partition read; {@code unpartitioned} generates every table
 * without partition keys, to measure the same changes without it.
 *
 * <p>Usage (under scripts/with-moto.sh): {@code ScaleMotoBench DATABASES TABLES_PER_DATABASE
 * [CHANGED [partitioned|unpartitioned]]}
 */
public final class ScaleMotoBench {
  static final String CONTRACTS = "scale-contracts";
  static final String REPORTS = "scale-reports";
  static final String REGISTRY_KEY = "configs/tables.json";

  private ScaleMotoBench() {}

  public static void main(String[] args) throws Exception {
    if (System.getenv("AWS_ENDPOINT_URL") == null) {
      throw new IllegalStateException("run under scripts/with-moto.sh (AWS_ENDPOINT_URL unset)");
    }
    int databases = Integer.parseInt(args[0]);
    int perDatabase = Integer.parseInt(args[1]);
    int changedTables = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    ScaleRegistry.Partitioning partitioning =
        args.length > 3
            ? ScaleRegistry.Partitioning.valueOf(args[3].toUpperCase(Locale.ROOT))
            : ScaleRegistry.Partitioning.PARTITIONED;
    System.out.println("scale-moto tables " + partitioning.name().toLowerCase(Locale.ROOT));
    List<ScaleRegistry.Table> tables = ScaleRegistry.tables(databases, perDatabase, partitioning);
    AwsCallCount calls = new AwsCallCount();
    AwsClients clients = new AwsClients(System.getenv(), List.of(calls));
    long loadStart = System.nanoTime();
    load(clients, tables);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    calls.clear();

    RunSettings settings =
        new RunSettings(
            CONTRACTS,
            REPORTS,
            CONTRACTS,
            REGISTRY_KEY,
            Math.max(RunSettings.DEFAULT_MAX_TABLES, tables.size()),
            RunSettings.DEFAULT_CONCURRENCY,
            null,
            null);
    SchemaDiffHandler handler = new SchemaDiffHandler(settings, clients, Clock.systemUTC());
    // 1. The first run: nothing remembered, every table judged (what every run cost before).
    measure("first", handler, "20261201T080000Z", calls, tables.size(), tables.size(), loadSeconds);
    // 2. Nothing changed: every verdict kept.
    int unchanged =
        measure("unchanged", handler, "20261201T090000Z", calls, tables.size(), tables.size(), 0);
    // 3. A few tables changed: half of them by their contract, half in Glue.
    int changed = Math.min(changedTables, tables.size() / 4);
    change(clients, tables.subList(0, changed), Change.HALF_EACH);
    int withChanges =
        measure("changed", handler, "20261201T100000Z", calls, tables.size(), changed, 0);
    extra("changed", changed, withChanges - unchanged);
    // 3b. Only contracts, then only Glue tables (each time other tables), in this warm container.
    change(clients, tables.subList(changed, 2 * changed), Change.CONTRACT);
    extra(
        "contracts-changed",
        changed,
        measure("contracts-changed", handler, "20261201T101000Z", calls, tables.size(), changed, 0)
            - unchanged);
    change(clients, tables.subList(2 * changed, 3 * changed), Change.GLUE);
    extra(
        "glue-changed",
        changed,
        measure("glue-changed", handler, "20261201T102000Z", calls, tables.size(), changed, 0)
            - unchanged);
    // 3c. Glue tables changed, seen by a new container: its contract cache is empty.
    change(clients, tables.subList(3 * changed, 4 * changed), Change.GLUE);
    SchemaDiffHandler cold = new SchemaDiffHandler(settings, clients, Clock.systemUTC());
    extra(
        "glue-changed-cold",
        changed,
        measure("glue-changed-cold", cold, "20261201T103000Z", calls, tables.size(), changed, 0)
            - unchanged);
    // 4. A full run on request ({"full": true}), as the weekly one.
    measure("full", handler, "20261201T110000Z", calls, tables.size(), tables.size(), 0);
    stateSize(clients.s3(), tables.size());
  }

  /**
   * Prints how large the check state is after the runs (read after them: not counted), and how
   * large it would be without the contract bytes and partition samples its records keep.
   */
  private static void stateSize(S3Client s3, int tables) {
    long bytes = 0;
    long withoutKept = 0;
    int shards = 0;
    for (var object :
        s3.listObjectsV2Paginator(request -> request.bucket(REPORTS).prefix("state/checks/"))
            .contents()) {
      String body =
          s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(object.key())).asUtf8String();
      bytes += body.getBytes(StandardCharsets.UTF_8).length;
      withoutKept +=
          body.replaceAll(",\"contract_gz\":\"[^\"]*\"", "")
              .replaceAll(",\"partition_sample\":\\{[^}]*}", "")
              .getBytes(StandardCharsets.UTF_8)
              .length;
      shards++;
    }
    System.out.printf(
        Locale.ROOT,
        "scale-moto state shards=%d bytes=%d per_table=%.0f mean_shard_bytes=%d"
            + " bytes_without_kept_inputs=%d%n",
        shards,
        bytes,
        bytes / (double) tables,
        shards == 0 ? 0 : bytes / shards,
        withoutKept);
  }

  /** Prints what the changed tables cost beyond an unchanged run. */
  private static void extra(String label, int changed, int extraCalls) {
    System.out.printf(
        Locale.ROOT,
        "scale-moto %s changed_tables=%d extra_calls=%d extra_per_changed_table=%.2f%n",
        label,
        changed,
        extraCalls,
        extraCalls / (double) changed);
  }

  /** What a change between two runs touches. */
  private enum Change {
    CONTRACT,
    GLUE,
    HALF_EACH
  }

  /** Runs the handler once with the given run id, prints its AWS calls and returns their number. */
  private static int measure(
      String label,
      SchemaDiffHandler handler,
      String runId,
      AwsCallCount calls,
      int tableCount,
      int perTableOf,
      double loadSeconds)
      throws Exception {
    calls.clear();
    String event =
        "{\"run_id\": \"" + runId + "\"" + (label.equals("full") ? ", \"full\": true" : "") + "}";
    long runStart = System.nanoTime();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
    double runSeconds = (System.nanoTime() - runStart) / 1e9;
    String summary = output.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    Map<String, Integer> counts = calls.snapshot();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int glue = calls.total("Glue");
    int reused = summary.split("\"reused_from\"", -1).length - 1;
    System.out.printf(
        Locale.ROOT,
        "scale-moto run=%s tables=%d load_s=%.1f run_wall_s=%.1f tables_per_s=%.1f"
            + " aws_calls=%d per_table=%.3f per_%s_table=%.3f glue_calls=%d glue_per_table=%.4f"
            + " reused=%d%n",
        label,
        tableCount,
        loadSeconds,
        runSeconds,
        tableCount / runSeconds,
        total,
        total / (double) tableCount,
        label,
        total / (double) perTableOf,
        glue,
        glue / (double) tableCount,
        reused);
    System.out.println("scale-moto " + label + " calls " + counts);
    System.out.println(
        "scale-moto "
            + label
            + " summary "
            + summary.substring(0, Math.min(300, summary.length())));
    return total;
  }

  /**
   * Changes the given tables between two runs: a new contract (another owner), a new Glue version
   * (UpdateTable with one more table parameter), or the first half the one and the rest the other.
   */
  private static void change(AwsClients clients, List<ScaleRegistry.Table> tables, Change what) {
    try (S3Client s3 = clients.s3();
        GlueClient glue = clients.build(GlueClient.builder(), "GLUE")) {
      for (int index = 0; index < tables.size(); index++) {
        ScaleRegistry.Table table = tables.get(index);
        boolean contract =
            switch (what) {
              case CONTRACT -> true;
              case GLUE -> false;
              case HALF_EACH -> index < tables.size() / 2;
            };
        if (contract) {
          s3.putObject(
              request -> request.bucket(CONTRACTS).key(table.contractKey()),
              RequestBody.fromString(
                  table.contract().replace("\"owner\": \"", "\"owner\": \"new-")));
        } else {
          var current =
              glue.getTable(request -> request.databaseName(table.database()).name(table.name()))
                  .table();
          Map<String, String> parameters = new java.util.HashMap<>(current.parameters());
          parameters.put("changed_by", "scale-benchmark");
          glue.updateTable(
              request ->
                  request
                      .databaseName(table.database())
                      .tableInput(
                          input ->
                              input
                                  .name(current.name())
                                  .tableType(current.tableType())
                                  .parameters(parameters)
                                  .storageDescriptor(current.storageDescriptor())
                                  .partitionKeys(current.partitionKeys())));
        }
      }
    }
  }

  /** Puts the contracts, registry and data files into S3 and the tables into Glue. */
  static void load(AwsClients clients, List<ScaleRegistry.Table> tables) throws Exception {
    try (S3Client s3 = clients.s3();
        GlueClient glue = clients.build(GlueClient.builder(), "GLUE")) {
      for (String bucket : List.of(CONTRACTS, REPORTS, ScaleRegistry.DATA_BUCKET)) {
        s3.createBucket(request -> request.bucket(bucket));
      }
      s3.putObject(
          request -> request.bucket(CONTRACTS).key(REGISTRY_KEY),
          RequestBody.fromString(ScaleRegistry.registry(tables)));
      GlueCatalog catalog = new GlueCatalog(glue);
      tables.stream()
          .map(ScaleRegistry.Table::database)
          .distinct()
          .forEach(database -> catalog.createDatabase(database, "scale benchmark"));
      // The emulator serves requests on several threads: load with a few at once.
      Semaphore permits = new Semaphore(8);
      try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> futures = new ArrayList<>();
        for (ScaleRegistry.Table table : tables) {
          futures.add(
              executor.submit(
                  () -> {
                    permits.acquire();
                    try {
                      s3.putObject(
                          request -> request.bucket(CONTRACTS).key(table.contractKey()),
                          RequestBody.fromString(table.contract()));
                      s3.putObject(
                          request ->
                              request
                                  .bucket(ScaleRegistry.DATA_BUCKET)
                                  .key(
                                      table.database()
                                          + "/"
                                          + table.name()
                                          + "/part-00000.parquet"),
                          RequestBody.fromString("PAR1"));
                      catalog.createTable(
                          GlueTableReader.readOne(
                              table.contractKey(), table.glue().getBytes(StandardCharsets.UTF_8)),
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
    }
  }
}
