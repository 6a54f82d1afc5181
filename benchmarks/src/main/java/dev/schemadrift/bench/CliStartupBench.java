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
 * "before" launcher is the previous {@code bin/schema-drift} on the same jar (scripts/bench.sh
 * takes it from git). Both get {@code XDG_CACHE_HOME=CACHE_DIR}, emptied first, so the first
 * "after" run trains the archive: it is timed and reported apart, and every later run is a cold
 * process with the archive in place, which is the state of every call but the first. Exits 1 when
 * the two launchers' stdout, stderr or exit code differ, or when no archive was written.
 */
public final class CliStartupBench {
  private static final String RUN_ID = "20261206T000000Z";

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

    List<Double> beforeTimes = new ArrayList<>();
    List<Double> afterTimes = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double beforeMillis;
      double afterMillis;
      if (round % 2 == 0) {
        beforeMillis = run(before, diff, cache).millis();
        afterMillis = run(after, diff, cache).millis();
      } else {
        afterMillis = run(after, diff, cache).millis();
        beforeMillis = run(before, diff, cache).millis();
      }
      beforeTimes.add(beforeMillis);
      afterTimes.add(afterMillis);
      ratios.add(afterMillis / beforeMillis);
    }
    System.out.printf(Locale.ROOT, "clistartup rounds=%d (alternating)%n", rounds);
    print("before", beforeTimes);
    print("after", afterTimes);
    System.out.printf(
        Locale.ROOT,
        "clistartup ratio after/before: %.2f (medians); paired per round median %.2f,"
            + " quartiles %.2f-%.2f (budget <= 0.60)%n",
        ColdStartBench.median(afterTimes) / ColdStartBench.median(beforeTimes),
        ColdStartBench.median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75));
    if (!same || archives.isEmpty()) {
      System.exit(1);
    }
  }

  private static void print(String name, List<Double> times) {
    System.out.printf(
        Locale.ROOT,
        "clistartup %-6s median=%6.1f ms quartiles=%6.1f-%6.1f min=%6.1f max=%6.1f%n",
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

  private record Result(double millis, int exit, byte[] stdout, byte[] stderr) {
    boolean sameOutput(Result other) {
      return exit == other.exit
          && Arrays.equals(stdout, other.stdout)
          && Arrays.equals(stderr, other.stderr);
    }
  }

  private static Result run(Path launcher, List<String> arguments, Path cache)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
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
    return new Result(millis, exit, stdout, stderr.join());
  }

  private static byte[] readAll(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
