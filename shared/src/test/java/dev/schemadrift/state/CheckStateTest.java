package dev.schemadrift.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.json.InvalidDocumentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckStateTest {
  private static final String OLD = "20261201T080000Z";
  private static final String NEW = "20261202T080000Z";

  @Test
  void readsBackWhatItWritesByteForByte() {
    CheckRecord noHorizon =
        new CheckRecord(
            new DiffArtifact.TableName("db", "missing"),
            "s3://other/contract.json",
            null,
            "sha",
            null,
            null,
            null,
            "s3://data/db/missing/",
            false,
            null,
            "inputs",
            OLD,
            "diffs/db.missing/" + OLD + ".diff.json",
            dev.schemadrift.artifact.Status.NO_DATA,
            new DiffArtifact.Counts(1, 2, 3, 4),
            null,
            true);
    CheckState state = CheckState.EMPTY.with(List.of(CheckRecords.of("db", "t", OLD), noHorizon));
    byte[] json = state.toJson();
    CheckState read = CheckState.read("shard", json);
    assertEquals(state, read);
    assertArrayEquals(json, read.toJson());
  }

  @Test
  void theNewerVerdictWinsWhateverTheOrder() {
    CheckRecord older = CheckRecords.of("db", "t", OLD);
    CheckRecord newer = CheckRecords.of("db", "t", NEW);
    assertEquals(
        newer, CheckState.EMPTY.with(List.of(older)).with(List.of(newer)).tables().get("db.t"));
    assertEquals(
        newer, CheckState.EMPTY.with(List.of(newer)).with(List.of(older)).tables().get("db.t"));
    // Merging is a union: another table's record is kept.
    CheckState both =
        CheckState.EMPTY.with(List.of(CheckRecords.of("db", "other", OLD))).with(List.of(newer));
    assertEquals(Set.of("db.other", "db.t"), both.tables().keySet());
  }

  @Test
  void aRecordMustPointAtItsOwnRunsArtifact() {
    CheckRecord good = CheckRecords.of("db", "t", OLD);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CheckRecord(
                    good.table(),
                    good.contractKey(),
                    good.contractEtag(),
                    good.contractSha256(),
                    good.glueVersionId(),
                    good.glueUpdateTime(),
                    good.glueSha256(),
                    good.dataLocation(),
                    good.hasData(),
                    good.horizon(),
                    good.inputs(),
                    NEW,
                    good.diffKey(),
                    good.status(),
                    good.counts(),
                    good.owner(),
                    good.createdTable()));
    assertTrue(error.getMessage().contains("diffs/db.t/" + NEW), error.getMessage());
  }

  @Test
  void anotherAccountsTableKeepsItsCatalogIdAndTheOwnAccountsLinesDoNotNameOne() {
    CheckRecord own = CheckRecords.of("db", "t", OLD);
    CheckRecord remote = inCatalog(CheckRecords.of("db", "remote", OLD), "123456789012");
    CheckState state = CheckState.EMPTY.with(List.of(own, remote));
    byte[] json = state.toJson();
    String text = new String(json, StandardCharsets.UTF_8);
    assertEquals(1, text.split("catalog_id", -1).length - 1, text);
    CheckState read = CheckState.read("shard", json);
    assertEquals("123456789012", read.tables().get("db.remote").catalogId());
    assertEquals(null, read.tables().get("db.t").catalogId());

    InvalidDocumentException error =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                CheckState.read(
                    "state/checks/1.json",
                    text.replace("123456789012", "1234").getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.getMessage().contains("catalog id '1234'"), error.getMessage());
  }

  private static CheckRecord inCatalog(CheckRecord record, String catalogId) {
    return new CheckRecord(
        record.table(),
        record.contractKey(),
        record.contractEtag(),
        record.contractSha256(),
        record.glueVersionId(),
        record.glueUpdateTime(),
        record.glueSha256(),
        record.dataLocation(),
        record.hasData(),
        record.horizon(),
        record.inputs(),
        record.runId(),
        record.diffKey(),
        record.status(),
        record.counts(),
        record.owner(),
        record.createdTable(),
        catalogId);
  }

  @Test
  void aBrokenShardNamesTheFieldThatIsWrong() {
    String json =
        new String(
                CheckState.EMPTY.with(List.of(CheckRecords.of("db", "t", OLD))).toJson(),
                StandardCharsets.UTF_8)
            .replace("\"horizon\":\"2027-01-02\"", "\"horizon\":\"soon\"")
            .replace("\"owner\"", "\"ownr\"");
    InvalidDocumentException error =
        assertThrows(
            InvalidDocumentException.class,
            () -> CheckState.read("state/checks/3.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.getMessage().contains("state/checks/3.json"), error.getMessage());
    assertTrue(error.getMessage().contains("$.tables[0].horizon"), error.getMessage());
    assertTrue(error.getMessage().contains("ownr"), error.getMessage());
  }

  @Test
  void judgedMeansSameGlueVersionAndSameContractBytes() {
    CheckRecord record = CheckRecords.of("db", "t", OLD);
    assertTrue(record.judged(CheckRecords.glueTable("db", "t", "3", "id"), "sha-t"));
    // Another version, other content at the same version (dropped and created again), other
    // contract bytes, no table at all: not judged.
    assertTrue(!record.judged(CheckRecords.glueTable("db", "t", "4", "id"), "sha-t"));
    assertTrue(!record.judged(CheckRecords.glueTable("db", "t", "3", "other"), "sha-t"));
    assertTrue(!record.judged(CheckRecords.glueTable("db", "t", "3", "id"), "sha-other"));
    assertTrue(!record.judged(null, "sha-t"));
  }

  @Test
  void tablesSpreadOverEveryShardAndTenThousandStayBounded() {
    List<CheckRecord> records = new ArrayList<>();
    for (int index = 0; index < 10_000; index++) {
      records.add(CheckRecords.of("database_" + index % 100, "table_" + index, OLD));
    }
    Set<String> used = new HashSet<>();
    long largest = 0;
    long total = 0;
    for (String shard : CheckState.shards()) {
      List<CheckRecord> mine =
          records.stream()
              .filter(record -> CheckState.shardOf(record.table()).equals(shard))
              .toList();
      if (!mine.isEmpty()) {
        used.add(shard);
      }
      int size = CheckState.EMPTY.with(mine).toJson().length;
      largest = Math.max(largest, size);
      total += size;
    }
    assertEquals(CheckState.SHARDS, used.size());
    // About 650 bytes a table: 6.5 MB in all, no shard near 1 MB, far below the read limit.
    assertTrue(total < 7_000_000, "total " + total);
    assertTrue(largest < 1_000_000, "largest shard " + largest);
    assertNull(CheckState.EMPTY.tables().get("db.t"));
  }
}
