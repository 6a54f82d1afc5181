package dev.schemadrift.run;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;

/** The keys SchemaDiffFunction writes, from the one {@link BucketLayout}. */
public final class Keys {
  /** Where the registry cursor of {@code MAX_TABLES_PER_RUN} lives. */
  public static final String CURSOR = BucketLayout.CURSOR;

  private Keys() {}

  public static String diff(DiffArtifact.TableName table, RunId run) {
    return BucketLayout.diff(table, run.value());
  }

  public static String manifest(RunId run) {
    return BucketLayout.manifest(run.value());
  }
}
