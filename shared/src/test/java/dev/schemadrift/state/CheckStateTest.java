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
            true,
            null,
            List.of(),
            null,
            null);
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
                    good.createdTable(),
                    null,
                    List.of(),
                    null,
                    null));
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
    return rebuilt(record, record.contractSha256(), catalogId, null, null);
  }

  /** The record keeping a contract's bytes and a partition sample. */
  private static CheckRecord withKept(CheckRecord record, byte[] contract, PartitionMemo memo) {
    return rebuilt(
        record,
        dev.schemadrift.diff.Fingerprint.sha256(contract),
        record.catalogId(),
        CheckRecord.packContract(contract),
        memo);
  }

  /** The record with another contract hash, catalog, packed contract and partition sample. */
  private static CheckRecord rebuilt(
      CheckRecord record, String sha256, String catalogId, String packed, PartitionMemo memo) {
    return new CheckRecord(
        record.table(),
        record.contractKey(),
        record.contractEtag(),
        sha256,
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
        catalogId,
        record.eventIds(),
        packed,
        memo);
  }

  @Test
  void keptContractBytesAndPartitionsAreWrittenOnlyWhenThereAreAnyAndReadBackEqual() {
    byte[] contract =
        "{\"contract_version\": \"1.0.0\", \"table\": \"t\"}".getBytes(StandardCharsets.UTF_8);
    PartitionMemo memo =
        PartitionMemo.of(
            dev.schemadrift.catalog.PartitionSample.read(
                100,
                List.of(
                    new dev.schemadrift.catalog.GluePartition(
                        List.of("2024-01-01"),
                        List.of(dev.schemadrift.catalog.GlueColumn.of("id", "bigint")),
                        "s3://data/db/t/dt=2024-01-01/",
                        "in",
                        "serde",
                        java.util.Map.of(),
                        true)),
                false),
            OLD);
    CheckRecord kept = withKept(CheckRecords.of("db", "t", OLD), contract, memo);
    assertArrayEquals(contract, kept.contractBytes());
    CheckState state = CheckState.EMPTY.with(List.of(kept, CheckRecords.of("db", "other", OLD)));
    byte[] json = state.toJson();
    String text = new String(json, StandardCharsets.UTF_8);
    assertEquals(1, text.split("\"contract_gz\"", -1).length - 1, text);
    assertEquals(1, text.split("\"partition_sample\"", -1).length - 1, text);
    CheckState read = CheckState.read("shard", json);
    assertEquals(state, read);
    assertArrayEquals(json, read.toJson());
    assertArrayEquals(contract, read.tables().get("db.t").contractBytes());
    assertEquals(
        List.of("2024-01-01"),
        read.tables().get("db.t").partitions().sample().partitions().getFirst().values());
    assertEquals(null, read.tables().get("db.other").partitions(), "an old record: none");

    // Bytes whose hash is not the verdict's are not the contract it was judged on.
    CheckRecord mismatched =
        rebuilt(
            kept,
            kept.contractSha256(),
            null,
            CheckRecord.packContract("{}".getBytes(StandardCharsets.UTF_8)),
            null);
    assertEquals(null, mismatched.contractBytes());

    InvalidDocumentException error =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                CheckState.read(
                    "state/checks/1.json",
                    text.replace("\"limit\":100", "\"limit\":-1")
                        .getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.getMessage().contains("partition_sample"), error.getMessage());
  }

  private static CheckRecord withEvents(CheckRecord record, String... ids) {
    return record.withEventIdsAfter(List.of(ids));
  }

  @Test
  void eventIdsAreKeptInOrderBoundedAndWrittenOnlyWhenThereAreAny() {
    CheckRecord record = withEvents(CheckRecords.of("db", "t", OLD), "e1", "e2");
    assertEquals(List.of("e1", "e2"), record.eventIds());
    assertTrue(record.judgedEvents(List.of("e2")));
    assertTrue(record.judgedEvents(List.of("e1", "e2")));
    assertTrue(!record.judgedEvents(List.of("e2", "e3")), "a new event among them: judged");
    assertTrue(!record.judgedEvents(List.of()), "no event id: nothing recognised");
    assertEquals(record, record.withEventIdsAfter(List.of("e1")), "each id once");

    List<String> many = new ArrayList<>();
    for (int index = 0; index < 40; index++) {
      many.add("event-" + index);
    }
    CheckRecord bounded = CheckRecords.of("db", "t", OLD).withEventIdsAfter(many);
    assertEquals(many.subList(40 - CheckRecord.MAX_EVENT_IDS, 40), bounded.eventIds());
    // The record's own ids come after the earlier ones: the oldest are dropped first.
    List<String> after = record.withEventIdsAfter(many).eventIds();
    assertEquals(CheckRecord.MAX_EVENT_IDS, after.size());
    assertEquals(List.of("event-39", "e1", "e2"), after.subList(after.size() - 3, after.size()));

    CheckState state = CheckState.EMPTY.with(List.of(record, CheckRecords.of("db", "other", OLD)));
    byte[] json = state.toJson();
    String text = new String(json, StandardCharsets.UTF_8);
    assertEquals(1, text.split("\"event_ids\"", -1).length - 1, text);
    assertTrue(text.contains("\"event_ids\":[\"e1\",\"e2\"]"), text);
    CheckState read = CheckState.read("shard", json);
    assertEquals(state, read);
    assertEquals(List.of(), read.tables().get("db.other").eventIds(), "an old record: no ids");
    assertArrayEquals(json, read.toJson());

    String tooMany = text.replace("[\"e1\",\"e2\"]", "[\"" + String.join("\",\"", many) + "\"]");
    InvalidDocumentException error =
        assertThrows(
            InvalidDocumentException.class,
            () -> CheckState.read("state/checks/2.json", tooMany.getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.getMessage().contains("40 event ids"), error.getMessage());
    String notText = text.replace("[\"e1\",\"e2\"]", "[\"e1\",7]");
    error =
        assertThrows(
            InvalidDocumentException.class,
            () -> CheckState.read("state/checks/2.json", notText.getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.getMessage().contains("$.tables[1].event_ids[1]"), error.getMessage());
  }

  @Test
  void aMergeKeepsTheEventIdsOfBothVerdictsWhicheverWins() {
    CheckRecord eventVerdict = withEvents(CheckRecords.of("db", "t", OLD), "e1");
    // A scheduled run's later verdict knows no events: the ids the table was judged by stay.
    CheckRecord scheduled = CheckRecords.of("db", "t", NEW);
    CheckRecord merged =
        CheckState.EMPTY.with(List.of(eventVerdict)).with(List.of(scheduled)).tables().get("db.t");
    assertEquals(NEW, merged.runId());
    assertEquals(List.of("e1"), merged.eventIds());
    // An overlapping event run whose older verdict loses still leaves its event id.
    CheckRecord later = withEvents(CheckRecords.of("db", "t", NEW), "e3");
    CheckRecord overlapping = withEvents(CheckRecords.of("db", "t", OLD), "e2");
    CheckState state = CheckState.EMPTY.with(List.of(later)).with(List.of(overlapping));
    assertEquals(List.of("e2", "e3"), state.tables().get("db.t").eventIds());
    assertEquals(NEW, state.tables().get("db.t").runId());
    assertEquals(state, state.with(List.of(overlapping, later)), "merging again changes nothing");
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
  void sameTableMeansSameGlueVersionAndSameContent() {
    CheckRecord record = CheckRecords.of("db", "t", OLD);
    assertTrue(record.sameTable(CheckRecords.glueTable("db", "t", "3", "id")));
    // Another version, other content at the same version (dropped and created again), no table
    // at all: not the same.
    assertTrue(!record.sameTable(CheckRecords.glueTable("db", "t", "4", "id")));
    assertTrue(!record.sameTable(CheckRecords.glueTable("db", "t", "3", "other")));
    assertTrue(!record.sameTable(null));
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
