package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.catalog.PartitionSample;
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
 * @param sampled the table's usual partition sample as this check compared it (read now, or kept
 *     from an earlier check), for the check state; null when none was compared or the partitions
 *     were the ones change events named
 */
public record TableResult(
    DiffArtifact artifact,
    String contractKey,
    String owner,
    List<String> tags,
    String diffKey,
    String writeError,
    String reusedFrom,
    PartitionSample sampled) {

  /** A table judged in this run, or one whose verdict was kept from {@code reusedFrom}. */
  public TableResult(
      DiffArtifact artifact,
      String contractKey,
      String owner,
      List<String> tags,
      String diffKey,
      String writeError,
      String reusedFrom) {
    this(artifact, contractKey, owner, tags, diffKey, writeError, reusedFrom, null);
  }

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
