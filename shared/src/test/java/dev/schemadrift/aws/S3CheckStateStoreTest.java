package dev.schemadrift.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.CheckRecords;
import dev.schemadrift.state.CheckState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class S3CheckStateStoreTest {
  private static final String BUCKET = "reports";
  private static final String OLD = "20261201T080000Z";
  private static final String NEW = "20261202T080000Z";

  /** Counts the conditional writes and their outcome. */
  private static final class CountingStore extends MemoryObjectStore {
    final AtomicInteger conditionalWrites = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public boolean putIfVersion(
        String bucket, String key, byte[] body, String contentType, String expectedVersion) {
      conditionalWrites.incrementAndGet();
      return super.putIfVersion(bucket, key, body, contentType, expectedVersion);
    }

    @Override
    public synchronized java.util.Optional<Versioned> getVersioned(String bucket, String key) {
      reads.incrementAndGet();
      return super.getVersioned(bucket, key);
    }
  }

  @Test
  void writesOnlyTheShardsItsRecordsChangeAndFindsThemAgain() {
    CountingStore objects = new CountingStore();
    S3CheckStateStore states = new S3CheckStateStore(objects, BUCKET);
    CheckRecord record = CheckRecords.of("db", "t", OLD);
    states.record(List.of(record), states.read());
    assertEquals(1, objects.conditionalWrites.get());
    assertTrue(objects.get(BUCKET, CheckState.key(CheckState.shardOf(record.table()))).isPresent());
    assertEquals(record, states.find(record.table()).orElseThrow());

    // The same record again changes nothing: no write at all.
    objects.reads.set(0);
    CheckStateStore.Snapshot again = states.read();
    assertEquals(CheckState.SHARDS, objects.reads.get());
    states.record(List.of(record), again);
    assertEquals(1, objects.conditionalWrites.get());
  }

  @Test
  void aSnapshotOfSomeTablesReadsOnlyTheirShardsAndRecordsThemAtTheVersionsRead() {
    CountingStore objects = new CountingStore();
    S3CheckStateStore states = new S3CheckStateStore(objects, BUCKET);
    CheckRecord old = CheckRecords.of("db", "t", OLD);
    CheckRecord other = CheckRecords.of("db", "u", OLD);
    states.record(List.of(old, other), null);
    int writes = objects.conditionalWrites.get();
    objects.reads.set(0);

    CheckStateStore.Snapshot some = states.read(List.of(old.table()));

    assertEquals(1, objects.reads.get());
    assertEquals(old, some.tables().get(old.key()));
    CheckRecord newer = CheckRecords.of("db", "t", NEW);
    assertEquals(0, states.record(List.of(newer), some));
    assertEquals(writes + 1, objects.conditionalWrites.get());
    assertEquals(newer, states.find(old.table()).orElseThrow());
    assertEquals(other, states.find(other.table()).orElseThrow());
  }

  @Test
  void aStaleSnapshotIsMergedNotOverwritten() {
    MemoryObjectStore objects = new MemoryObjectStore();
    S3CheckStateStore states = new S3CheckStateStore(objects, BUCKET);
    CheckStateStore.Snapshot stale = states.read();
    // Another run writes first, for two tables of (possibly) the same shards.
    states.record(List.of(CheckRecords.of("db", "a", NEW), CheckRecords.of("db", "b", OLD)), null);
    // This run's records were judged against the stale snapshot; an older verdict of a loses.
    int conflicts =
        states.record(
            List.of(CheckRecords.of("db", "a", OLD), CheckRecords.of("db", "c", OLD)), stale);
    CheckStateStore.Snapshot after = states.read();
    assertEquals(
        List.of("db.a", "db.b", "db.c"), after.tables().keySet().stream().sorted().toList());
    assertEquals(NEW, after.tables().get("db.a").runId());
    assertTrue(conflicts >= 1, "the stale write must have conflicted");
  }

  @Test
  void overlappingWritersNeverLoseATable() throws Exception {
    MemoryObjectStore objects = new MemoryObjectStore();
    int writers = 8;
    int perWriter = 40;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<Integer>> done = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        int id = writer;
        done.add(
            pool.submit(
                () -> {
                  S3CheckStateStore states = new S3CheckStateStore(objects, BUCKET);
                  CheckStateStore.Snapshot start = states.read();
                  List<CheckRecord> mine = new ArrayList<>();
                  for (int index = 0; index < perWriter; index++) {
                    mine.add(CheckRecords.of("db_" + id, "t_" + index, OLD));
                  }
                  return states.record(mine, start);
                }));
      }
      for (Future<Integer> future : done) {
        future.get();
      }
    }
    CheckStateStore.Snapshot all = new S3CheckStateStore(objects, BUCKET).read();
    assertEquals(writers * perWriter, all.tables().size());
    for (int writer = 0; writer < writers; writer++) {
      for (int index = 0; index < perWriter; index++) {
        assertTrue(
            all.tables().containsKey("db_" + writer + ".t_" + index),
            "lost db_" + writer + ".t_" + index);
      }
    }
    assertEquals(
        CheckRecords.of("db_0", "t_0", OLD),
        new S3CheckStateStore(objects, BUCKET)
            .find(new DiffArtifact.TableName("db_0", "t_0"))
            .orElseThrow());
  }
}
