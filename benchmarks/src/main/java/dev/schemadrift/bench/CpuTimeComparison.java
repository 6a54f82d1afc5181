package dev.schemadrift.bench;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.type.TypeParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.SchemaCompatibility;
import org.apache.iceberg.types.CheckCompatibility;
import org.apache.orc.TypeDescription;

/**
 * The parse + diff comparison of {@link ParseDiffBenchmark} in thread CPU time rather than wall
 * time: on a shared machine a thread that waits for a core is not charged, so the figures move far
 * less with other processes' load. Variants are interleaved round by round after a warm-up of
 * {@value #WARM_UP_ROUNDS} rounds; the median round is reported. A complement to JMH, not a
 * replacement (no forks, no blackholes: each result is kept in a field).
 */
public final class CpuTimeComparison {
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static final int WARM_UP_ROUNDS = 20;
  private static volatile Object sink;

  private CpuTimeComparison() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    WideSchemas.Pair pair = WideSchemas.widePair();
    List<String> all =
        Stream.concat(pair.expectedTypes().stream(), pair.actualTypes().stream()).toList();
    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put("oursParseAndDiff", () -> sink = check(pair));
    variants.put(
        "oursParseAndDiffColdCache",
        () -> {
          TypeParser.clearCache();
          sink = check(pair);
        });
    variants.put(
        "oursParseOnlyUncached", () -> all.forEach(t -> sink = TypeParser.parseUncached(t)));
    variants.put("originalParseOnly", () -> all.forEach(t -> sink = OriginalTypeParser.parse(t)));
    variants.put("orcParseOnly", () -> all.forEach(t -> sink = TypeDescription.fromString(t)));
    variants.put(
        "icebergConvertAndCheck",
        () -> {
          var schemas = IcebergSchemas.convert(pair.expected(), pair.actual());
          sink = CheckCompatibility.readCompatibilityErrors(schemas[0], schemas[1]);
        });
    variants.put(
        "avroConvertAndCheck",
        () ->
            sink =
                SchemaCompatibility.checkReaderWriterCompatibility(
                    AvroSchemas.convert(pair.expected()), AvroSchemas.convert(pair.actual())));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    // 20 warm-up rounds (1,200 operations of each fast variant): with 5, the methods that run once
    // per operation were often not yet compiled by C2 when measuring started, so the figures mixed
    // interpreted and C1 code (on a busy 2-core machine the JIT threads wait for a core too).
    for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
      for (Map.Entry<String, Runnable> variant : variants.entrySet()) {
        // Enough operations for ~50 ms of CPU per round even for the fast variants.
        int operations =
            variant.getKey().startsWith("iceberg") || variant.getKey().startsWith("avro") ? 3 : 60;
        long start = threads.getCurrentThreadCpuTime();
        for (int operation = 0; operation < operations; operation++) {
          variant.getValue().run();
        }
        double perOperation = (threads.getCurrentThreadCpuTime() - start) / 1e3 / operations;
        if (round >= 0) {
          micros.computeIfAbsent(variant.getKey(), key -> new ArrayList<>()).add(perOperation);
        }
      }
    }
    double ours = ColdStartBench.median(micros.get("oursParseAndDiff"));
    double cold = ColdStartBench.median(micros.get("oursParseAndDiffColdCache"));
    for (Map.Entry<String, List<Double>> entry : micros.entrySet()) {
      List<Double> sorted = entry.getValue().stream().sorted().toList();
      double median = ColdStartBench.median(entry.getValue());
      System.out.printf(
          Locale.ROOT,
          "cputime %-28s median=%9.1f us/op (quartiles %.1f..%.1f)  x_ours_warm=%.1f"
              + " x_ours_cold=%.1f%n",
          entry.getKey(),
          median,
          sorted.get(sorted.size() / 4),
          sorted.get(sorted.size() * 3 / 4),
          median / ours,
          median / cold);
    }
  }

  private static Object check(WideSchemas.Pair pair) {
    return TableCheck.compared(
        RUN,
        null,
        WideSchemas.contract(pair.expected()),
        WideSchemas.table(pair.actual()),
        null,
        false);
  }
}
