package dev.schemadrift.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The artifact is a pure function of its inputs: same inputs, same bytes, keys in the order of
 * docs/FORMATS.md. Reports diff artifacts across runs byte by byte, so any drift here is a bug.
 */
class ArtifactJsonTest {
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static final DiffArtifact.ContractInfo CONTRACT_INFO =
      new DiffArtifact.ContractInfo(
          "contracts/nyc_parks/parks_properties.json",
          "1.2.0",
          "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final DiffArtifact.DataProbe PROBE =
      new DiffArtifact.DataProbe("s3://example-data/nyc/parks_properties/", true);

  /**
   * A contract that the table below breaks in several ways: one live waiver, one expired waiver,
   * one waiver that matches nothing.
   */
  private static final String CONTRACT =
      """
      {
        "contract_version": "1.2.0",
        "database": "nyc_parks",
        "table": "parks_properties",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "format": "parquet",
        "columns": [
          {"name": "gispropnum", "type": "string"},
          {"name": "acres", "type": "decimal(10,2)"},
          {"name": "visits", "type": "int", "previous_names": ["visit_count"]},
          {"name": "legacy_code", "type": "string"}
        ],
        "policy": {
          "waivers": [
            {"rule": "COLUMN_TYPE_WIDENED", "path": "visits", "reason": "Backfill in progress",
             "owner": "parks-data@example.org", "expires": "2027-03-31"},
            {"rule": "COLUMN_DECIMAL_PRECISION_INCREASED", "path": "acres", "reason": "Survey",
             "owner": "parks-data@example.org", "expires": "2026-11-01"},
            {"rule": "COLUMN_RENAMED", "path": "gis*", "reason": "Never matches",
             "owner": "parks-data@example.org", "expires": "2027-03-31"}
          ]
        }
      }
      """;

  /** The same contract with its keys in another order: JSON objects are unordered. */
  private static final String CONTRACT_KEYS_PERMUTED =
      """
      {
        "policy": {
          "waivers": [
            {"path": "visits", "rule": "COLUMN_TYPE_WIDENED", "expires": "2027-03-31",
             "owner": "parks-data@example.org", "reason": "Backfill in progress"},
            {"expires": "2026-11-01", "reason": "Survey", "rule":
             "COLUMN_DECIMAL_PRECISION_INCREASED", "path": "acres",
             "owner": "parks-data@example.org"},
            {"owner": "parks-data@example.org", "expires": "2027-03-31", "rule": "COLUMN_RENAMED",
             "reason": "Never matches", "path": "gis*"}
          ]
        },
        "columns": [
          {"type": "string", "name": "gispropnum"},
          {"type": "decimal(10,2)", "name": "acres"},
          {"previous_names": ["visit_count"], "type": "int", "name": "visits"},
          {"type": "string", "name": "legacy_code"}
        ],
        "format": "parquet",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "table": "parks_properties",
        "database": "nyc_parks",
        "contract_version": "1.2.0"
      }
      """;

  private static final String TABLE =
      """
      {"Table": {
        "Name": "parks_properties",
        "DatabaseName": "nyc_parks",
        "TableType": "EXTERNAL_TABLE",
        "VersionId": "7",
        "UpdateTime": "2026-11-20T10:00:00+00:00",
        "Parameters": {"classification": "parquet", "EXTERNAL": "TRUE"},
        "StorageDescriptor": {
          "Columns": [
            {"Name": "gispropnum", "Type": "string"},
            {"Name": "acres", "Type": "decimal(12,2)"},
            {"Name": "visit_count", "Type": "bigint"},
            {"Name": "z_note", "Type": "int"},
            {"Name": "a_flag", "Type": "boolean"}
          ],
          "Location": "s3://example-data/nyc/parks_properties_v2/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "SerdeInfo": {
            "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            "Parameters": {"serialization.format": "1", "parquet.column.index.access": "false"}
          }
        },
        "PartitionKeys": []
      }}
      """;

  /**
   * The same table with the order of things that must not matter changed: the extra columns after
   * every contract column (both are COLUMN_ADDED either way), parameter maps, object keys.
   */
  private static final String TABLE_PERMUTED =
      """
      {"Table": {
        "PartitionKeys": [],
        "StorageDescriptor": {
          "SerdeInfo": {
            "Parameters": {"parquet.column.index.access": "false", "serialization.format": "1"},
            "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
          },
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "Location": "s3://example-data/nyc/parks_properties_v2/",
          "Columns": [
            {"Type": "string", "Name": "gispropnum"},
            {"Type": "decimal(12,2)", "Name": "acres"},
            {"Type": "bigint", "Name": "visit_count"},
            {"Type": "boolean", "Name": "a_flag"},
            {"Type": "int", "Name": "z_note"}
          ]
        },
        "Parameters": {"EXTERNAL": "TRUE", "classification": "parquet"},
        "UpdateTime": "2026-11-20T10:00:00Z",
        "VersionId": "7",
        "TableType": "EXTERNAL_TABLE",
        "DatabaseName": "nyc_parks",
        "Name": "parks_properties"
      }}
      """;

  /**
   * A contract the run could not read at all (missing, access denied) has a key but no version and
   * no digest; its ERROR artifact must read back, or the report loses the error behind
   * DIFF_INVALID.
   */
  @Test
  void anUnreadableContractsErrorArtifactReadsBack() {
    DiffArtifact artifact =
        TableCheck.error(
            RUN,
            new DiffArtifact.TableName("_contract_errors", "contracts_orders_json-1a2b3c4d"),
            new DiffArtifact.ContractInfo("contracts/orders.json", null, null),
            ErrorKind.CONTRACT_NOT_FOUND,
            "contract contracts/orders.json does not exist");
    byte[] written = ArtifactJson.write(artifact);

    DiffArtifact read = ArtifactJson.read("diff.json", written);

    assertEquals(artifact, read);
    assertArrayEquals(written, ArtifactJson.write(read));
  }

  @Test
  void aCatalogIdAndSetAsideColumnsAreWrittenAndReadBack() {
    DiffArtifact plain = compared(CONTRACT, TABLE);
    DiffArtifact.CatalogInfo catalog = plain.catalog();
    DiffArtifact artifact =
        new DiffArtifact(
                plain.artifactVersion(),
                plain.runId(),
                plain.table(),
                plain.status(),
                plain.createdTable(),
                plain.contract(),
                new DiffArtifact.CatalogInfo(
                    catalog.versionId(),
                    catalog.updateTime(),
                    catalog.tableType(),
                    catalog.profile(),
                    catalog.fileFamily(),
                    catalog.partitioned(),
                    catalog.location(),
                    null,
                    List.of("_hoodie_commit_time", "_hoodie_file_name")),
                plain.dataProbe(),
                plain.counts(),
                plain.findings(),
                plain.unusedWaivers(),
                plain.error())
            .withCatalogId("111122223333");
    byte[] written = ArtifactJson.write(artifact);
    JsonNode root = parse(written);

    assertEquals(
        List.of(
            "artifact_version",
            "run_id",
            "table",
            "catalog_id",
            "status",
            "created_table",
            "contract",
            "catalog",
            "data_probe",
            "counts",
            "findings",
            "unused_waivers",
            "error"),
        keys(root));
    assertEquals("111122223333", root.get("catalog_id").asText());
    assertEquals(
        "[\"_hoodie_commit_time\",\"_hoodie_file_name\"]",
        root.get("catalog").get("set_aside_columns").toString());
    DiffArtifact read = ArtifactJson.read("diff.json", written);
    assertEquals(artifact, read);
    assertArrayEquals(written, ArtifactJson.write(read));
    // The own account's artifacts keep their bytes: no catalog_id, no set_aside_columns.
    assertFalse(text(ArtifactJson.write(plain)).contains("catalog_id"));
    assertFalse(text(ArtifactJson.write(plain)).contains("set_aside_columns"));
  }

  @Test
  void aCatalogIdThatIsNotTwelveDigitsIsAProblem() {
    String written =
        text(ArtifactJson.write(compared(CONTRACT, TABLE).withCatalogId("111122223333")))
            .replace("111122223333", "1111");

    InvalidDocumentException thrown =
        assertThrows(
            InvalidDocumentException.class,
            () -> ArtifactJson.read("diff.json", written.getBytes(StandardCharsets.UTF_8)));
    assertTrue(thrown.getMessage().contains("$.catalog_id"), thrown.getMessage());
  }

  @Test
  void sameInputsGiveTheSameBytes() {
    byte[] first = ArtifactJson.write(compared(CONTRACT, TABLE));
    byte[] second = ArtifactJson.write(compared(CONTRACT, TABLE));

    assertArrayEquals(first, second);
  }

  @Test
  void orderThatDoesNotMatterDoesNotChangeTheBytes() {
    byte[] original = ArtifactJson.write(compared(CONTRACT, TABLE));

    assertEquals(text(original), text(ArtifactJson.write(compared(CONTRACT, TABLE_PERMUTED))));
    assertEquals(
        text(original), text(ArtifactJson.write(compared(CONTRACT_KEYS_PERMUTED, TABLE_PERMUTED))));
  }

  @Test
  void findingsAreSortedByPathThenRule() {
    DiffArtifact artifact = compared(CONTRACT, TABLE);

    List<String> order =
        artifact.findings().stream().map(finding -> finding.path() + " " + finding.rule()).toList();

    assertEquals(
        List.of(
            "@location TABLE_LOCATION_CHANGED",
            "a_flag COLUMN_ADDED",
            "acres COLUMN_DECIMAL_PRECISION_INCREASED",
            "acres WAIVER_EXPIRED",
            "legacy_code COLUMN_REMOVED",
            "visits COLUMN_RENAMED",
            "visits COLUMN_TYPE_WIDENED",
            "z_note COLUMN_ADDED"),
        order);
    List<Finding> sorted = new ArrayList<>(artifact.findings());
    sorted.sort(Finding.ORDER);
    assertEquals(sorted, artifact.findings());
  }

  @Test
  void countsAndStatusFollowTheWaivers() {
    DiffArtifact artifact = compared(CONTRACT, TABLE);

    // Waived: visits widening. Expired: acres precision counts again, plus WAIVER_EXPIRED (RISKY).
    assertEquals(Status.BREAKING, artifact.status());
    assertEquals(new DiffArtifact.Counts(3, 2, 2, 1), artifact.counts());
    assertEquals(
        List.of("COLUMN_RENAMED gis*"),
        artifact.unusedWaivers().stream().map(w -> w.rule() + " " + w.path()).toList());
  }

  @Test
  void keysAreInTheDocumentedOrder() {
    JsonNode root = parse(ArtifactJson.write(compared(CONTRACT, TABLE)));

    assertEquals(
        List.of(
            "artifact_version",
            "run_id",
            "table",
            "status",
            "created_table",
            "contract",
            "catalog",
            "data_probe",
            "counts",
            "findings",
            "unused_waivers",
            "error"),
        keys(root));
    assertEquals(List.of("database", "name"), keys(root.get("table")));
    assertEquals(List.of("key", "version", "sha256"), keys(root.get("contract")));
    assertEquals(
        List.of(
            "version_id",
            "update_time",
            "table_type",
            "profile",
            "file_family",
            "partitioned",
            "location"),
        keys(root.get("catalog")));
    assertEquals(List.of("location", "has_data"), keys(root.get("data_probe")));
    assertEquals(List.of("BREAKING", "RISKY", "SAFE", "waived"), keys(root.get("counts")));
    List<String> findingKeys =
        List.of(
            "rule",
            "severity",
            "default_severity",
            "path",
            "expected",
            "actual",
            "reason",
            "evidence",
            "fingerprint",
            "waiver");
    for (JsonNode finding : root.get("findings")) {
      assertEquals(findingKeys, keys(finding));
    }
    JsonNode waived = root.get("findings").get(6);
    assertEquals("visits", waived.get("path").asText());
    assertEquals(
        List.of("rule", "path", "reason", "owner", "expires", "state"), keys(waived.get("waiver")));
    assertEquals("ACCEPTED", waived.get("waiver").get("state").asText());
    assertEquals("EXPIRED", root.get("findings").get(2).get("waiver").get("state").asText());
    assertEquals(
        List.of("rule", "path", "reason", "owner", "expires"),
        keys(root.get("unused_waivers").get(0)));
  }

  @Test
  void writesTheDocumentedValues() {
    JsonNode root = parse(ArtifactJson.write(compared(CONTRACT, TABLE)));

    assertEquals(1, root.get("artifact_version").intValue());
    assertEquals("20261126T080000Z", root.get("run_id").asText());
    assertEquals("BREAKING", root.get("status").asText());
    assertFalse(root.get("created_table").booleanValue());
    JsonNode catalog = root.get("catalog");
    assertEquals("7", catalog.get("version_id").asText());
    assertEquals("2026-11-20T10:00:00Z", catalog.get("update_time").asText());
    assertEquals("EXTERNAL_TABLE", catalog.get("table_type").asText());
    assertEquals("BY_NAME", catalog.get("profile").asText());
    assertEquals("parquet", catalog.get("file_family").asText());
    assertFalse(catalog.get("partitioned").booleanValue());
    JsonNode renamed = root.get("findings").get(5);
    assertEquals("previous_names", renamed.get("evidence").asText());
    assertEquals("visits", renamed.get("expected").asText());
    assertEquals("visit_count", renamed.get("actual").asText());
    JsonNode removed = root.get("findings").get(4);
    assertTrue(removed.get("actual").isNull());
    assertTrue(removed.get("evidence").isNull());
    assertTrue(removed.get("waiver").isNull());
    assertTrue(root.get("error").isNull());
  }

  @Test
  void usesOnlyNewlinesAndEndsWithOne() {
    String json = text(ArtifactJson.write(compared(CONTRACT, TABLE)));

    assertFalse(json.contains("\r"), "no carriage returns, whatever the platform");
    assertTrue(json.endsWith("}\n"), "ends with exactly one newline");
    assertFalse(json.endsWith("\n\n"), "ends with exactly one newline");
    assertTrue(json.startsWith("{\n  \"artifact_version\": 1,\n  \"run_id\": "), json);
  }

  @Test
  void fingerprintsAreStableTwelveHexDigits() {
    DiffArtifact artifact = compared(CONTRACT, TABLE);

    Set<String> seen = new HashSet<>();
    for (Finding finding : artifact.findings()) {
      assertTrue(finding.fingerprint().matches("[0-9a-f]{12}"), finding.fingerprint());
      assertTrue(seen.add(finding.fingerprint()), "fingerprints are distinct: " + finding);
    }
    // Reports recognise a finding across runs (new, still open, fixed) by this value, so it must
    // never change: not with the wording of reasons, not with the severity, not with the Java or
    // library version. Changing how it is computed orphans every tracked finding. If this
    // assertion fails, fix the code, not the literal.
    Finding removed = artifact.findings().get(4);
    assertEquals("COLUMN_REMOVED", removed.rule().name());
    assertEquals("c36497831f1e", removed.fingerprint());
    assertEquals(
        "c36497831f1e",
        Fingerprint.of(
            "COLUMN_REMOVED", "nyc_parks.parks_properties", "legacy_code", "string", null));
  }

  @Test
  void fingerprintsDependOnEveryPartAndKeepPartsApart() {
    String base = Fingerprint.of("COLUMN_REMOVED", "d.t", "ab", "c", null);

    assertFalse(base.equals(Fingerprint.of("COLUMN_REMOVED", "d.t", "a", "bc", null)));
    assertFalse(base.equals(Fingerprint.of("COLUMN_REMOVED", "d.t", "ab", "c", "")));
    assertFalse(base.equals(Fingerprint.of("COLUMN_ADDED", "d.t", "ab", "c", null)));
    assertFalse(base.equals(Fingerprint.of("COLUMN_REMOVED", "d.u", "ab", "c", null)));
  }

  @Test
  void errorArtifactHasNullsWhereTheRunStopped() {
    DiffArtifact artifact =
        TableCheck.error(
            RUN,
            new DiffArtifact.TableName("nyc_parks", "parks_properties"),
            null,
            ErrorKind.INVALID_CONTRACT,
            "contracts/x.json: $.table: required field is missing");

    assertEquals(
        """
        {
          "artifact_version": 1,
          "run_id": "20261126T080000Z",
          "table": {
            "database": "nyc_parks",
            "name": "parks_properties"
          },
          "status": "ERROR",
          "created_table": false,
          "contract": null,
          "catalog": null,
          "data_probe": null,
          "counts": {
            "BREAKING": 0,
            "RISKY": 0,
            "SAFE": 0,
            "waived": 0
          },
          "findings": [],
          "unused_waivers": [],
          "error": {
            "kind": "INVALID_CONTRACT",
            "message": "contracts/x.json: $.table: required field is missing"
          }
        }
        """,
        text(ArtifactJson.write(artifact)));
  }

  @Test
  void errorArtifactOfAnUnreadableContractKeepsItsHashAndANullVersion() {
    DiffArtifact.ContractInfo unread =
        new DiffArtifact.ContractInfo("contracts/x.json", null, CONTRACT_INFO.sha256());
    DiffArtifact artifact =
        TableCheck.error(
            RUN,
            new DiffArtifact.TableName("unknown", "unknown"),
            unread,
            ErrorKind.INVALID_CONTRACT,
            "m");

    JsonNode contract = parse(ArtifactJson.write(artifact)).get("contract");

    assertEquals("contracts/x.json", contract.get("key").asText());
    assertTrue(contract.get("version").isNull());
    assertEquals(CONTRACT_INFO.sha256(), contract.get("sha256").asText());
  }

  @Test
  void undecidableTableIsAnErrorThatStillDescribesTheCatalog() {
    Contract contract = contract(CONTRACT);
    GlueTable table =
        GlueTableReader.readOne(
            "t.json", bytes(TABLE.replace("\"Type\": \"bigint\"", "\"Type\": \"bigint<\"")));

    DiffArtifact artifact = TableCheck.compared(RUN, CONTRACT_INFO, contract, table, PROBE, false);
    JsonNode root = parse(ArtifactJson.write(artifact));

    assertEquals("ERROR", root.get("status").asText());
    assertEquals("INVALID_GLUE_TYPE", root.get("error").get("kind").asText());
    assertTrue(root.get("error").get("message").asText().contains("'visit_count'"));
    assertEquals("BY_NAME", root.get("catalog").get("profile").asText());
    assertEquals(0, root.get("findings").size());
  }

  @Test
  void noDataArtifactHasAProbeAndNoCatalog() {
    DiffArtifact artifact =
        TableCheck.noData(
            RUN,
            CONTRACT_INFO,
            contract(CONTRACT),
            new DiffArtifact.DataProbe("s3://example-data/nyc/parks_properties/", false));

    assertEquals(
        """
        {
          "artifact_version": 1,
          "run_id": "20261126T080000Z",
          "table": {
            "database": "nyc_parks",
            "name": "parks_properties"
          },
          "status": "NO_DATA",
          "created_table": false,
          "contract": {
            "key": "contracts/nyc_parks/parks_properties.json",
            "version": "1.2.0",
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
          },
          "catalog": null,
          "data_probe": {
            "location": "s3://example-data/nyc/parks_properties/",
            "has_data": false
          },
          "counts": {
            "BREAKING": 0,
            "RISKY": 0,
            "SAFE": 0,
            "waived": 0
          },
          "findings": [],
          "unused_waivers": [],
          "error": null
        }
        """,
        text(ArtifactJson.write(artifact)));
  }

  @Test
  void okArtifactWithoutProbeWritesNullProbe() {
    String matchingTable =
        """
        {"Name": "parks_properties", "DatabaseName": "nyc_parks", "TableType": "EXTERNAL_TABLE",
         "StorageDescriptor": {
           "Columns": [
             {"Name": "gispropnum", "Type": "string"},
             {"Name": "acres", "Type": "decimal(10,2)"},
             {"Name": "visits", "Type": "int"},
             {"Name": "legacy_code", "Type": "string"}
           ],
           "Location": "s3://example-data/nyc/parks_properties",
           "SerdeInfo": {
             "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
           }
         }}
        """;
    DiffArtifact artifact =
        TableCheck.compared(
            RUN, CONTRACT_INFO, contract(CONTRACT), table(matchingTable), null, false);

    JsonNode root = parse(ArtifactJson.write(artifact));

    assertEquals("OK", root.get("status").asText(), root.toString());
    assertTrue(root.get("data_probe").isNull());
    assertTrue(root.get("catalog").get("version_id").isNull());
    assertTrue(root.get("catalog").get("update_time").isNull());
    assertEquals(0, root.get("findings").size());
    assertEquals(3, root.get("unused_waivers").size(), "no finding, so no waiver was used");
  }

  @Test
  void readingWhatWasWrittenGivesTheSameBytesBack() {
    Contract contract = contract(CONTRACT);
    List<DiffArtifact> artifacts =
        List.of(
            compared(CONTRACT, TABLE),
            TableCheck.compared(RUN, CONTRACT_INFO, contract, table(TABLE), null, true),
            TableCheck.missing(RUN, CONTRACT_INFO, contract, PROBE, "create_if_missing is false"),
            TableCheck.noData(
                RUN,
                CONTRACT_INFO,
                contract,
                new DiffArtifact.DataProbe("s3://example-data/nyc/parks_properties/", false)),
            TableCheck.error(
                RUN,
                new DiffArtifact.TableName("nyc_parks", "parks_properties"),
                new DiffArtifact.ContractInfo("contracts/x.json", null, CONTRACT_INFO.sha256()),
                ErrorKind.INVALID_CONTRACT,
                "contracts/x.json: $.table: required field is missing"),
            TableCheck.compared(
                RUN,
                CONTRACT_INFO,
                contract,
                GlueTableReader.readOne(
                    "t.json",
                    bytes(TABLE.replace("\"Type\": \"bigint\"", "\"Type\": \"bigint<\""))),
                PROBE,
                false));

    for (DiffArtifact artifact : artifacts) {
      byte[] written = ArtifactJson.write(artifact);
      DiffArtifact read = ArtifactJson.read("artifact.json", written);

      assertEquals(artifact, read);
      assertEquals(text(written), text(ArtifactJson.write(read)));
    }
  }

  @Test
  void anErrorKindThisVersionDoesNotKnowIsReadAndWrittenBackAsItWasSpelled() {
    DiffArtifact known =
        TableCheck.error(
            RUN,
            new DiffArtifact.TableName("nyc_parks", "parks_properties"),
            null,
            ErrorKind.THROTTLED,
            "slow down");
    String newer = text(ArtifactJson.write(known)).replace("\"THROTTLED\"", "\"GLUE_ON_FIRE\"");

    DiffArtifact read = ArtifactJson.read("artifact.json", bytes(newer));

    assertEquals(ErrorKind.UNRECOGNISED, read.error().kind());
    assertEquals("GLUE_ON_FIRE", read.error().kindName());
    assertEquals(newer, text(ArtifactJson.write(read)));
    assertEquals(
        ErrorKind.THROTTLED, ArtifactJson.read("a.json", ArtifactJson.write(known)).error().kind());
  }

  @Test
  void readsEveryValidSchemaExampleAndWritesItBackStably() throws IOException {
    try (Stream<Path> files = Files.list(examples("valid"))) {
      List<Path> examples = files.sorted().toList();
      assertFalse(examples.isEmpty());
      for (Path example : examples) {
        DiffArtifact read = ArtifactJson.read(example.toString(), Files.readAllBytes(example));
        byte[] written = ArtifactJson.write(read);

        assertEquals(
            text(written),
            text(ArtifactJson.write(ArtifactJson.read("again", written))),
            example.toString());
        assertEquals(parse(Files.readAllBytes(example)), parse(written), example.toString());
      }
    }
  }

  @Test
  void rejectsInvalidExamplesNamingThePath() throws IOException {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("artifact-version-2.json", "$.artifact_version"),
            Map.entry("bad-file-family.json", "$.catalog.file_family"),
            Map.entry("bad-profile.json", "$.catalog.profile"),
            Map.entry("bad-run-id.json", "$.run_id"),
            Map.entry("bad-waiver-state.json", ".waiver.state"),
            Map.entry("catalog-without-location.json", "$.catalog.location"),
            Map.entry("error-object-when-breaking.json", "$.error"),
            Map.entry("error-status-without-error.json", "$.error"),
            Map.entry("error-without-message.json", "$.error.message"),
            Map.entry("finding-severity-off.json", ".severity"),
            Map.entry("finding-without-reason.json", ".reason"),
            Map.entry("lower-case-count-key.json", "$.counts"),
            Map.entry("missing-unused-waivers.json", "$.unused_waivers"),
            Map.entry("negative-count.json", "$.counts"),
            Map.entry("partitions-read-in-not-a-run.json", "$.catalog.partitions.read_in"),
            Map.entry("unknown-field.json", "$."),
            Map.entry("unknown-finding-field.json", "$.findings[4].message"),
            Map.entry("unknown-status.json", "$.status"),
            Map.entry("unused-waiver-with-state.json", "$.unused_waivers[0].state"),
            Map.entry("upper-case-table-name.json", "$.table.name"),
            Map.entry("waiver-without-state.json", ".waiver.state"));
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      Path file = examples("invalid").resolve(entry.getKey());
      InvalidDocumentException thrown =
          assertThrows(
              InvalidDocumentException.class,
              () -> ArtifactJson.read(entry.getKey(), Files.readAllBytes(file)),
              entry.getKey());
      assertTrue(
          thrown.problems().stream()
              .anyMatch(problem -> problem.jsonPath().contains(entry.getValue())),
          entry.getKey() + ": " + thrown.getMessage());
    }
  }

  @Test
  void rejectsWhatIsNotAnArtifact() {
    assertThrows(
        InvalidDocumentException.class, () -> ArtifactJson.read("a.json", bytes("[1, 2]")));
    assertThrows(InvalidDocumentException.class, () -> ArtifactJson.read("a.json", bytes("{")));
    InvalidDocumentException empty =
        assertThrows(
            InvalidDocumentException.class, () -> ArtifactJson.read("a.json", bytes("{}")));
    assertTrue(empty.problems().size() >= 10, empty.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  private static DiffArtifact compared(String contractJson, String tableJson) {
    return TableCheck.compared(
        RUN, CONTRACT_INFO, contract(contractJson), table(tableJson), PROBE, false);
  }

  private static Contract contract(String json) {
    return ContractReader.read("contract.json", bytes(json));
  }

  private static GlueTable table(String json) {
    return GlueTableReader.readOne("table.json", bytes(json));
  }

  private static Path examples(String kind) {
    try {
      return Path.of(
          ArtifactJsonTest.class.getResource("/schema-examples/artifact/" + kind).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static JsonNode parse(byte[] json) {
    return Json.readTree("artifact", json);
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.properties().forEach(entry -> keys.add(entry.getKey()));
    return keys;
  }
}
