package dev.schemadrift.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {
  private static final Instant AT = Instant.parse("2026-11-26T08:00:00.123Z");

  private static JsonNode parse(String line) throws Exception {
    return Json.mapper().readTree(line);
  }

  @Test
  void everyMetricInOneDocumentFollowsTheSpecification() throws Exception {
    Map<RunMetric, Long> values = new EnumMap<>(RunMetric.class);
    for (RunMetric metric : RunMetric.values()) {
      values.put(metric, (long) metric.ordinal());
    }
    String line = new EmbeddedMetrics("prod-stack", AT, values, Map.of("run_id", "r1")).toJson();

    JsonNode document = parse(line);

    assertFalse(line.contains("\n"), line);
    assertEquals(List.of(), EmfSpecification.violations(document), line);
    assertEquals(AT.toEpochMilli(), document.at("/_aws/Timestamp").asLong());
    JsonNode directive = document.at("/_aws/CloudWatchMetrics/0");
    assertEquals(RunMetric.NAMESPACE, directive.get("Namespace").asText());
    assertEquals("[[\"Stack\"]]", directive.get("Dimensions").toString());
    assertEquals("prod-stack", document.get("Stack").asText());
    assertEquals("r1", document.get("run_id").asText());
    assertEquals(RunMetric.values().length, directive.get("Metrics").size());
    for (RunMetric metric : RunMetric.values()) {
      assertEquals(metric.ordinal(), document.get(metric.metricName()).asLong());
    }
    for (JsonNode metric : directive.get("Metrics")) {
      RunMetric declared =
          List.of(RunMetric.values()).stream()
              .filter(candidate -> candidate.metricName().equals(metric.get("Name").asText()))
              .findFirst()
              .orElseThrow();
      assertEquals(declared.unit().cloudWatchName(), metric.get("Unit").asText());
    }
  }

  @Test
  void everyUnitOfTheCatalogueIsAllowedBySpecification() {
    for (RunMetric.Unit unit : RunMetric.Unit.values()) {
      assertTrue(EmfSpecification.UNITS.contains(unit.cloudWatchName()), unit.name());
    }
  }

  @Test
  void theValidatorRejectsDocumentsThatBreakTheRules() throws Exception {
    assertFalse(EmfSpecification.violations(parse("{\"Stack\":\"s\",\"X\":1}")).isEmpty());
    String noDimensionField =
        "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
            + "\"Dimensions\":[[\"Stack\"]],\"Metrics\":[{\"Name\":\"X\",\"Unit\":\"Count\"}]}]},"
            + "\"X\":1}";
    assertFalse(EmfSpecification.violations(parse(noDimensionField)).isEmpty());
    String badUnitAndValue =
        "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
            + "\"Dimensions\":[[\"Stack\"]],\"Metrics\":[{\"Name\":\"X\",\"Unit\":\"Tables\"}]}]},"
            + "\"Stack\":\"s\",\"X\":\"one\"}";
    assertEquals(2, EmfSpecification.violations(parse(badUnitAndValue)).size());
  }

  @Test
  void theStackComesFromTheEnvironmentOrIsUnknown() {
    assertEquals("prod", EmbeddedMetrics.stack(Map.of("STACK_NAME", " prod ")));
    assertEquals(EmbeddedMetrics.UNKNOWN_STACK, EmbeddedMetrics.stack(Map.of()));
  }

  @Test
  void aDocumentWithoutMetricsOrWithAShadowingPropertyIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new EmbeddedMetrics("s", AT, Map.of(), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EmbeddedMetrics(
                "s", AT, Map.of(RunMetric.RUNS_COMPLETED, 1L), Map.of("Stack", "other")));
  }
}
