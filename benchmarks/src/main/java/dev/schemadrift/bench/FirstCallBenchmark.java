package dev.schemadrift.bench;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import java.util.concurrent.TimeUnit;
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

/**
 * The first parse + diff of the 1,000-column pair in a fresh JVM: class loading, interpreter and
 * the first JIT tiers included. Every fork is a new JVM measured once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(15)
@State(Scope.Benchmark)
public class FirstCallBenchmark {
  private WideSchemas.Pair pair;

  @Setup
  public void setUp() {
    pair = WideSchemas.widePair();
  }

  @Benchmark
  public DiffArtifact oursFirstParseAndDiff() {
    return TableCheck.compared(
        new RunId("20261126T080000Z"),
        null,
        WideSchemas.contract(pair.expected()),
        WideSchemas.table(pair.actual()),
        null,
        false);
  }
}
