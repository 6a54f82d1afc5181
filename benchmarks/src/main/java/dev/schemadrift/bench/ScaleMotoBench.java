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
 * Glue), then runs the Lambda handler once in registry mode and counts its AWS calls.
 *
 * <p>Usage (under scripts/with-moto.sh): {@code ScaleMotoBench DATABASES TABLES_PER_DATABASE}
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
    List<ScaleRegistry.Table> tables = ScaleRegistry.tables(databases, perDatabase);
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
            RunSettings.DEFAULT_MAX_TABLES,
            RunSettings.DEFAULT_CONCURRENCY,
            null,
            null);
    SchemaDiffHandler handler = new SchemaDiffHandler(settings, clients, Clock.systemUTC());
    long runStart = System.nanoTime();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), output, null);
    double runSeconds = (System.nanoTime() - runStart) / 1e9;
    String summary = output.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    Map<String, Integer> counts = calls.snapshot();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int glue = calls.total("Glue");
    System.out.printf(
        Locale.ROOT,
        "scale-moto tables=%d databases=%d load_s=%.1f run_wall_s=%.1f tables_per_s=%.1f"
            + " aws_calls=%d per_table=%.3f glue_calls=%d glue_per_table=%.4f%n",
        tables.size(),
        databases,
        loadSeconds,
        runSeconds,
        tables.size() / runSeconds,
        total,
        total / (double) tables.size(),
        glue,
        glue / (double) tables.size());
    System.out.println("scale-moto calls " + counts);
    System.out.println(
        "scale-moto summary " + summary.substring(0, Math.min(400, summary.length())));
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
