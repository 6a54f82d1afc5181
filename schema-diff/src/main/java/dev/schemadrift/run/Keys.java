package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;

/**
 * The report bucket's layout (DESIGN.md §4). Keys are built only from validated Glue names and run
 * ids, never from raw contract text.
 */
public final class Keys {
  /** Where the registry cursor of {@code MAX_TABLES_PER_RUN} lives. */
  public static final String CURSOR = "state/cursor.json";

  private Keys() {}

  public static String diff(DiffArtifact.TableName table, RunId run) {
    return "diffs/" + table.qualified() + "/" + run + ".diff.json";
  }

  public static String manifest(RunId run) {
    return "runs/" + run + ".json";
  }
}
