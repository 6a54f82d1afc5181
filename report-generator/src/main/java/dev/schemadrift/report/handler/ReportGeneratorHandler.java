package dev.schemadrift.report.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.report.GenerationSummary;
import dev.schemadrift.report.Notifications;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.report.ReportRequest;
import dev.schemadrift.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * ReportGeneratorFunction: reads its settings once, builds the S3 adapter once per container, and
 * renders the reports and index an event asks for. A failure fails the invocation, so Lambda
 * retries the (idempotent) event.
 */
public final class ReportGeneratorHandler implements RequestStreamHandler {
  private final ReportGenerator generator;
  private final String bucket;

  /** Registered with SnapStart's CRaC context, which holds it only weakly: keep it here. */
  @SuppressWarnings("unused")
  private final SnapStartPriming priming = Priming.register();

  /**
   * The Lambda runtime's constructor: {@code REPORT_BUCKET}, the optional {@code
   * NOTIFICATION_TOPIC_ARN} and {@code REPORT_BASE_URL}, and AWS clients from the environment.
   */
  public ReportGeneratorHandler() {
    this(System.getenv());
  }

  /**
   * Everything from the given environment: the settings are read and checked first, then the
   * clients (endpoints, region, credentials) are built once, the SNS client only when there is a
   * topic.
   */
  public ReportGeneratorHandler(Map<String, String> environment) {
    this(ReportSettings.fromEnvironment(environment), new AwsClients(environment, List.of()));
  }

  private ReportGeneratorHandler(ReportSettings settings, AwsClients clients) {
    this(
        new S3ObjectStore(clients.s3()), settings.reportBucket(), notifications(settings, clients));
  }

  /** For tests: any object store (moto through S3, a fake, a local folder); no notifications. */
  public ReportGeneratorHandler(ObjectStore store, String bucket) {
    this(store, bucket, Notifications.off());
  }

  /** For tests: any object store and notifier. */
  public ReportGeneratorHandler(ObjectStore store, String bucket, Notifications notifications) {
    this.generator = new ReportGenerator(store, bucket, notifications);
    this.bucket = bucket;
  }

  private static Notifications notifications(ReportSettings settings, AwsClients clients) {
    if (!settings.notifies()) {
      return Notifications.off();
    }
    return Notifications.to(
        new SnsNotifier(clients.build(SnsClient.builder(), "SNS"), settings.notificationTopicArn()),
        settings.reportBucket(),
        settings.reportBaseUrl());
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
}
