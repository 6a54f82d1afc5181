package dev.schemadrift.bench;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.type.TypeParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.SchemaCompatibility;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.CheckCompatibility;
import org.apache.orc.TypeDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + diff of the 1,000-column pair ({@link WideSchemas#widePair}), ours and the peers', in one
 * JMH run so that the ratios compare like with like on the same (shared, noisy) machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ParseDiffBenchmark {
  private static final RunId RUN = new RunId("20261126T080000Z");

  private WideSchemas.Pair pair;
  private List<String> allTypes;

  @Setup
  public void setUp() {
    pair = WideSchemas.widePair();
    allTypes =
        java.util.stream.Stream.concat(pair.expectedTypes().stream(), pair.actualTypes().stream())
            .toList();
  }

  /** The product path: parse the contract's and the table's types, diff, apply the policy. */
  @Benchmark
  public DiffArtifact oursParseAndDiff() {
    return TableCheck.compared(
        RUN,
        null,
        WideSchemas.contract(pair.expected()),
        WideSchemas.table(pair.actual()),
        null,
        false);
  }

  /**
   * The same with an empty type cache at the start of every operation: each distinct type string is
   * parsed once (what the first table of a given shape costs).
   */
  @Benchmark
  public DiffArtifact oursParseAndDiffColdCache() {
    TypeParser.clearCache();
    return oursParseAndDiff();
  }

  /**
   * The same with type strings that are new String objects on every operation, as Glue's JSON gives
   * them: the cache must hash and compare the characters (copying them is included).
   */
  @Benchmark
  public DiffArtifact oursParseAndDiffFreshStrings() {
    List<String[]> expected = new java.util.ArrayList<>(pair.expected().size());
    for (String[] column : pair.expected()) {
      expected.add(new String[] {column[0], new String(column[1])});
    }
    List<String[]> actual = new java.util.ArrayList<>(pair.actual().size());
    for (String[] column : pair.actual()) {
      actual.add(new String[] {column[0], new String(column[1])});
    }
    return TableCheck.compared(
        RUN, null, WideSchemas.contract(expected), WideSchemas.table(actual), null, false);
  }

  /** The product parser alone on the 2,000 type strings, cache bypassed: every string parsed. */
  @Benchmark
  public void oursParseOnlyUncached(Blackhole blackhole) {
    for (String type : allTypes) {
      blackhole.consume(TypeParser.parseUncached(type));
    }
  }

  /** The parser as it was before this work, on the same strings. */
  @Benchmark
  public void originalParseOnly(Blackhole blackhole) {
    for (String type : allTypes) {
      blackhole.consume(OriginalTypeParser.parse(type));
    }
  }

  /** Apache ORC's Hive type-string parser on the same strings (it has no diff). */
  @Benchmark
  public void orcParseOnly(Blackhole blackhole) {
    for (String type : allTypes) {
      blackhole.consume(TypeDescription.fromString(type));
    }
  }

  /** Apache Iceberg: convert both sides from type strings, then CheckCompatibility. */
  @Benchmark
  public List<String> icebergConvertAndCheck() {
    Schema[] schemas = IcebergSchemas.convert(pair.expected(), pair.actual());
    return CheckCompatibility.readCompatibilityErrors(schemas[0], schemas[1]);
  }

  /** Apache Avro: convert both sides from type strings, then SchemaCompatibility. */
  @Benchmark
  public SchemaCompatibility.SchemaPairCompatibility avroConvertAndCheck() {
    return SchemaCompatibility.checkReaderWriterCompatibility(
        AvroSchemas.convert(pair.expected()), AvroSchemas.convert(pair.actual()));
  }
}
