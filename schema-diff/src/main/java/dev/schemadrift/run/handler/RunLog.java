package dev.schemadrift.run.handler;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.aws.AwsCallCounter;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.log.JsonLog;
import dev.schemadrift.log.LogLevel;
import dev.schemadrift.metrics.EmbeddedMetrics;
import dev.schemadrift.metrics.RunMetric;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.EventRun;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.TableResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What SchemaDiffFunction tells an operator (docs/OPERATIONS.md): a DEBUG record per table, a WARN
 * record per table in ERROR, an INFO record and an EMF metrics document per finished run, an ERROR
 * record per failed run. Counts, kinds, rule ids and table names only: never contract bodies,
 * owners, columns or event payloads.
 */
final class RunLog implements SchemaDiffRun.Listener, EventRun.Listener {
  static final String LOGGER = "SchemaDiffFunction";

  private final JsonLog log;
  private final String stack;
  // Set by the pipeline during an invocation, read at its end; invocations never overlap.
  private volatile int tablesLeft;

  RunLog(JsonLog log, String stack) {
    this.log = log;
    this.stack = stack;
  }

  /** Forgets what the previous invocation left. */
  void starting() {
    tablesLeft = 0;
  }

  @Override
  public void started(int tables) {
    // The run record carries the count; nothing to say before the tables are checked.
  }

  @Override
  public void tablesLeft(int tables) {
    tablesLeft = tables;
  }

  @Override
  public void tableDone(TableResult result) {
    DiffArtifact artifact = result.artifact();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run_id", artifact.runId());
    fields.put("table", artifact.table().qualified());
    fields.put("status", artifact.status().name());
    fields.put(
        "rule_ids",
        artifact.findings().stream()
            .filter(Finding::counts)
            .map(finding -> finding.rule().name())
            .distinct()
            .sorted()
            .toList());
    String kind = artifact.error() == null ? null : artifact.error().kindName();
    fields.put("kind", kind);
    if (result.reusedFrom() != null) {
      fields.put("reused_from", result.reusedFrom());
    }
    log.log(LogLevel.DEBUG, LOGGER, "table checked", fields);
    if (kind != null) {
      log.log(LogLevel.WARN, LOGGER, "table check failed", fields);
    }
  }

  /** The run record and its metrics. */
  void finished(
      RunManifest manifest,
      String manifestKey,
      Duration duration,
      AwsCallCounter.Counts calls,
      Instant end) {
    Map<Status, Integer> totals = manifest.totals();
    Map<String, Object> tables = new LinkedHashMap<>();
    totals.forEach((status, count) -> tables.put(status.name(), count));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run_id", manifest.runId().value());
    fields.put("mode", manifest.mode().jsonName());
    fields.put("tables", tables);
    fields.put("tables_left", tablesLeft);
    fields.put(
        "tables_reused",
        manifest.tables().stream().filter(table -> table.reusedFrom() != null).count());
    fields.put("skipped", manifest.skipped().size());
    fields.put("not_found", manifest.notFound().size());
    fields.put("duration_ms", duration.toMillis());
    fields.put("aws_calls", calls.calls());
    fields.put("aws_retries", calls.retries());
    fields.put("aws_throttles", calls.throttles());
    fields.put("manifest_key", manifestKey);
    log.log(LogLevel.INFO, LOGGER, "run finished", fields);

    Map<RunMetric, Long> values = new EnumMap<>(RunMetric.class);
    // RunMissing watches the schedule, the safety net: event runs must not hide a missing one.
    long completed =
        switch (manifest.mode()) {
          case EVENT -> 0L;
          case EXPLICIT, SINGLE, SUBSET, REGISTRY -> 1L;
        };
    values.put(RunMetric.RUNS_COMPLETED, completed);
    for (Map.Entry<Status, Integer> total : totals.entrySet()) {
      values.put(metricOf(total.getKey()), total.getValue().longValue());
    }
    values.put(RunMetric.TABLES_LEFT, (long) tablesLeft);
    values.put(RunMetric.RUN_DURATION, duration.toMillis());
    values.put(RunMetric.AWS_RETRIES, calls.retries());
    values.put(RunMetric.AWS_THROTTLES, calls.throttles());
    log.document(
        new EmbeddedMetrics(stack, end, values, Map.of("run_id", manifest.runId().value()))
            .toJson());
  }

  @Override
  public void unreadable(String messageId, String problem) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("message_id", messageId);
    fields.put("problem", problem);
    fields.put("outcome", messageId == null ? "dropped" : "batch item failure");
    log.log(LogLevel.WARN, LOGGER, "event message unreadable", fields);
  }

  @Override
  public void ignored(String messageId, String reason) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("message_id", messageId);
    fields.put("reason", reason);
    log.log(LogLevel.DEBUG, LOGGER, "event ignored", fields);
  }

  /** The record of one batch of the change-events queue. */
  void batch(int messages, EventRun.Outcome outcome) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run_id", outcome.manifest() == null ? null : outcome.manifest().runId().value());
    fields.put("messages", messages);
    fields.put("tables", outcome.tables().size());
    fields.put("failed_messages", outcome.failedMessageIds().size());
    log.log(LogLevel.INFO, LOGGER, "event batch finished", fields);
  }

  /** The record of a run that could not finish; the invocation then fails. */
  void failed(String runId, RuntimeException failure, Duration duration) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run_id", runId);
    fields.put("kind", kindOf(failure));
    fields.put("error", failure.getMessage());
    fields.put("duration_ms", duration.toMillis());
    log.log(LogLevel.ERROR, LOGGER, "run failed", fields);
  }

  /** The error kind of the first classified cause, else the exception's type. */
  static String kindOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreException store) {
        return store.kind().name();
      }
    }
    return failure.getClass().getSimpleName();
  }

  static RunMetric metricOf(Status status) {
    return switch (status) {
      case OK -> RunMetric.TABLES_OK;
      case SAFE -> RunMetric.TABLES_SAFE;
      case RISKY -> RunMetric.TABLES_RISKY;
      case BREAKING -> RunMetric.TABLES_BREAKING;
      case NO_DATA -> RunMetric.TABLES_NO_DATA;
      case ERROR -> RunMetric.TABLES_ERROR;
    };
  }
}
