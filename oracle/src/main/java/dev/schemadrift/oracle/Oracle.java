package dev.schemadrift.oracle;

import io.airlift.log.Level;
import io.airlift.log.Logging;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The verdict oracle: runs every experiment in Trino's Hive connector and through the rule engine,
 * prints each side by side, writes the Markdown table, and ends with {@code oracle: N experiments,
 * A agree, D disagree, U undecided} (after a line counting the resolved disagreements). Exit 1 when
 * a disagreement has no documented resolution (or a resolution no disagreement), 2 on bad input.
 */
public final class Oracle {
  private Oracle() {}

  /** One experiment's two verdicts. */
  private record Row(Experiment experiment, Outcome engine, Outcome rules, String resolution) {
    boolean undecided() {
      return engine.verdict() == Verdict.UNDECIDED || rules.verdict() == Verdict.UNDECIDED;
    }

    boolean agrees() {
      return !undecided() && engine.verdict() == rules.verdict();
    }

    String agreement() {
      if (undecided()) {
        return "undecided";
      }
      if (agrees()) {
        return "agree";
      }
      return resolution == null ? "DISAGREE" : "disagree (resolved)";
    }
  }

  /**
   * Arguments: the experiments folder, the resolutions file, a work folder for the engine's files,
   * the Markdown report to write, then optionally {@code --only=REGEX} (the experiments whose id
   * the expression finds) and {@code --covering} (the first experiment of each rule, format,
   * partitioning and access switch: CI's bounded subset).
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4 || args.length > 6) {
      System.err.println(
          "usage: Oracle EXPERIMENTS_FOLDER RESOLUTIONS.tsv WORK_FOLDER REPORT.md"
              + " [--only=ID_REGEX] [--covering]");
      System.exit(2);
    }
    // Airlift's logging takes over System.out; the report goes to the real standard output.
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Logging.initialize().setRootLevel(Level.WARN);
    List<Experiment> experiments;
    Map<String, String> resolutions;
    try {
      List<Experiment> all = ExperimentReader.readAll(Path.of(args[0]));
      experiments = selected(all, List.of(args).subList(4, args.length));
      resolutions = Resolutions.read(Path.of(args[1]));
      if (experiments.size() < all.size()) {
        // A subset: resolutions of experiments left out are not stale.
        Set<String> ids = experiments.stream().map(Experiment::id).collect(Collectors.toSet());
        resolutions = new TreeMap<>(resolutions);
        resolutions.keySet().retainAll(ids);
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println("oracle: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Path.of(args[2]);
    deleteRecursively(work);
    List<Row> rows = new ArrayList<>();
    try (HiveConnector connector = new HiveConnector(work.toAbsolutePath())) {
      Measurement measurement = new Measurement(connector);
      for (Experiment experiment : experiments) {
        Outcome engine = measurement.measure(experiment);
        Outcome rules = RuleEngine.judge(experiment);
        Row row = new Row(experiment, engine, rules, resolutions.get(experiment.id()));
        rows.add(row);
        out.printf(
            Locale.ROOT,
            "%-52s engine %-9s rules %-9s %s%n    engine: %s%n    rules:  %s%n",
            experiment.id(),
            engine.verdict(),
            rules.verdict(),
            row.agreement(),
            engine.evidence().isEmpty() ? "same answers" : engine.evidence(),
            rules.evidence());
      }
    }
    writeReport(Path.of(args[3]), report(rows));
    long agree = rows.stream().filter(Row::agrees).count();
    long undecided = rows.stream().filter(Row::undecided).count();
    long disagree = rows.size() - agree - undecided;
    long unresolved =
        rows.stream()
            .filter(row -> !row.undecided() && !row.agrees() && row.resolution() == null)
            .count();
    // A resolution whose experiment now agrees, or no longer exists, would hide a future
    // disagreement under an old reason: it must be removed.
    List<String> stale = new ArrayList<>(resolutions.keySet());
    rows.stream()
        .filter(row -> !row.undecided() && !row.agrees())
        .forEach(row -> stale.remove(row.experiment().id()));
    for (String id : stale) {
      out.println("stale resolution in " + args[1] + ": " + id + " does not disagree; remove it");
    }
    // The last line keeps the fixed shape; how many disagreements are resolved precedes it.
    out.printf(
        Locale.ROOT,
        "resolved: %d of %d disagreements (docs/ORACLE.md), %d unresolved%n",
        disagree - unresolved,
        disagree,
        unresolved);
    out.printf(
        Locale.ROOT,
        "oracle: %d experiments, %d agree, %d disagree, %d undecided%n",
        rows.size(),
        agree,
        disagree,
        undecided);
    out.flush();
    System.exit(unresolved > 0 || !stale.isEmpty() ? 1 : 0);
  }

  /**
   * The experiments the options select, in the order read: {@code --only=REGEX} keeps those whose
   * id the expression finds, {@code --covering} then keeps the first of each rule, format,
   * partitioning and column access switch, so every rule and every format it applies to is measured
   * at least once.
   */
  static List<Experiment> selected(List<Experiment> experiments, List<String> options) {
    List<Experiment> chosen = experiments;
    boolean covering = false;
    for (String option : options) {
      if (option.startsWith("--only=")) {
        Pattern only = Pattern.compile(option.substring("--only=".length()));
        chosen =
            chosen.stream().filter(experiment -> only.matcher(experiment.id()).find()).toList();
      } else if (option.equals("--covering")) {
        covering = true;
      } else {
        throw new IllegalArgumentException(
            "unknown option '" + option + "' (expected --only=ID_REGEX or --covering)");
      }
    }
    if (!covering) {
      return chosen;
    }
    Map<String, Experiment> firstOfEach = new LinkedHashMap<>();
    for (Experiment experiment : chosen) {
      String kind =
          experiment.rule()
              + "/"
              + experiment.format().jsonName()
              + (experiment.partitioned() ? "/partitioned" : "")
              + "/"
              + experiment.access();
      firstOfEach.putIfAbsent(kind, experiment);
    }
    return List.copyOf(firstOfEach.values());
  }

  /** The table of docs/ORACLE.md: one row per experiment, outcome and verdict side by side. */
  private static String report(List<Row> rows) {
    StringBuilder text = new StringBuilder();
    text.append("| Experiment | Engine (Trino) | Rules | | Engine evidence | Findings |\n");
    text.append("|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      text.append("| `")
          .append(row.experiment().id())
          .append("` | ")
          .append(row.engine().verdict())
          .append(" | ")
          .append(row.rules().verdict())
          .append(" | ")
          .append(row.agreement())
          .append(" | ")
          .append(
              cell(row.engine().evidence().isEmpty() ? "same answers" : row.engine().evidence()))
          .append(" | ")
          .append(cell(row.rules().evidence()))
          .append(" |\n");
    }
    return text.toString();
  }

  static final String BEGIN = "<!-- BEGIN ORACLE TABLE -->";
  static final String END = "<!-- END ORACLE TABLE -->";

  /**
   * Writes the table to {@code file}; a file that already holds the markers (docs/ORACLE.md) gets
   * only the part between them replaced.
   */
  static void writeReport(Path file, String table) throws IOException {
    String text = table;
    if (Files.exists(file)) {
      String old = Files.readString(file, StandardCharsets.UTF_8);
      int begin = old.indexOf(BEGIN);
      int end = old.indexOf(END);
      if (begin >= 0 && end > begin) {
        text = old.substring(0, begin + BEGIN.length()) + "\n" + table + old.substring(end);
      }
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String cell(String text) {
    String flat = text.replace("|", "\\|").replace("\n", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
