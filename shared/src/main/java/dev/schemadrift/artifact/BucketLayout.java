package dev.schemadrift.artifact;

/**
 * The report bucket's layout (DESIGN.md §4), written down once for both functions and the CLI. Keys
 * are built only from validated Glue names and run ids, never from raw contract text.
 */
public final class BucketLayout {
  /** Where the registry cursor of {@code MAX_TABLES_PER_RUN} lives. */
  public static final String CURSOR = "state/cursor.json";

  /** The index's source of truth: every table's latest result and recent history. */
  public static final String INDEX_STATE = "state/index.json";

  public static final String INDEX = "index.html";

  private BucketLayout() {}

  /** A table's folder under {@code diffs/} and {@code reports/}: {@code <db>.<table>}. */
  public static String folder(DiffArtifact.TableName table) {
    return table.database() + "." + table.name();
  }

  /** {@code diffs/<db>.<table>/<run>.diff.json} */
  public static String diff(DiffArtifact.TableName table, String runId) {
    return "diffs/" + folder(table) + "/" + runId + ".diff.json";
  }

  /** {@code runs/<run>.json} */
  public static String manifest(String runId) {
    return "runs/" + runId + ".json";
  }

  /** {@code reports/<db>.<table>/} */
  public static String reportFolder(DiffArtifact.TableName table) {
    return "reports/" + folder(table) + "/";
  }
}
