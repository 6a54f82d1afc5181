package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.RunId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report bucket's keys as the report generator reads and writes them, from the one {@link
 * BucketLayout} that SchemaDiffFunction writes with too; plus parsing of the keys events name.
 */
public final class ReportKeys {
  /** The index's source of truth: every table's latest result and recent history. */
  public static final String STATE = BucketLayout.INDEX_STATE;

  public static final String INDEX = BucketLayout.INDEX;

  private static final String NAME = "[a-z0-9_]{1,255}";
  private static final String RUN = "\\d{8}T\\d{6}Z";
  private static final Pattern DIFF =
      Pattern.compile("diffs/(" + NAME + ")\\.(" + NAME + ")/(" + RUN + ")\\.diff\\.json");
  private static final Pattern MANIFEST = Pattern.compile("runs/(" + RUN + ")\\.json");

  private ReportKeys() {}

  /** A table's folder under {@code reports/}, {@code diffs/}. */
  public static String folder(TableName table) {
    return BucketLayout.folder(table);
  }

  public static String diff(TableName table, String runId) {
    return BucketLayout.diff(table, runId);
  }

  public static String markdownReport(TableName table, String runId) {
    return BucketLayout.reportFolder(table) + runId + ".report.md";
  }

  public static String htmlReport(TableName table, String runId) {
    return BucketLayout.reportFolder(table) + runId + ".report.html";
  }

  public static String latest(TableName table) {
    return BucketLayout.reportFolder(table) + "latest.html";
  }

  /** The table and run a diff key names. */
  public record DiffKey(TableName table, RunId run) {}

  /**
   * Parses {@code diffs/<db>.<table>/<run>.diff.json}.
   *
   * @throws IllegalArgumentException for any other shape
   */
  public static DiffKey parseDiff(String key) {
    Matcher matcher = key == null ? null : DIFF.matcher(key);
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
    Matcher matcher = key == null ? null : MANIFEST.matcher(key);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + key + "' is not a manifest key of the form runs/<run>.json");
    }
    return new RunId(matcher.group(1));
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
}
