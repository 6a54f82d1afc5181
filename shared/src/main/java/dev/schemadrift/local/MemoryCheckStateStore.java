package dev.schemadrift.local;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.CheckState;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CheckStateStore} in memory, for tests and priming: the same merge rule as the S3 store
 * (the newer verdict wins per table), applied atomically. Counts its reads and writes so that tests
 * can see what a run asked of the state. Thread-safe.
 */
public final class MemoryCheckStateStore implements CheckStateStore {
  private CheckState state = CheckState.EMPTY;
  private int reads;
  private int writes;

  @Override
  public synchronized Snapshot read() {
    reads++;
    return new Snapshot(state.tables(), Map.of());
  }

  @Override
  public synchronized Optional<CheckRecord> find(DiffArtifact.TableName table) {
    reads++;
    return Optional.ofNullable(state.tables().get(BucketLayout.folder(table)));
  }

  @Override
  public synchronized int record(Collection<CheckRecord> records, Snapshot start) {
    CheckState next = state.with(records);
    if (!next.equals(state)) {
      writes++;
      state = next;
    }
    return 0;
  }

  /** Every record, by {@code <db>.<table>}. */
  public synchronized Map<String, CheckRecord> records() {
    return state.tables();
  }

  /** How many reads ({@link #read} and {@link #find}) were made. */
  public synchronized int reads() {
    return reads;
  }

  /** How many calls to {@link #record} changed the state. */
  public synchronized int writes() {
    return writes;
  }
}
