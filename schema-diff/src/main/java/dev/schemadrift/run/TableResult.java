package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import java.util.List;

/**
 * One table's line in the run manifest and summary.
 *
 * @param artifact the table's artifact; for a kept verdict ({@code reusedFrom} set) a summary of
 *     the earlier artifact (status, counts, contract, data probe, no findings), which stays at
 *     {@code diffKey}
 * @param diffKey null when the artifact could not be written (then {@code writeError} says why)
 * @param reusedFrom the earlier run whose verdict this scheduled or event run kept because none of
 *     its inputs changed (the manifest's {@code reused_from}); null when the table was judged in
 *     this run
 */
public record TableResult(
    DiffArtifact artifact,
    String contractKey,
    String owner,
    List<String> tags,
    String diffKey,
    String writeError,
    String reusedFrom) {

  /** A table judged in this run. */
  public TableResult(
      DiffArtifact artifact,
      String contractKey,
      String owner,
      List<String> tags,
      String diffKey,
      String writeError) {
    this(artifact, contractKey, owner, tags, diffKey, writeError, null);
  }
}
