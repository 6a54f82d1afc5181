package dev.schemadrift.aws;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.CheckState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link CheckStateStore} in the report bucket: {@value CheckState#SHARDS} objects {@code
 * state/checks/<shard>.json}, each updated with optimistic concurrency like {@code
 * state/index.json}: read with its ETag, merge, write only if still at that ETag ({@code If-Match},
 * or {@code If-None-Match: *} for the first write), and on a conflict read again and merge again
 * after a jittered, growing pause. It goes through the {@link ObjectStore} port, so on S3 in the
 * Lambda and on any other store in tests.
 */
public final class S3CheckStateStore implements CheckStateStore {
  static final String JSON = "application/json";

  /** Conflicts tolerated per shard before giving up (over a minute of steady contention). */
  static final int MAX_ATTEMPTS = 40;

  private static final long FIRST_PAUSE_MILLIS = 20;
  private static final long LONGEST_PAUSE_MILLIS = 2_000;

  private final ObjectStore store;
  private final String bucket;

  public S3CheckStateStore(ObjectStore store, String bucket) {
    this.store = store;
    this.bucket = bucket;
  }

  /** One shard as read, with its version (null: it does not exist yet). */
  private record Shard(CheckState state, String version) {}

  private Shard readShard(String shard) {
    String key = CheckState.key(shard);
    Optional<ObjectStore.Versioned> found = store.getVersioned(bucket, key);
    if (found.isEmpty()) {
      return new Shard(CheckState.EMPTY, null);
    }
    byte[] body = found.get().body();
    if (body.length > CheckState.MAX_BYTES) {
      throw ObjectStore.tooLarge(bucket, key, CheckState.MAX_BYTES);
    }
    try {
      return new Shard(CheckState.read(store.describe(bucket, key), body), found.get().version());
    } catch (InvalidDocumentException e) {
      // A shard that cannot be read only costs its tables a fresh check: the next write replaces
      // it (at the version read), instead of every later run failing on it.
      return new Shard(CheckState.EMPTY, found.get().version());
    }
  }

  @Override
  public Snapshot read() {
    return readShards(CheckState.shards());
  }

  /** Reads only the shards of these tables: one GetObject per shard concerned. */
  @Override
  public Snapshot read(Collection<DiffArtifact.TableName> tables) {
    Set<String> shards = new TreeSet<>();
    tables.forEach(table -> shards.add(CheckState.shardOf(table)));
    return readShards(shards);
  }

  private Snapshot readShards(Collection<String> shards) {
    Map<String, CheckRecord> tables = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (String shard : shards) {
      Shard read = readShard(shard);
      tables.putAll(read.state().tables());
      if (read.version() != null) {
        versions.put(shard, read.version());
      }
    }
    return new Snapshot(tables, versions);
  }

  @Override
  public int record(Collection<CheckRecord> records, Snapshot start) {
    Map<String, List<CheckRecord>> byShard = new TreeMap<>();
    for (CheckRecord record : records) {
      byShard
          .computeIfAbsent(CheckState.shardOf(record.table()), shard -> new ArrayList<>())
          .add(record);
    }
    int conflicts = 0;
    for (Map.Entry<String, List<CheckRecord>> entry : byShard.entrySet()) {
      conflicts += recordShard(entry.getKey(), entry.getValue(), start);
    }
    return conflicts;
  }

  private int recordShard(String shard, List<CheckRecord> records, Snapshot start) {
    Shard current = start == null ? readShard(shard) : fromSnapshot(shard, start);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      CheckState next = current.state().with(records);
      if (next.equals(current.state())) {
        return attempt;
      }
      if (store.putIfVersion(
          bucket, CheckState.key(shard), next.toJson(), JSON, current.version())) {
        return attempt;
      }
      pause(attempt);
      current = readShard(shard);
    }
    throw new StoreException(
        ErrorKind.AWS_ERROR,
        "s3://"
            + bucket
            + "/"
            + CheckState.key(shard)
            + " kept changing: gave up after "
            + MAX_ATTEMPTS
            + " conflicting writes",
        null);
  }

  /** A shard as the snapshot saw it: its records and the version they were read at. */
  private static Shard fromSnapshot(String shard, Snapshot start) {
    TreeMap<String, CheckRecord> tables = new TreeMap<>();
    for (Map.Entry<String, CheckRecord> entry : start.tables().entrySet()) {
      if (CheckState.shardOf(entry.getValue().table()).equals(shard)) {
        tables.put(entry.getKey(), entry.getValue());
      }
    }
    return new Shard(new CheckState(tables), start.versions().get(shard));
  }

  /** A random pause between half and all of an exponentially growing ceiling. */
  private static void pause(int attempt) {
    long ceiling = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 16));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(ErrorKind.INTERNAL, "interrupted while retrying the check state", e);
    }
  }
}
