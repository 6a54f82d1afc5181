package dev.schemadrift.snapstart;

import dev.schemadrift.log.JsonLog;
import dev.schemadrift.log.LogLevel;
import dev.schemadrift.metrics.EmbeddedMetrics;
import dev.schemadrift.metrics.RunMetric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one log record and one metrics document to nowhere, so that the classes and serializers of
 * both are in the SnapStart snapshot rather than loaded by the first invocation. Pure: a fixed
 * clock, no output.
 */
public final class TelemetryPriming {
  private TelemetryPriming() {}

  /** Returns the characters written, so that callers can show the work was done. */
  public static int prime() {
    StringBuilder written = new StringBuilder();
    JsonLog log =
        new JsonLog(LogLevel.DEBUG, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), written::append);
    log.log(
        LogLevel.INFO,
        "priming",
        "priming",
        Map.of("tables", Map.of("OK", 1), "rule_ids", List.of("COLUMN_REMOVED"), "count", 1L));
    Map<RunMetric, Long> values = new EnumMap<>(RunMetric.class);
    for (RunMetric metric : RunMetric.values()) {
      values.put(metric, 0L);
    }
    log.document(
        new EmbeddedMetrics(EmbeddedMetrics.UNKNOWN_STACK, Instant.EPOCH, values, Map.of())
            .toJson());
    return written.length();
  }
}
