package dev.schemadrift.artifact;

import dev.schemadrift.artifact.DiffArtifact.TableName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report bucket's layout (DESIGN.md §4), written down once for both functions and the CLI: the
 * keys they write and read, the relative links between reports, and the parsing of the keys that
 * events name. Keys are built only from validated Glue names and run ids, never from raw contract
 * text.
 */
public final class BucketLayout {
  /** Where the registry cursor of {@code MAX_TABLES_PER_RUN} lives. */
  public static final String CURSOR = "state/cursor.json";

  /** The index's source of truth: every table's latest result and recent history. */
  public static final String INDEX_STATE = "state/index.json";

  public static final String INDEX = "index.html";

  /**
   * Separates a placeholder table name from its hash ({@code <key>-<sha8>}, the name of a contract
   * too broken to name its table): no Glue name holds it, so a placeholder never equals a table a
   * contract can name.
   */
  public static final char PLACEHOLDER_SEPARATOR = '-';

  /** A Glue name, or a broken contract's placeholder name. */
  private static final String NAME =
      "(?:[a-z0-9_]{1,255}|[a-z0-9_]{1,80}" + PLACEHOLDER_SEPARATOR + "[0-9a-f]{8})";

  private static final Pattern KEY_NAME = Pattern.compile(NAME);
  private static final String RUN = "\\d{8}T\\d{6}Z";
  private static final Pattern DIFF_KEY =
      Pattern.compile("diffs/(" + NAME + ")\\.(" + NAME + ")/(" + RUN + ")\\.diff\\.json");
  private static final Pattern MANIFEST_KEY = Pattern.compile("runs/(" + RUN + ")\\.json");

  private BucketLayout() {}

  /** Whether a name may stand in a key: a Glue name, or a broken contract's placeholder name. */
  public static boolean isKeyName(String name) {
    return name != null && KEY_NAME.matcher(name).matches();
  }

  /** A table's folder under {@code diffs/} and {@code reports/}: {@code <db>.<table>}. */
  public static String folder(TableName table) {
    return table.database() + "." + table.name();
  }

  /** {@code diffs/<db>.<table>/<run>.diff.json} */
  public static String diff(TableName table, String runId) {
    return "diffs/" + folder(table) + "/" + runId + ".diff.json";
  }

  /** {@code runs/<run>.json} */
  public static String manifest(String runId) {
    return "runs/" + runId + ".json";
  }

  /** {@code reports/<db>.<table>/} */
  public static String reportFolder(TableName table) {
    return "reports/" + folder(table) + "/";
  }

  /** {@code reports/<db>.<table>/<run>.report.md} */
  public static String markdownReport(TableName table, String runId) {
    return reportFolder(table) + runId + ".report.md";
  }

  /** {@code reports/<db>.<table>/<run>.report.html} */
  public static String htmlReport(TableName table, String runId) {
    return reportFolder(table) + runId + ".report.html";
  }

  /** {@code reports/<db>.<table>/latest.html}: a copy of the table's newest HTML report. */
  public static String latest(TableName table) {
    return reportFolder(table) + "latest.html";
  }

  // Relative links, so that the reports work from S3 and from a copied folder alike.

  /** From a table's report folder to its diff JSON. */
  public static String diffFromReport(TableName table, String runId) {
    return "../../" + diff(table, runId);
  }

  /** From a table's report folder to the index. */
  public static String indexFromReport() {
    return "../../" + INDEX;
  }

  /** The table and run a diff key names. */
  public record DiffKey(TableName table, RunId run) {}

  /**
   * Parses {@code diffs/<db>.<table>/<run>.diff.json}.
   *
   * @throws IllegalArgumentException for any other shape
   */
  public static DiffKey parseDiff(String key) {
    Matcher matcher = key == null ? null : DIFF_KEY.matcher(key);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + key + "' is not a diff key of the form diffs/<db>.<table>/<run>.diff.json");
    }
    return new DiffKey(
        new TableName(matcher.group(1), matcher.group(2)), new RunId(matcher.group(3)));
  }

  /**
   * The run a manifest key names ({@code runs/<run>.json}).
   *
   * @throws IllegalArgumentException for any other shape
   */
  public static RunId parseManifest(String key) {
    Matcher matcher = key == null ? null : MANIFEST_KEY.matcher(key);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + key + "' is not a manifest key of the form runs/<run>.json");
    }
    return new RunId(matcher.group(1));
  }
}
