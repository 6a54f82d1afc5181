package dev.schemadrift.state;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import java.time.LocalDate;

/** Check records for tests. */
public final class CheckRecords {
  private CheckRecords() {}

  /** A plausible OK record of {@code db.table} judged in {@code run}. */
  public static CheckRecord of(String database, String table, String run) {
    DiffArtifact.TableName name = new DiffArtifact.TableName(database, table);
    return new CheckRecord(
        name,
        "contracts/" + database + "/" + table + ".json",
        "\"etag-" + table + "\"",
        "sha-" + table,
        "3",
        "2026-11-20T08:00:00Z",
        "glue-sha-" + table,
        "s3://data/" + database + "/" + table + "/",
        true,
        LocalDate.of(2027, 1, 2),
        "inputs",
        run,
        BucketLayout.diff(name, run),
        Status.OK,
        DiffArtifact.Counts.ZERO,
        "team@example.org",
        false);
  }
}
