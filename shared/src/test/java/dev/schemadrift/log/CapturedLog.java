package dev.schemadrift.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import dev.schemadrift.metrics.EmfSpecification;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every line a handler logs, at DEBUG, so that tests read them as the operator would: each
 * one must be a JSON object, and each metrics document must follow the EMF specification.
 */
public final class CapturedLog {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final JsonLog log = new JsonLog(LogLevel.DEBUG, Clock.systemUTC(), lines::add);

  public JsonLog log() {
    return log;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public void clear() {
    lines.clear();
  }

  /**
   * Every line parsed.
   *
   * @throws AssertionError when a line is not one JSON object
   */
  public List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines) {
      JsonNode record;
      try {
        record = Json.mapper().readTree(line);
      } catch (IOException e) {
        throw new AssertionError("a log line is not JSON: " + line, e);
      }
      if (record == null || !record.isObject() || line.contains("\n")) {
        throw new AssertionError("a log line is not one JSON object: " + line);
      }
      records.add(record);
    }
    return records;
  }

  /**
   * The EMF documents among the records.
   *
   * @throws AssertionError when one breaks a rule of the specification
   */
  public List<JsonNode> metricDocuments() {
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode record : records()) {
      if (record.has("_aws")) {
        List<String> violations = EmfSpecification.violations(record);
        if (!violations.isEmpty()) {
          throw new AssertionError("invalid EMF document " + violations + ": " + record);
        }
        documents.add(record);
      }
    }
    return documents;
  }

  /** The records with the given message, in order. */
  public List<JsonNode> withMessage(String message) {
    return records().stream()
        .filter(record -> message.equals(record.path("message").asText(null)))
        .toList();
  }
}
