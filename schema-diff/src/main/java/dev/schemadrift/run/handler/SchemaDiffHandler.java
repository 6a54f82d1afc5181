package dev.schemadrift.run.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.aws.AwsCallCounter;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3CheckStateStore;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.JsonLog;
import dev.schemadrift.metrics.EmbeddedMetrics;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.EventRun;
import dev.schemadrift.run.RunEvent;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.aws.LambdaReportTrigger;
import dev.schemadrift.run.event.QueuedMessage;
import dev.schemadrift.run.event.SqsBatch;
import dev.schemadrift.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SchemaDiffFunction: reads its settings once, builds the AWS adapters once per container, runs the
 * pipeline for each event and returns the run summary; for a batch of the change-events queue, runs
 * the event path and returns its batch item failures. Run ids and clocks are read per invocation
 * (never during INIT, which SnapStart shares between restores).
 */
public final class SchemaDiffHandler implements RequestStreamHandler {
  private final SchemaDiffRun pipeline;
  private final EventRun events;
  private final Clock clock;
  private final RunLog runLog;
  private final AwsCallCounter calls;
  // SnapStart runs it before the snapshot (docs/PERFORMANCE.md); held here: CRaC keeps it weakly.
  private final SnapStartPriming priming = Priming.register();

  /** The Lambda runtime's constructor: everything from the environment. */
  public SchemaDiffHandler() {
    this(
        RunSettings.fromEnvironment(System.getenv()),
        AwsClients.fromEnvironment(),
        Clock.systemUTC());
  }

  /** Builds the AWS adapters from prepared clients settings (tests pass interceptors in). */
  public SchemaDiffHandler(RunSettings settings, AwsClients clients, Clock clock) {
    this(settings, clients, clock, JsonLog.standardOutput(System.getenv()), System.getenv());
  }

  /**
   * As above, logging to the given log (tests capture it); the stack dimension of the metrics from
   * {@code STACK_NAME} in {@code environment}.
   */
  public SchemaDiffHandler(
      RunSettings settings,
      AwsClients clients,
      Clock clock,
      JsonLog log,
      Map<String, String> environment) {
    this(settings, new S3ObjectStore(clients.s3()), clients, clock, log, environment);
  }

  private SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      AwsClients clients,
      Clock clock,
      JsonLog log,
      Map<String, String> environment) {
    this(
        settings,
        store,
        new S3CheckStateStore(store, settings.reportBucket()),
        new GlueCatalog(clients.build(GlueClient.builder(), "GLUE")),
        settings.reportFunction() == null
            ? ReportTrigger.NONE
            : new LambdaReportTrigger(
                clients.build(LambdaClient.builder(), "LAMBDA"), settings.reportFunction()),
        clock,
        clients.calls(),
        new RunLog(log, EmbeddedMetrics.stack(environment)));
  }

  /** For tests: any ports (fakes, local folders). */
  public SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      Catalog catalog,
      ReportTrigger trigger,
      Clock clock) {
    this(settings, store, catalog, trigger, clock, JsonLog.standardOutput(System.getenv()));
  }

  /** For tests: any ports, logging to the given log. */
  public SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      Catalog catalog,
      ReportTrigger trigger,
      Clock clock,
      JsonLog log) {
    this(settings, store, CheckStateStore.NONE, catalog, trigger, clock, log);
  }

  /** For tests: any ports and check state, logging to the given log. */
  public SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      CheckStateStore states,
      Catalog catalog,
      ReportTrigger trigger,
      Clock clock,
      JsonLog log) {
    this(
        settings,
        store,
        states,
        catalog,
        trigger,
        clock,
        new AwsCallCounter(),
        new RunLog(log, EmbeddedMetrics.UNKNOWN_STACK));
  }

  private SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      CheckStateStore states,
      Catalog catalog,
      ReportTrigger trigger,
      Clock clock,
      AwsCallCounter calls,
      RunLog runLog) {
    this.pipeline = new SchemaDiffRun(settings, store, catalog, trigger, runLog, states);
    this.events = new EventRun(settings, store, pipeline, runLog);
    this.clock = clock;
    this.calls = calls;
    this.runLog = runLog;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Instant start = clock.instant();
    AwsCallCounter.Counts callsBefore = calls.counts();
    byte[] payload = input.readAllBytes();
    Optional<List<QueuedMessage>> batch = SqsBatch.read(payload);
    if (batch.isPresent()) {
      output.write(handleBatch(batch.get(), start, callsBefore));
      return;
    }
    RunRequest request = RunEvent.read(payload, start);
    runLog.starting();
    RunManifest manifest;
    try {
      manifest = pipeline.execute(request);
    } catch (RuntimeException failure) {
      runLog.failed(request.runId().value(), failure, Duration.between(start, clock.instant()));
      throw failure;
    }
    String manifestKey = BucketLayout.manifest(request.runId().value());
    Instant end = clock.instant();
    runLog.finished(
        manifest,
        manifestKey,
        Duration.between(start, end),
        calls.counts().minus(callsBefore),
        end);
    output.write(manifest.toSummaryJson(manifestKey));
  }

  /**
   * The change-events queue's batch: checks what the events concern and answers with the batch item
   * failures (SQS delivers those messages again, and moves them to the dead-letter queue after the
   * queue's maxReceiveCount). Never throws for one message or one table.
   */
  private byte[] handleBatch(
      List<QueuedMessage> messages, Instant start, AwsCallCounter.Counts callsBefore)
      throws IOException {
    runLog.starting();
    EventRun.Outcome outcome = events.handle(messages, start);
    Instant end = clock.instant();
    if (outcome.failure() != null) {
      runLog.failed(null, outcome.failure(), Duration.between(start, end));
    }
    if (outcome.manifest() != null) {
      runLog.finished(
          outcome.manifest(),
          BucketLayout.manifest(outcome.manifest().runId().value()),
          Duration.between(start, end),
          calls.counts().minus(callsBefore),
          end);
    }
    runLog.batch(messages.size(), outcome);
    List<Map<String, String>> failures = new ArrayList<>();
    for (String messageId : outcome.failedMessageIds()) {
      failures.add(Map.of("itemIdentifier", messageId));
    }
    return Json.mapper().writeValueAsBytes(Map.of("batchItemFailures", failures));
  }
}
