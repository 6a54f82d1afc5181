package dev.schemadrift.report.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.schemadrift.aws.AwsCallCounter;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.JsonLog;
import dev.schemadrift.log.LogLevel;
import dev.schemadrift.metrics.EmbeddedMetrics;
import dev.schemadrift.metrics.RunMetric;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.report.GenerationSummary;
import dev.schemadrift.report.Notifications;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.report.ReportRequest;
import dev.schemadrift.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
  private static final String LOGGER = "ReportGeneratorFunction";

  private final ReportGenerator generator;
  private final String bucket;
  private final JsonLog log;
  private final String stack;
  private final AwsCallCounter calls;
  private final Clock clock = Clock.systemUTC();

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
    this(environment, JsonLog.standardOutput(environment));
  }

  /** As above, logging to the given log (tests capture it). */
  public ReportGeneratorHandler(Map<String, String> environment, JsonLog log) {
    this(
        ReportSettings.fromEnvironment(environment),
        new AwsClients(environment, List.of()),
        log,
        EmbeddedMetrics.stack(environment));
  }

  private ReportGeneratorHandler(
      ReportSettings settings, AwsClients clients, JsonLog log, String stack) {
    this(
        new ReportGenerator(
            new S3ObjectStore(clients.s3()),
            settings.reportBucket(),
            notifications(settings, clients)),
        settings.reportBucket(),
        log,
        stack,
        clients.calls());
  }

  /** For tests: any object store (moto through S3, a fake, a local folder); no notifications. */
  public ReportGeneratorHandler(ObjectStore store, String bucket) {
    this(store, bucket, Notifications.off());
  }

  /** For tests: any object store and notifier. */
  public ReportGeneratorHandler(ObjectStore store, String bucket, Notifications notifications) {
    this(store, bucket, notifications, JsonLog.standardOutput(System.getenv()));
  }

  /** For tests: any object store and notifier, logging to the given log. */
  public ReportGeneratorHandler(
      ObjectStore store, String bucket, Notifications notifications, JsonLog log) {
    this(
        new ReportGenerator(store, bucket, notifications),
        bucket,
        log,
        EmbeddedMetrics.UNKNOWN_STACK,
        new AwsCallCounter());
  }

  private ReportGeneratorHandler(
      ReportGenerator generator, String bucket, JsonLog log, String stack, AwsCallCounter calls) {
    this.generator = generator;
    this.bucket = bucket;
    this.log = log;
    this.stack = stack;
    this.calls = calls;
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
    Instant start = clock.instant();
    AwsCallCounter.Counts callsBefore = calls.counts();
    ReportRequest request = ReportRequest.read(input.readAllBytes(), bucket);
    Map<String, Object> response = new LinkedHashMap<>();
    GenerationSummary summary;
    try {
      summary = generate(request, response);
    } catch (RuntimeException failure) {
      Map<String, Object> fields = new LinkedHashMap<>(response);
      fields.put("kind", failure.getClass().getSimpleName());
      fields.put("error", failure.getMessage());
      log.log(LogLevel.ERROR, LOGGER, "generation failed", fields);
      throw failure;
    }
    response.putAll(summary.asMap());
    Instant end = clock.instant();
    AwsCallCounter.Counts made = calls.counts().minus(callsBefore);
    // Counts only: never names, owners or payloads.
    Map<String, Object> fields = new LinkedHashMap<>(response);
    fields.put("new_breaking", summary.newBreaking());
    fields.put("new_error", summary.newError());
    fields.put("duration_ms", Duration.between(start, end).toMillis());
    fields.put("aws_calls", made.calls());
    fields.put("aws_retries", made.retries());
    fields.put("aws_throttles", made.throttles());
    log.log(LogLevel.INFO, LOGGER, "reports generated", fields);
    Map<RunMetric, Long> values = new EnumMap<>(RunMetric.class);
    values.put(RunMetric.REPORTS_RENDERED, (long) summary.tables());
    values.put(RunMetric.NEW_BREAKING, (long) summary.newBreaking());
    values.put(RunMetric.NEW_ERROR, (long) summary.newError());
    values.put(RunMetric.AWS_RETRIES, made.retries());
    values.put(RunMetric.AWS_THROTTLES, made.throttles());
    log.document(new EmbeddedMetrics(stack, end, values, Map.of()).toJson());
    output.write(Json.mapper().writeValueAsBytes(response));
  }

  private GenerationSummary generate(ReportRequest request, Map<String, Object> response) {
    return switch (request) {
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
  }
}
