package dev.schemadrift.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the JMH part of the summary from JMH's JSON result file: each score with its error (99.9%
 * confidence interval, as JMH reports it) and the ratios that the budgets in docs/PERFORMANCE.md
 * are stated in. Usage: {@code BenchSummary target/bench/jmh.json}.
 */
public final class BenchSummary {
  private BenchSummary() {}

  private record Score(double value, double error, String unit) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f ± %.1f %s", value, error, unit);
    }
  }

  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Score> scores = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String name = result.get("benchmark").asText().replace("dev.schemadrift.bench.", "");
      JsonNode params = result.get("params");
      if (params != null && params.has("shape")) {
        name += "[" + params.get("shape").asText() + "]";
      }
      JsonNode metric = result.get("primaryMetric");
      double error = metric.get("scoreError").asDouble();
      scores.put(
          name,
          new Score(
              metric.get("score").asDouble(),
              Double.isNaN(error) ? 0 : error,
              metric.get("scoreUnit").asText()));
    }
    System.out.println("== JMH scores (score ± 99.9% error)");
    scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "%-58s %s%n", name, score));

    System.out.println("== Ratios (same run)");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiff",
        "ParseDiffBenchmark.orcParseOnly",
        "ORC parse only");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiff",
        "ParseDiffBenchmark.icebergConvertAndCheck",
        "Iceberg convert + check");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiff",
        "ParseDiffBenchmark.avroConvertAndCheck",
        "Avro convert + check");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiffColdCache",
        "ParseDiffBenchmark.orcParseOnly",
        "ORC parse only (our cache cold)");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiffColdCache",
        "ParseDiffBenchmark.icebergConvertAndCheck",
        "Iceberg (our cache cold)");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseAndDiffColdCache",
        "ParseDiffBenchmark.avroConvertAndCheck",
        "Avro (our cache cold)");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseOnlyUncached",
        "ParseDiffBenchmark.originalParseOnly",
        "parser before this work");
    ratio(
        scores,
        "ParseDiffBenchmark.oursParseOnlyUncached",
        "ParseDiffBenchmark.orcParseOnly",
        "ORC parser (both uncached)");
    for (String parser : new String[] {"oursParse", "originalParse", "orcParse"}) {
      Score depth10 = scores.get("ShapeBenchmark." + parser + "[depth10]");
      Score depth100 = scores.get("ShapeBenchmark." + parser + "[depth100]");
      Score depth1000 = scores.get("ShapeBenchmark." + parser + "[depth1000]");
      if (depth10 != null && depth100 != null && depth1000 != null) {
        System.out.printf(
            Locale.ROOT,
            "depth %-14s per level: %.3f / %.3f / %.3f us at depth 10 / 100 / 1000"
                + " (1000 vs 100: x%.1f for x10 the depth)%n",
            parser,
            depth10.value() / 10,
            depth100.value() / 100,
            depth1000.value() / 1000,
            depth1000.value() / depth100.value());
      }
    }
  }

  private static void ratio(Map<String, Score> scores, String ours, String peer, String label) {
    Score mine = scores.get(ours);
    Score theirs = scores.get(peer);
    if (mine == null || theirs == null) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "ratio %-44s ours/peer = %.4f  (peer is x%.1f slower)%n",
        label,
        mine.value() / theirs.value(),
        theirs.value() / mine.value());
  }
}
