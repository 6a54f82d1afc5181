package dev.schemadrift.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The CLI's cold start before and after the launcher's class-data archive, side by side: {@code
 * schema-drift diff} of the example table {@code nyc_parks.parks_properties} (87 columns) through
 * two launchers, each run a fresh process, alternating and the order swapped every round.
 *
 * <p>Usage: {@code CliStartupBench REPO_ROOT BEFORE_LAUNCHER AFTER_LAUNCHER CACHE_DIR ROUNDS}. The
 * "before" launcher is {@code bin/schema-drift} of a copy of the project at an earlier commit, with
 * that commit's jar (scripts/bench.sh builds it from {@code git archive}). Both get {@code
 * XDG_CACHE_HOME=CACHE_DIR}, emptied first, so the first "after" run trains the archive: it is
 * timed and reported apart, and every later run is a cold process with the archive in place, which
 * is the state of every call but the first. Exits 1 when the two launchers' stdout, stderr or exit
 * code differ, or when no archive was written. Wall time is the budget's measure; the CPU time of
 * the process tree (from GNU time, when installed) is printed too, because on a shared machine it
 * is far steadier.
 */
public final class CliStartupBench {
  private static final String RUN_ID = "20261206T000000Z";
  private static final Path TIME = Path.of("/usr/bin/time");

  private CliStartupBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath();
    Path before = Path.of(args[1]).toAbsolutePath();
    Path after = Path.of(args[2]).toAbsolutePath();
    Path cache = Path.of(args[3]).toAbsolutePath();
    int rounds = Integer.parseInt(args[4]);
    ColdStartBench.deleteTree(cache);
    Files.createDirectories(cache);
    List<String> diff =
        List.of(
            "diff",
            "--contract",
            repo.resolve("contracts/nyc_parks/parks_properties.json").toString(),
            "--table",
            repo.resolve("examples/catalog/nyc_parks/parks_properties.json").toString(),
            "--run-id",
            RUN_ID);

    Result reference = run(before, diff, cache);
    Result first = run(after, diff, cache);
    List<String> archives;
    try (Stream<Path> files = Files.list(cache.resolve("schema-drift"))) {
      archives =
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".aot") || name.endsWith(".appcds"))
              .sorted()
              .toList();
    }
    Result second = run(after, diff, cache);
    boolean same = reference.sameOutput(first) && reference.sameOutput(second);
    System.out.printf(
        Locale.ROOT,
        "clistartup check: exit %d, stdout %d bytes, stderr %d bytes; after's output %s;"
            + " archive %s%n",
        reference.exit(),
        reference.stdout().length,
        reference.stderr().length,
        same ? "identical (first and second run)" : "DIFFERENT",
        archives.isEmpty() ? "MISSING" : String.join(", ", archives));
    System.out.printf(
        Locale.ROOT, "clistartup first run (trains the archive): %.0f ms%n", first.millis());

    List<Result> befores = new ArrayList<>();
    List<Result> afters = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      if (round % 2 == 0) {
        befores.add(run(before, diff, cache));
        afters.add(run(after, diff, cache));
      } else {
        afters.add(run(after, diff, cache));
        befores.add(run(before, diff, cache));
      }
    }
    System.out.printf(Locale.ROOT, "clistartup rounds=%d (alternating)%n", rounds);
    report(
        "wall",
        befores.stream().map(Result::millis).toList(),
        afters.stream().map(Result::millis).toList());
    if (befores.getFirst().cpuMillis() >= 0) {
      report(
          "cpu",
          befores.stream().map(Result::cpuMillis).toList(),
          afters.stream().map(Result::cpuMillis).toList());
    }
    if (!same || archives.isEmpty()) {
      System.exit(1);
    }
  }

  /** Both sides' figures and their ratio: of the medians, and the median of each round's. */
  private static void report(String measure, List<Double> before, List<Double> after) {
    print(measure, "before", before);
    print(measure, "after", after);
    List<Double> ratios = new ArrayList<>();
    for (int index = 0; index < before.size(); index++) {
      ratios.add(after.get(index) / before.get(index));
    }
    System.out.printf(
        Locale.ROOT,
        "clistartup %s ratio after/before: %.2f (medians); per round median %.2f,"
            + " quartiles %.2f-%.2f (budget <= 0.60)%n",
        measure,
        ColdStartBench.median(after) / ColdStartBench.median(before),
        ColdStartBench.median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75));
  }

  private static void print(String measure, String name, List<Double> times) {
    System.out.printf(
        Locale.ROOT,
        "clistartup %s %-6s median=%6.1f ms quartiles=%6.1f-%6.1f min=%6.1f max=%6.1f%n",
        measure,
        name,
        ColdStartBench.median(times),
        quantile(times, 0.25),
        quantile(times, 0.75),
        times.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        times.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  private static double quantile(List<Double> values, double fraction) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(int) Math.round(fraction * (sorted.length - 1))];
  }

  /** One run: wall time, CPU time of the process tree (user + system; -1 if unknown), output. */
  private record Result(double millis, double cpuMillis, int exit, byte[] stdout, byte[] stderr) {
    boolean sameOutput(Result other) {
      return exit == other.exit
          && Arrays.equals(stdout, other.stdout)
          && Arrays.equals(stderr, other.stderr);
    }
  }

  private static Result run(Path launcher, List<String> arguments, Path cache)
      throws IOException, InterruptedException {
    // GNU time writes the CPU time of the launcher and its JVM to a file, not to the streams.
    Path cpuFile = Files.createTempFile("clistartup", ".cpu");
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(TIME)) {
      command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", cpuFile.toString()));
    }
    command.add(launcher.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    long start = System.nanoTime();
    Process process = builder.start();
    // Both streams drained at once, so neither can fill its pipe and stall the child.
    CompletableFuture<byte[]> stderr =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    byte[] stdout = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    String[] cpu = Files.readString(cpuFile).strip().split("\\s+");
    Files.delete(cpuFile);
    double cpuMillis =
        cpu.length == 2 ? (Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1])) * 1000 : -1;
    return new Result(millis, cpuMillis, exit, stdout, stderr.join());
  }

  private static byte[] readAll(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
