package dev.schemadrift.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local scale run: generates {@code DATABASES x TABLES_PER_DATABASE} tables ({@link
 * ScaleRegistry}) and runs the real CLI ({@code schema-drift check}, local folders) on them in a
 * fresh JVM under {@code /usr/bin/time -v}, at each given concurrency, reporting wall time, peak
 * RSS and tables per second.
 *
 * <p>Usage: {@code ScaleLocalBench REPO_ROOT WORK_DIR DATABASES TABLES_PER_DATABASE CONCURRENCY...}
 */
public final class ScaleLocalBench {
  private static final Pattern WALL =
      Pattern.compile(
          "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([\\d.]+)");
  private static final Pattern RSS =
      Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

  private ScaleLocalBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    int databases = Integer.parseInt(args[2]);
    int perDatabase = Integer.parseInt(args[3]);
    List<Integer> concurrencies = new ArrayList<>();
    for (int index = 4; index < args.length; index++) {
      concurrencies.add(Integer.parseInt(args[index]));
    }
    ColdStartBench.deleteTree(work);
    long generateStart = System.nanoTime();
    List<ScaleRegistry.Table> tables = ScaleRegistry.tables(databases, perDatabase);
    Path registry = ScaleRegistry.writeLocal(work, tables);
    System.out.printf(
        Locale.ROOT,
        "scale-local generated %d tables in %d databases in %.1f s%n",
        tables.size(),
        databases,
        (System.nanoTime() - generateStart) / 1e9);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    for (int concurrency : concurrencies) {
      Path out = work.resolve("out-c" + concurrency);
      // A fresh catalog copy per run: the catalog folder is writable and must start equal.
      List<String> command =
          List.of(
              "/usr/bin/time",
              "-v",
              java.toString(),
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-jar",
              repo.resolve("cli/target/schema-drift.jar").toString(),
              "check",
              "--registry",
              registry.toString(),
              "--contracts-root",
              work.toString(),
              "--catalog",
              work.resolve("catalog").toString(),
              "--data-root",
              work.resolve("data").toString(),
              "--out",
              out.toString(),
              "--run-id",
              "20261126T080000Z",
              "--concurrency",
              Integer.toString(concurrency),
              "--quiet");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      Matcher wall = WALL.matcher(output);
      Matcher rss = RSS.matcher(output);
      if (!wall.find() || !rss.find()) {
        throw new IllegalStateException("no /usr/bin/time figures (exit " + exit + "):\n" + output);
      }
      double seconds =
          (wall.group(1) == null ? 0 : Integer.parseInt(wall.group(1)) * 3600)
              + Integer.parseInt(wall.group(2)) * 60
              + Double.parseDouble(wall.group(3));
      long artifacts;
      try (var files = Files.walk(out)) {
        artifacts = files.filter(path -> path.toString().endsWith(".json")).count();
      }
      String summary =
          output
              .lines()
              .filter(line -> line.contains("BREAKING") || line.contains("tables"))
              .findFirst()
              .orElse("");
      System.out.printf(
          Locale.ROOT,
          "scale-local tables=%d concurrency=%d exit=%d wall_s=%.1f peak_rss_mb=%.0f"
              + " tables_per_s=%.0f json_files=%d | %s%n",
          tables.size(),
          concurrency,
          exit,
          seconds,
          Long.parseLong(rss.group(1)) / 1024.0,
          tables.size() / seconds,
          artifacts,
          summary.strip());
    }
  }
}
