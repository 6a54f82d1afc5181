package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import java.util.List;

/**
 * One table's line in the run manifest and summary.
 *
 * @param diffKey null when the artifact could not be written (then {@code writeError} says why)
 */
public record TableResult(
    DiffArtifact artifact,
    String contractKey,
    String owner,
    List<String> tags,
    String diffKey,
    String writeError) {}
