package dev.schemadrift.metrics;

import dev.schemadrift.json.Json;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudWatch embedded metric format document: the values of some {@link RunMetric}s at one
 * time, in {@link RunMetric#NAMESPACE} with the stack as the one dimension. CloudWatch Logs turns
 * the log line into metrics; {@code properties} are extra top-level fields (not metrics, not
 * dimensions) that Logs Insights can query, such as the run id.
 *
 * <p>Written by hand rather than with a library: docs/PERFORMANCE.md has the measured cost.
 */
public record EmbeddedMetrics(
    String stack, Instant timestamp, Map<RunMetric, Long> values, Map<String, String> properties) {

  /** The specification's limit of metrics in one document. */
  public static final int MAX_METRICS = 100;

  /** The dimension value when the environment has no stack name (tests, the CLI, local runs). */
  public static final String UNKNOWN_STACK = "unknown";

  public EmbeddedMetrics {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(timestamp, "timestamp");
    if (stack.isBlank()) {
      throw new IllegalArgumentException("the stack dimension must not be blank");
    }
    if (values.isEmpty() || values.size() > MAX_METRICS) {
      throw new IllegalArgumentException("a document carries 1 to " + MAX_METRICS + " metrics");
    }
    values = new EnumMap<>(values);
    properties = new LinkedHashMap<>(properties);
    for (String name : properties.keySet()) {
      if (name.equals("_aws") || name.equals(RunMetric.STACK_DIMENSION) || isMetricName(name)) {
        throw new IllegalArgumentException("property " + name + " would shadow an EMF field");
      }
    }
  }

  /** The stack's name from {@code STACK_NAME}, or {@link #UNKNOWN_STACK}. */
  public static String stack(Map<String, String> environment) {
    String stack = environment.get("STACK_NAME");
    return stack == null || stack.isBlank() ? UNKNOWN_STACK : stack.strip();
  }

  private static boolean isMetricName(String name) {
    for (RunMetric metric : RunMetric.values()) {
      if (metric.metricName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The document as one line of JSON, metrics in the enum's order. */
  public String toJson() {
    return Json.writeText(
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("_aws");
          json.writeNumberField("Timestamp", timestamp.toEpochMilli());
          json.writeArrayFieldStart("CloudWatchMetrics");
          json.writeStartObject();
          json.writeStringField("Namespace", RunMetric.NAMESPACE);
          json.writeArrayFieldStart("Dimensions");
          json.writeStartArray();
          json.writeString(RunMetric.STACK_DIMENSION);
          json.writeEndArray();
          json.writeEndArray();
          json.writeArrayFieldStart("Metrics");
          for (RunMetric metric : values.keySet()) {
            json.writeStartObject();
            json.writeStringField("Name", metric.metricName());
            json.writeStringField("Unit", metric.unit().cloudWatchName());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
          json.writeStringField(RunMetric.STACK_DIMENSION, stack);
          for (Map.Entry<RunMetric, Long> value : values.entrySet()) {
            json.writeNumberField(value.getKey().metricName(), value.getValue());
          }
          for (Map.Entry<String, String> property : properties.entrySet()) {
            json.writeStringField(property.getKey(), property.getValue());
          }
          json.writeEndObject();
        });
  }
}
