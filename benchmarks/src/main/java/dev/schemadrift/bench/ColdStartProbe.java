package dev.schemadrift.bench;

import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.local.LocalFolderObjectStore;
import dev.schemadrift.local.SnapshotCatalog;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.handler.Priming;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * One cold process of the cold-start comparison ({@link ColdStartBench} starts it): builds what the
 * mode says, runs the handler once, prints one {@code probe} line with its own timings and exits.
 *
 * <ul>
 *   <li>{@code sdk-clients}: only builds the S3, Glue and Lambda clients the handler builds.
 *   <li>{@code handler-local FIXTURE}: the handler on local adapters (folders), one table.
 *   <li>{@code handler-local-primed FIXTURE}: the same, after {@link Priming#prime()} (what a
 *       SnapStart restore starts from).
 *   <li>{@code handler-aws}: the Lambda runtime's path: no-arg constructor, settings and endpoint
 *       from the environment (moto), one table.
 * </ul>
 */
public final class ColdStartProbe {
  static final String CONTRACT_BUCKET = "bench-contracts";
  static final String REPORT_BUCKET = "bench-reports";
  static final String CONTRACT_KEY = "nyc_parks/parks_properties.json";

  private ColdStartProbe() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    long start = System.nanoTime();
    long primeNanos = 0;
    long invokeNanos = 0;
    int outputBytes = 0;
    switch (mode) {
      case "sdk-clients" -> {
        AwsClients clients = AwsClients.fromEnvironment();
        clients.s3().close();
        clients.build(GlueClient.builder(), "GLUE").close();
        clients.build(LambdaClient.builder(), "LAMBDA").close();
      }
      case "handler-local", "handler-local-primed", "handler-aws" -> {
        SchemaDiffHandler handler;
        if (mode.equals("handler-aws")) {
          handler = new SchemaDiffHandler();
        } else {
          Path fixture = Path.of(args[1]);
          handler =
              new SchemaDiffHandler(
                  new RunSettings(
                      CONTRACT_BUCKET, REPORT_BUCKET, null, null, 1000, 16, null, CONTRACT_KEY),
                  new LocalFolderObjectStore(fixture.resolve("s3")),
                  new SnapshotCatalog(fixture.resolve("catalog")),
                  ReportTrigger.NONE,
                  Clock.systemUTC());
        }
        if (mode.equals("handler-local-primed")) {
          long primeStart = System.nanoTime();
          Priming.prime();
          primeNanos = System.nanoTime() - primeStart;
        }
        long invokeStart = System.nanoTime();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(
            new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), output, null);
        invokeNanos = System.nanoTime() - invokeStart;
        outputBytes = output.size();
        System.out.println(
            "summary " + output.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "));
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    System.out.printf(
        Locale.ROOT,
        "probe mode=%s main_ms=%.1f prime_ms=%.1f invoke_ms=%.1f output_bytes=%d%n",
        mode,
        (System.nanoTime() - start) / 1e6,
        primeNanos / 1e6,
        invokeNanos / 1e6,
        outputBytes);
  }
}
