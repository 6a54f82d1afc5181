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
 * the first JIT tiers included. Every fork is a new JVM measured once: plain, and with the class
 * archives that {@code scripts/bench.sh} trains with {@link FirstCallSteps} beforehand (AppCDS, and
 * JDK 25's AOT cache). Without an archive file those variants run as plain JVMs, with a warning.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
@State(Scope.Benchmark)
public class FirstCallBenchmark {
  private WideSchemas.Pair pair;

  @Setup
  public void setUp() {
    pair = WideSchemas.widePair();
  }

  @Benchmark
  public DiffArtifact oursFirstParseAndDiff() {
    return check();
  }

  @Benchmark
  @Fork(value = 5, jvmArgsAppend = "-XX:SharedArchiveFile=target/bench/firstcall.jsa")
  public DiffArtifact oursFirstParseAndDiffAppCds() {
    return check();
  }

  @Benchmark
  @Fork(value = 5, jvmArgsAppend = "-XX:AOTCache=target/bench/firstcall.aot")
  public DiffArtifact oursFirstParseAndDiffAotCache() {
    return check();
  }

  private DiffArtifact check() {
    return TableCheck.compared(
        new RunId("20261126T080000Z"),
        null,
        WideSchemas.contract(pair.expected()),
        WideSchemas.table(pair.actual()),
        null,
        false);
  }
}
