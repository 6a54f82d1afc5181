package dev.schemadrift.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the CloudWatch embedded metric format specification a document must follow for
 * CloudWatch Logs to extract its metrics; used by the tests of every module that emits one.
 */
public final class EmfSpecification {
  /** The units the specification allows. */
  public static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  private EmfSpecification() {}

  /** Every rule the document breaks; empty when it is a valid EMF document. */
  public static List<String> violations(JsonNode document) {
    List<String> violations = new ArrayList<>();
    if (!document.isObject()) {
      return List.of("the document is not a JSON object");
    }
    JsonNode aws = document.get("_aws");
    if (aws == null || !aws.isObject()) {
      return List.of("no _aws object");
    }
    if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
      violations.add("_aws.Timestamp is not a positive integer (epoch milliseconds)");
    }
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray() || directives.isEmpty()) {
      violations.add("_aws.CloudWatchMetrics is not a non-empty array");
      return violations;
    }
    for (JsonNode directive : directives) {
      String namespace = directive.path("Namespace").asText("");
      if (!directive.path("Namespace").isTextual() || namespace.isEmpty()) {
        violations.add("a directive has no Namespace");
      }
      JsonNode dimensions = directive.get("Dimensions");
      if (dimensions == null || !dimensions.isArray()) {
        violations.add("a directive has no Dimensions array");
      } else {
        for (JsonNode set : dimensions) {
          if (!set.isArray() || set.size() > 30) {
            violations.add("a dimension set is not an array of at most 30 names");
            continue;
          }
          for (JsonNode name : set) {
            if (!document.path(name.asText()).isTextual()) {
              violations.add("dimension " + name + " is not a top-level string field");
            }
          }
        }
      }
      JsonNode metrics = directive.get("Metrics");
      if (metrics == null || !metrics.isArray()) {
        violations.add("a directive has no Metrics array");
        continue;
      }
      if (metrics.size() > 100) {
        violations.add("more than 100 metrics in one directive");
      }
      Set<String> names = new HashSet<>();
      for (JsonNode metric : metrics) {
        String name = metric.path("Name").asText("");
        if (name.isEmpty() || name.length() > 255) {
          violations.add("a metric has no Name of 1 to 255 characters");
        }
        if (!names.add(name)) {
          violations.add("metric " + name + " is declared twice");
        }
        if (metric.has("Unit") && !UNITS.contains(metric.get("Unit").asText())) {
          violations.add("metric " + name + " has unit " + metric.get("Unit") + " not allowed");
        }
        if (!document.path(name).isNumber()) {
          violations.add("metric " + name + " is not a top-level number");
        }
      }
    }
    return violations;
  }
}
