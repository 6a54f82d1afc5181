package dev.schemadrift.run.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.RunEvent;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.aws.LambdaReportTrigger;
import dev.schemadrift.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SchemaDiffFunction: reads its settings once, builds the AWS adapters once per container, runs the
 * pipeline for each event and returns the run summary. Run ids and clocks are read per invocation
 * (never during INIT, which SnapStart shares between restores).
 */
public final class SchemaDiffHandler implements RequestStreamHandler {
  private final RunSettings settings;
  private final SchemaDiffRun pipeline;
  private final Clock clock;
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
    this(
        settings,
        new S3ObjectStore(clients.s3()),
        new GlueCatalog(clients.build(GlueClient.builder(), "GLUE")),
        settings.reportFunction() == null
            ? ReportTrigger.NONE
            : new LambdaReportTrigger(
                clients.build(LambdaClient.builder(), "LAMBDA"), settings.reportFunction()),
        clock);
  }

  /** For tests: any ports (fakes, local folders). */
  public SchemaDiffHandler(
      RunSettings settings,
      ObjectStore store,
      Catalog catalog,
      ReportTrigger trigger,
      Clock clock) {
    this.settings = settings;
    this.pipeline = new SchemaDiffRun(settings, store, catalog, trigger);
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    RunRequest request = RunEvent.read(input.readAllBytes(), clock.instant());
    RunManifest manifest = pipeline.execute(request);
    String manifestKey = BucketLayout.manifest(request.runId().value());
    if (context != null && context.getLogger() != null) {
      // One line per run: counts only, never contracts, payloads or credentials.
      context
          .getLogger()
          .log(
              "schema-drift run "
                  + request.runId()
                  + " mode="
                  + manifest.mode().jsonName()
                  + " tables="
                  + manifest.tables().size()
                  + " totals="
                  + manifest.totals()
                  + " manifest=s3://"
                  + settings.reportBucket()
                  + "/"
                  + manifestKey);
    }
    output.write(manifest.toSummaryJson(manifestKey));
  }
}
