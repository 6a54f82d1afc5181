package dev.schemadrift.report;

import static dev.schemadrift.report.Artifacts.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.ObjectStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The manifest as SchemaDiffFunction's RunManifest writes it (keys, order and nulls copied from its
 * writer), including a table whose diff could not be written.
 */
class RunManifestReaderTest {
  private static final String KEY = "runs/20261126T080000Z.json";
  private static final String MANIFEST =
      """
      {
        "manifest_version": 1,
        "run_id": "20261126T080000Z",
        "mode": "registry",
        "totals": {"OK": 1, "SAFE": 0, "RISKY": 0, "BREAKING": 1, "NO_DATA": 0, "ERROR": 0},
        "tables": [
          {
            "database": "nyc_parks",
            "table": "playgrounds",
            "status": "OK",
            "diff_key": "diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json",
            "contract_key": "contracts/nyc_parks/playgrounds.json",
            "owner": "parks-data@example.org",
            "tags": ["parks", "tier-1"],
            "counts": {"BREAKING": 0, "RISKY": 0, "SAFE": 0, "waived": 0},
            "error": null,
            "write_error": null
          },
          {
            "database": "nyc_parks",
            "table": "parks_properties",
            "status": "BREAKING",
            "diff_key": null,
            "contract_key": "contracts/nyc_parks/parks_properties.json",
            "owner": null,
            "tags": [],
            "counts": {"BREAKING": 1, "RISKY": 0, "SAFE": 0, "waived": 0},
            "error": null,
            "write_error": "access denied writing s3://reports/diffs/..."
          }
        ],
        "skipped": [{"contract": "contracts/old.json", "reason": "disabled"}],
        "not_found": [],
        "next_cursor": {"index": 2, "contract": "contracts/nyc_schools/a.json"}
      }
      """;

  @Test
  void readsEveryTableWithItsMetadata() {
    RunManifestReader.Manifest manifest = RunManifestReader.read(KEY, bytes(MANIFEST));

    assertEquals("20261126T080000Z", manifest.run().value());
    assertEquals(2, manifest.tables().size());
    ReportInput playgrounds = manifest.tables().get(0);
    assertEquals("diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json", playgrounds.diffKey());
    assertEquals(
        new TableMetadata("parks-data@example.org", List.of("parks", "tier-1")),
        playgrounds.metadata());
    ReportInput unwritten = manifest.tables().get(1);
    assertNull(unwritten.diffKey());
    assertTrue(unwritten.writeError().startsWith("access denied"));
  }

  @Test
  void aTableWhoseDiffWasNotWrittenIsReportedAsAnError() {
    MemoryObjectStore store = new MemoryObjectStore();
    store.put("reports", KEY, bytes(MANIFEST), "application/json");
    store.put(
        "reports",
        "diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json",
        dev.schemadrift.artifact.ArtifactJson.write(
            Artifacts.error("20261126T080000Z", "nyc_parks", "playgrounds", "X", "y")),
        "application/json");

    new ReportGenerator(store, "reports").generateRun(KEY);

    String report =
        Artifacts.text(
            store
                .get("reports", "reports/nyc_parks.parks_properties/20261126T080000Z.report.md")
                .orElseThrow());
    assertTrue(report.contains("DIFF\\_NOT\\_WRITTEN"), report);
    assertTrue(report.contains("access denied"), report);
    assertTrue(!report.contains("diff JSON"), "no link to a diff that does not exist");
  }

  @Test
  void aDiffAboveTheReadLimitIsReportedAsAnError() {
    String key = "diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json";
    MemoryObjectStore store =
        new MemoryObjectStore() {
          @Override
          public Optional<byte[]> get(String bucket, String objectKey, long maxBytes) {
            if (objectKey.equals(key)) {
              throw ObjectStore.tooLarge(bucket, objectKey, maxBytes);
            }
            return super.get(bucket, objectKey, maxBytes);
          }
        };
    store.put("reports", key, bytes("{}"), "application/json");

    new ReportGenerator(store, "reports").generateDiffs(List.of(key));

    String report =
        Artifacts.text(
            store
                .get("reports", "reports/nyc_parks.playgrounds/20261126T080000Z.report.md")
                .orElseThrow());
    assertTrue(report.contains("DIFF\\_INVALID"), report);
    assertTrue(report.contains("32 MiB limit"), report);
  }

  /** The first line as a scheduled run writes a kept verdict: the earlier run's artifact. */
  private static final String KEPT =
      MANIFEST
          .replace(
              "diffs/nyc_parks.playgrounds/20261126T080000Z",
              "diffs/nyc_parks.playgrounds/20261120T080000Z")
          .replaceFirst(
              "\"write_error\": null",
              "\"write_error\": null, \"reused_from\": \"20261120T080000Z\"");

  @Test
  void aKeptVerdictPointsAtTheArtifactOfTheRunThatJudgedIt() {
    ReportInput kept = RunManifestReader.read(KEY, bytes(KEPT)).tables().get(0);
    assertEquals("20261120T080000Z", kept.reusedFrom());
    assertEquals("20261126T080000Z", kept.run().value());
    assertEquals("diffs/nyc_parks.playgrounds/20261120T080000Z.diff.json", kept.diffKey());
    assertNull(RunManifestReader.read(KEY, bytes(MANIFEST)).tables().get(0).reusedFrom());
    for (String broken :
        List.of(
            // The diff key must be the kept verdict's.
            KEPT.replace(
                "diffs/nyc_parks.playgrounds/20261120T080000Z",
                "diffs/nyc_parks.playgrounds/20261126T080000Z"),
            // A verdict is kept from an earlier run only.
            KEPT.replace(
                "\"reused_from\": \"20261120T080000Z\"", "\"reused_from\": \"20261126T080000Z\""),
            KEPT.replace(
                "\"reused_from\": \"20261120T080000Z\"", "\"reused_from\": \"last week\""))) {
      InvalidDocumentException error =
          assertThrows(
              InvalidDocumentException.class, () -> RunManifestReader.read(KEY, bytes(broken)));
      assertTrue(error.getMessage().contains("$.tables[0]"), error.getMessage());
    }
  }

  @Test
  void rejectsAManifestItDoesNotUnderstand() {
    for (String broken :
        List.of(
            MANIFEST.replace("\"mode\"", "\"moods\""),
            MANIFEST.replace("\"manifest_version\": 1", "\"manifest_version\": 2"),
            MANIFEST.replace(
                "\"run_id\": \"20261126T080000Z\"", "\"run_id\": \"20261125T080000Z\""),
            MANIFEST.replace("\"table\": \"playgrounds\"", "\"table\": \"../../x\""),
            MANIFEST.replace(
                "diffs/nyc_parks.playgrounds/20261126T080000Z",
                "diffs/nyc_parks.other/20261126T080000Z"),
            MANIFEST.replace(
                "\"write_error\": \"access denied writing s3://reports/diffs/...\"",
                "\"write_error\": null"))) {
      assertThrows(
          InvalidDocumentException.class, () -> RunManifestReader.read(KEY, bytes(broken)));
    }
  }
}
