package dev.schemadrift.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.rule.RuleId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The differential check of the rules engine: generates random contract/table pairs ({@link
 * PairGenerator}), runs each through the public pipeline (the readers, {@code TableCheck}, {@code
 * ArtifactJson}) and writes one line per pair, {@code <index> <sha-256>}, so that two builds of
 * {@code shared} can be compared byte for byte with {@code cmp}.
 *
 * <p>Run it through {@code scripts/differential.sh [BASE_REF] [COUNT]}, which builds {@code shared}
 * at both commits and runs this class against each. By hand, with the classes of this package, a
 * {@code shared} jar and its dependencies on the class path:
 *
 * <pre>
 * java -cp ... dev.schemadrift.bench.differential.DifferentialCheck SEED COUNT OUT_FILE [SAMPLE_EVERY]
 * java -cp ... dev.schemadrift.bench.differential.DifferentialCheck show SEED INDEX...
 * </pre>
 *
 * The first form also writes every SAMPLE_EVERY-th artifact (default 500) to {@code
 * OUT_FILE.samples} and prints a coverage summary; the second prints the inputs and the outcome of
 * single pairs. Only API that a refactoring of the engine keeps is used here, and the generator
 * uses none of the project's code, so both builds read identical inputs.
 */
public final class DifferentialCheck {
  private static final RunId RUN = new RunId(PairGenerator.RUN_ID);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] STATUSES = {"OK", "SAFE", "RISKY", "BREAKING", "NO_DATA", "ERROR"};

  private DifferentialCheck() {}

  /** What became of one pair: an artifact, a refused input or an unexpected exception. */
  enum OutcomeKind {
    ARTIFACT,
    CONTRACT_REFUSED,
    TABLE_REFUSED,
    EXCEPTION
  }

  /** The outcome's kind and its bytes (the artifact JSON, or the message). */
  record Outcome(OutcomeKind kind, byte[] bytes) {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("show")) {
      PairGenerator generator = new PairGenerator(Long.parseLong(args[1]));
      for (int argument = 2; argument < args.length; argument++) {
        show(generator.generate(Integer.parseInt(args[argument])), System.out);
      }
      return;
    }
    if (args.length < 3) {
      System.err.println(
          "usage: DifferentialCheck SEED COUNT OUT_FILE [SAMPLE_EVERY]"
              + " | DifferentialCheck show SEED INDEX...");
      System.exit(2);
    }
    long seed = Long.parseLong(args[0]);
    int count = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    int sampleEvery = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    run(seed, count, out, sampleEvery);
  }

  private static void run(long seed, int count, Path out, int sampleEvery) throws IOException {
    PairGenerator generator = new PairGenerator(seed);
    Coverage coverage = new Coverage();
    long started = System.nanoTime();
    Path samples = Path.of(out + ".samples");
    try (BufferedWriter hashes = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        BufferedWriter sampleFile = Files.newBufferedWriter(samples, StandardCharsets.UTF_8)) {
      for (int index = 0; index < count; index++) {
        PairGenerator.GeneratedPair pair = generator.generate(index);
        Outcome outcome = check(pair);
        hashes.write(index + " " + sha256(outcome) + "\n");
        if (index % sampleEvery == 0) {
          sampleFile.write("=== pair " + index + " (" + outcome.kind() + ")\n");
          sampleFile.write(new String(outcome.bytes(), StandardCharsets.UTF_8));
          sampleFile.write("\n");
        }
        coverage.add(pair, outcome);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    coverage.print(System.out, count, millis);
  }

  /** Runs one pair through the pipeline as a run does: read, compare or report missing, write. */
  static Outcome check(PairGenerator.GeneratedPair pair) {
    try {
      Contract contract;
      try {
        contract = ContractReader.read(pair.contractSource(), pair.contractJson());
      } catch (InvalidDocumentException e) {
        return message(OutcomeKind.CONTRACT_REFUSED, e);
      }
      DiffArtifact.ContractInfo info =
          new DiffArtifact.ContractInfo(
              pair.contractSource(), pair.contractVersion(), hex(digest(pair.contractJson())));
      DiffArtifact.DataProbe probe =
          pair.probeLocation() == null
              ? null
              : new DiffArtifact.DataProbe(pair.probeLocation(), true);
      return switch (pair.route()) {
        case MISSING ->
            written(TableCheck.missing(RUN, info, contract, probe, pair.whyNotCreated()));
        case COMPARED -> compared(pair, info, contract, probe);
      };
    } catch (RuntimeException e) {
      // Any other failure is an outcome too: both builds must fail alike.
      return new Outcome(
          OutcomeKind.EXCEPTION,
          (e.getClass().getName() + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Outcome compared(
      PairGenerator.GeneratedPair pair,
      DiffArtifact.ContractInfo info,
      Contract contract,
      DiffArtifact.DataProbe probe) {
    GlueTable table;
    try {
      table = GlueTableReader.readOne(pair.tableSource(), pair.tableJson());
    } catch (InvalidDocumentException e) {
      return message(OutcomeKind.TABLE_REFUSED, e);
    }
    return written(TableCheck.compared(RUN, info, contract, table, probe, pair.createdTable()));
  }

  private static Outcome written(DiffArtifact artifact) {
    return new Outcome(OutcomeKind.ARTIFACT, ArtifactJson.write(artifact));
  }

  private static Outcome message(OutcomeKind kind, RuntimeException e) {
    return new Outcome(kind, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(Outcome outcome) {
    MessageDigest digest = newDigest();
    digest.update(outcome.kind().name().getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    digest.update(outcome.bytes());
    return hex(digest.digest());
  }

  private static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static void show(PairGenerator.GeneratedPair pair, PrintStream out) throws IOException {
    out.println("=== pair " + pair.index() + " (" + pair.route() + ")");
    out.println("--- contract " + pair.contractSource());
    out.println(
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(pair.contractJson())));
    if (pair.route() == PairGenerator.Route.COMPARED) {
      out.println("--- table " + pair.tableSource());
      out.println(
          MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(pair.tableJson())));
    }
    Outcome outcome = check(pair);
    out.println("--- outcome " + outcome.kind() + " " + sha256(outcome));
    out.println(new String(outcome.bytes(), StandardCharsets.UTF_8));
  }

  private static JsonNode tree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /** Counts what the pairs reached: statuses, rules (with severities), error kinds, profiles. */
  private static final class Coverage {
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> errorKinds = new TreeMap<>();
    private final Map<String, Integer> profiles = new TreeMap<>();
    private final Map<String, Integer> contractFormats = new TreeMap<>();
    private final Map<String, int[]> rules = new TreeMap<>();

    void add(PairGenerator.GeneratedPair pair, Outcome outcome) {
      increment(outcomes, outcome.kind().name());
      if (outcome.kind() != OutcomeKind.ARTIFACT) {
        return;
      }
      JsonNode artifact;
      try {
        artifact = MAPPER.readTree(outcome.bytes());
      } catch (IOException e) {
        throw new IllegalStateException("pair " + pair.index() + ": unreadable artifact", e);
      }
      increment(statuses, artifact.path("status").asText());
      JsonNode error = artifact.path("error");
      if (error.isObject()) {
        increment(errorKinds, error.path("kind").asText());
      }
      JsonNode catalog = artifact.path("catalog");
      if (catalog.isObject()) {
        increment(
            profiles,
            catalog.path("profile").asText()
                + " / "
                + catalog.path("file_family").asText()
                + (catalog.path("partitioned").asBoolean() ? " / partitioned" : ""));
      }
      increment(contractFormats, pair.format());
      Set<String> seen = new HashSet<>();
      for (JsonNode finding : artifact.path("findings")) {
        String rule = finding.path("rule").asText();
        int[] counts = rules.computeIfAbsent(rule, ignored -> new int[6]);
        if (seen.add(rule)) {
          counts[0]++;
        }
        counts[1]++;
        switch (finding.path("severity").asText()) {
          case "SAFE" -> counts[2]++;
          case "RISKY" -> counts[3]++;
          case "BREAKING" -> counts[4]++;
          default -> throw new IllegalStateException("unknown severity in pair " + pair.index());
        }
        if (finding.path("waiver").path("state").asText().equals("ACCEPTED")) {
          counts[5]++;
        }
      }
    }

    private static void increment(Map<String, Integer> counts, String key) {
      counts.merge(key, 1, Integer::sum);
    }

    void print(PrintStream out, int count, long millis) {
      out.printf(Locale.ROOT, "pairs: %d in %.1f s%n", count, millis / 1000.0);
      out.println("outcomes: " + outcomes);
      StringBuilder statusLine = new StringBuilder("statuses:");
      for (String status : STATUSES) {
        statusLine.append(' ').append(status).append('=').append(statuses.getOrDefault(status, 0));
      }
      out.println(statusLine);
      out.println("error kinds: " + errorKinds);
      out.println("contract formats (judged pairs): " + contractFormats);
      out.println("profiles: " + profiles);
      out.printf(
          Locale.ROOT,
          "%-36s %8s %9s %8s %8s %9s %7s%n",
          "rule",
          "pairs",
          "findings",
          "SAFE",
          "RISKY",
          "BREAKING",
          "waived");
      StringBuilder gaps = new StringBuilder();
      for (RuleId rule : RuleId.values()) {
        int[] counts = rules.getOrDefault(rule.name(), new int[6]);
        out.printf(
            Locale.ROOT,
            "%-36s %8d %9d %8d %8d %9d %7d%n",
            rule.name(),
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
            counts[5]);
        if (counts[0] == 0) {
          gaps.append(' ').append(rule.name());
        }
      }
      for (String status : new String[] {"OK", "SAFE", "RISKY", "BREAKING", "ERROR"}) {
        if (!statuses.containsKey(status)) {
          gaps.append(" status:").append(status);
        }
      }
      out.println(
          gaps.isEmpty() ? "coverage: every rule and status reached" : "coverage gaps:" + gaps);
    }
  }
}
