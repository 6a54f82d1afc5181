package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.RunId;

/**
 * One table's result to report on.
 *
 * @param diffKey where the diff artifact is; null when the run could not write it
 * @param metadata owner and tags from the manifest; null when unknown (a {@code diff_keys} event),
 *     so that the index keeps what it had
 * @param writeError why the run could not write the diff, when {@code diffKey} is null
 * @param reusedFrom for a verdict the run kept unchanged, the earlier run that judged it (whose
 *     artifact {@code diffKey} is); null when {@code run} judged the table
 */
public record ReportInput(
    TableName table,
    RunId run,
    String diffKey,
    TableMetadata metadata,
    String writeError,
    String reusedFrom) {

  /** A table judged in {@code run}. */
  public ReportInput(
      TableName table, RunId run, String diffKey, TableMetadata metadata, String writeError) {
    this(table, run, diffKey, metadata, writeError, null);
  }

  /** An input named by its diff key alone. */
  public static ReportInput ofDiffKey(String diffKey) {
    BucketLayout.DiffKey parsed = BucketLayout.parseDiff(diffKey);
    return new ReportInput(parsed.table(), parsed.run(), diffKey, null, null);
  }
}
