package dev.schemadrift.state;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Check records for tests. */
public final class CheckRecords {
  private CheckRecords() {}

  /** A Glue table with one column, at a version, as Glue returns it. */
  public static GlueTable glueTable(String database, String table, String version, String column) {
    return new GlueTable(
        database,
        table,
        "EXTERNAL_TABLE",
        Map.of(),
        List.of(GlueColumn.of(column, "bigint")),
        List.of(),
        "s3://data/" + database + "/" + table + "/",
        null,
        null,
        null,
        Map.of(),
        true,
        version,
        "2026-11-20T08:00:00Z");
  }

  /** A plausible OK record of {@code db.table} judged in {@code run} on its version 3. */
  public static CheckRecord of(String database, String table, String run) {
    DiffArtifact.TableName name = new DiffArtifact.TableName(database, table);
    return new CheckRecord(
        name,
        "contracts/" + database + "/" + table + ".json",
        "\"etag-" + table + "\"",
        "sha-" + table,
        "3",
        "2026-11-20T08:00:00Z",
        CheckRecord.fingerprint(glueTable(database, table, "3", "id")),
        "s3://data/" + database + "/" + table + "/",
        true,
        LocalDate.of(2027, 1, 2),
        "inputs",
        run,
        BucketLayout.diff(name, run),
        Status.OK,
        DiffArtifact.Counts.ZERO,
        "team@example.org",
        false,
        null,
        List.of(),
        null,
        null);
  }
}
