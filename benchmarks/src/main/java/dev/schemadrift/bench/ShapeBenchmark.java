package dev.schemadrift.bench;

import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParser;
import java.util.concurrent.TimeUnit;
import org.apache.orc.TypeDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse time of single type strings: the deepest (12 levels) and widest (~4,000 characters) shapes
 * Glue holds, and synthetic nesting of depth 10, 100 and 1,000 to show time is linear in depth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ShapeBenchmark {
  @Param({"deepest12", "widest4000", "depth10", "depth100", "depth1000"})
  public String shape;

  private String type;

  @Setup
  public void setUp() {
    type =
        switch (shape) {
          case "deepest12" -> WideSchemas.deepest();
          case "widest4000" -> WideSchemas.widest();
          default -> WideSchemas.nested(Integer.parseInt(shape.substring("depth".length())));
        };
  }

  /** The product parser, its cache bypassed (a cached string would cost one hash lookup). */
  @Benchmark
  public DataType oursParse() {
    return TypeParser.parseUncached(type);
  }

  @Benchmark
  public DataType originalParse() {
    return OriginalTypeParser.parse(type);
  }

  @Benchmark
  public TypeDescription orcParse() {
    return TypeDescription.fromString(type);
  }
}
