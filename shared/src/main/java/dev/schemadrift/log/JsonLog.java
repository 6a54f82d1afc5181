package dev.schemadrift.log;

import dev.schemadrift.json.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes log records as single-line JSON objects ({@code timestamp}, {@code level}, {@code logger},
 * {@code message}, then the record's fields), so they read the same whether the function's log
 * format is JSON or text, and CloudWatch Logs Insights can query every field.
 */
public final class JsonLog {
  private final LogLevel threshold;
  private final Clock clock;
  private final Consumer<String> lines;

  /**
   * @param lines receives each record as one line without its line break
   */
  public JsonLog(LogLevel threshold, Clock clock, Consumer<String> lines) {
    this.threshold = Objects.requireNonNull(threshold, "threshold");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lines = Objects.requireNonNull(lines, "lines");
  }

  /**
   * Records to standard output (Lambda sends it to CloudWatch Logs), threshold from the
   * environment.
   */
  public static JsonLog standardOutput(Map<String, String> environment) {
    return new JsonLog(
        LogLevel.fromEnvironment(environment), Clock.systemUTC(), line -> System.out.println(line));
  }

  public boolean enabled(LogLevel level) {
    return threshold.admits(level);
  }

  /**
   * Writes one record if its level passes the threshold.
   *
   * @param fields written after the fixed fields, in the map's order; values are JSON-serialisable
   *     (strings, numbers, booleans, lists and maps of them)
   */
  public void log(LogLevel level, String logger, String message, Map<String, ?> fields) {
    if (!enabled(level)) {
      return;
    }
    String timestamp = clock.instant().toString();
    lines.accept(
        Json.writeText(
            json -> {
              json.writeStartObject();
              json.writeStringField("timestamp", timestamp);
              json.writeStringField("level", level.name());
              json.writeStringField("logger", logger);
              json.writeStringField("message", message);
              for (Map.Entry<String, ?> field : fields.entrySet()) {
                json.writeFieldName(field.getKey());
                json.writeObject(field.getValue());
              }
              json.writeEndObject();
            }));
  }

  /** Writes a prepared one-line JSON document whatever the threshold (metrics must not be lost). */
  public void document(String json) {
    if (json.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a log document must be one line");
    }
    lines.accept(json);
  }
}
