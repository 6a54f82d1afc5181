package dev.schemadrift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void aRecordIsOneJsonObjectWithItsFieldsInOrder() {
    CapturedLines lines = new CapturedLines();
    JsonLog log = new JsonLog(LogLevel.INFO, CLOCK, lines.sink());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run_id", "r1");
    fields.put("tables", Map.of("OK", 2));
    fields.put("rule_ids", List.of("COLUMN_REMOVED"));
    fields.put("kind", null);
    fields.put("message_with_newline", "a\nb \"quoted\"");

    log.log(LogLevel.INFO, "SchemaDiffFunction", "run finished", fields);

    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-11-26T08:00:00Z\",\"level\":\"INFO\","
                + "\"logger\":\"SchemaDiffFunction\",\"message\":\"run finished\","
                + "\"run_id\":\"r1\",\"tables\":{\"OK\":2},\"rule_ids\":[\"COLUMN_REMOVED\"],"
                + "\"kind\":null,\"message_with_newline\":\"a\\nb \\\"quoted\\\"\"}"),
        lines.lines());
  }

  @Test
  void recordsBelowTheThresholdAreDroppedButDocumentsAreNot() {
    CapturedLines lines = new CapturedLines();
    JsonLog log = new JsonLog(LogLevel.WARN, CLOCK, lines.sink());

    log.log(LogLevel.INFO, "x", "dropped", Map.of());
    log.log(LogLevel.ERROR, "x", "kept", Map.of());
    log.document("{\"_aws\":{}}");

    assertEquals(2, lines.lines().size(), lines.lines().toString());
    assertThrows(IllegalArgumentException.class, () -> log.document("{\n}"));
  }

  @Test
  void theThresholdComesFromLambdaThenLogLevel() {
    assertEquals(LogLevel.INFO, LogLevel.fromEnvironment(Map.of()));
    assertEquals(LogLevel.DEBUG, LogLevel.fromEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "TRACE")));
    assertEquals(
        LogLevel.ERROR,
        LogLevel.fromEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "FATAL", "LOG_LEVEL", "DEBUG")));
    assertEquals(LogLevel.WARN, LogLevel.fromEnvironment(Map.of("LOG_LEVEL", "warn")));
  }

  @Test
  void sdkRecordsThroughTheBindingAreJsonWithTheirLevel() throws Exception {
    CapturedLines lines = new CapturedLines();
    JsonLogger logger =
        new JsonLogger(
            "software.amazon.awssdk.request", new JsonLog(LogLevel.INFO, CLOCK, lines.sink()));

    logger.debug("not shown {}", 1);
    logger.warn("Retrying {} after {}", "GetObject", new IllegalStateException("throttled"));

    assertEquals(1, lines.lines().size(), lines.lines().toString());
    JsonNode record = Json.mapper().readTree(lines.lines().getFirst());
    assertEquals("WARN", record.path("level").asText());
    assertEquals("software.amazon.awssdk.request", record.path("logger").asText());
    assertEquals("Retrying GetObject after {}", record.path("message").asText());
    assertEquals("slf4j", record.path("source").asText());
    assertEquals("java.lang.IllegalStateException", record.path("exception").asText());
  }

  /** Keeps the lines a log writes. */
  private static final class CapturedLines {
    private final List<String> lines = new ArrayList<>();

    Consumer<String> sink() {
      return lines::add;
    }

    List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
