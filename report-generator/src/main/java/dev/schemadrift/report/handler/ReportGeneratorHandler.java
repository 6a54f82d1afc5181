package dev.schemadrift.report.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.report.GenerationSummary;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.report.ReportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ReportGeneratorFunction: reads its bucket once, builds the S3 adapter once per container, and
 * renders the reports and index an event asks for. A failure fails the invocation, so Lambda
 * retries the (idempotent) event.
 */
public final class ReportGeneratorHandler implements RequestStreamHandler {
  private final ReportGenerator generator;
  private final String bucket;

  /**
   * The Lambda runtime's constructor: {@code REPORT_BUCKET} and AWS clients from the environment.
   */
  public ReportGeneratorHandler() {
    this(
        new S3ObjectStore(AwsClients.fromEnvironment().s3()), requiredEnvironment("REPORT_BUCKET"));
  }

  /** For tests: any object store (moto through S3, a fake, a local folder). */
  public ReportGeneratorHandler(ObjectStore store, String bucket) {
    this.generator = new ReportGenerator(store, bucket);
    this.bucket = bucket;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    ReportRequest request = ReportRequest.read(input.readAllBytes(), bucket);
    Map<String, Object> response = new LinkedHashMap<>();
    GenerationSummary summary =
        switch (request) {
          case ReportRequest.Run run -> {
            response.put("manifest_key", run.manifestKey());
            yield generator.generateRun(run.manifestKey());
          }
          case ReportRequest.Diffs diffs -> {
            response.put("diff_keys", diffs.diffKeys().size());
            yield generator.generateDiffs(diffs.diffKeys());
          }
          case ReportRequest.RebuildIndex rebuild -> {
            response.put("rebuild_index", true);
            yield generator.rebuildIndex();
          }
        };
    response.putAll(summary.asMap());
    if (context != null && context.getLogger() != null) {
      // Counts only: never names, owners or payloads.
      context.getLogger().log("schema-drift reports " + response);
    }
    output.write(Json.mapper().writeValueAsBytes(response));
  }

  private static String requiredEnvironment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: the function needs its report bucket");
    }
    return value;
  }
}
