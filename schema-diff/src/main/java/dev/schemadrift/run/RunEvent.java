package dev.schemadrift.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whatever invoked the function into a {@link RunRequest}: the EventBridge schedule envelope,
 * a Scheduler {@code Input}, {@code {}}, or a hand-written {@code aws lambda invoke} payload
 * ({@code contract_key}, {@code tables}, {@code run_id}, {@code full}). Envelope fields it does not
 * use are ignored; the fields it uses are checked.
 */
public final class RunEvent {
  private RunEvent() {}

  /**
   * @param now the invocation's clock reading, used when the event carries no time
   * @throws IllegalArgumentException naming the field, for a payload that cannot be a request
   */
  public static RunRequest read(byte[] payload, Instant now) {
    JsonNode event;
    try {
      event =
          payload.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("the event is not JSON: " + e.getMessage(), e);
    }
    if (event == null || event.isNull() || event.isMissingNode()) {
      event = Json.mapper().createObjectNode();
    }
    if (!event.isObject()) {
      throw new IllegalArgumentException("the event must be a JSON object");
    }
    RunId runId = runId(event, now);
    String contractKey = text(event, "contract_key");
    List<String> tables = new ArrayList<>();
    JsonNode list = event.get("tables");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException(
            "\"tables\" must be an array of \"database.table\" names");
      }
      for (JsonNode name : list) {
        if (!name.isTextual() || !name.textValue().matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+")) {
          throw new IllegalArgumentException(
              "\"tables\" entries must be \"database.table\" names, not " + name);
        }
        tables.add(name.textValue());
      }
    }
    if (contractKey != null && !tables.isEmpty()) {
      throw new IllegalArgumentException("give either \"contract_key\" or \"tables\", not both");
    }
    JsonNode full = event.get("full");
    if (full != null && !full.isNull() && !full.isBoolean()) {
      throw new IllegalArgumentException("\"full\" must be true or false, not " + full);
    }
    return new RunRequest(runId, contractKey, tables).withFull(full != null && full.asBoolean());
  }

  /**
   * The run id: given, else the schedule's time (a retried event maps to the same run), else now.
   */
  private static RunId runId(JsonNode event, Instant now) {
    String given = text(event, "run_id");
    if (given != null) {
      return new RunId(given);
    }
    for (String field : new String[] {"scheduled_time", "time"}) {
      String time = text(event, field);
      if (time != null) {
        try {
          return RunId.of(Instant.parse(time));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "\"" + field + "\" is not an ISO-8601 UTC time: " + time, e);
        }
      }
    }
    return RunId.of(now);
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
    }
    return value.textValue();
  }
}
