package dev.schemadrift.local;

import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.CheckState;
import java.util.Collection;
import java.util.Map;

/**
 * A {@link CheckStateStore} in memory, for tests: the same merge rule as the S3 store (the newer
 * verdict wins per table), applied atomically. Counts the writes that changed it, so that tests can
 * see what a run asked of the state. Thread-safe.
 */
public final class MemoryCheckStateStore implements CheckStateStore {
  private CheckState state = CheckState.EMPTY;
  private int writes;

  @Override
  public synchronized Snapshot read() {
    return new Snapshot(state.tables(), Map.of());
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

  /** How many calls to {@link #record} changed the state. */
  public synchronized int writes() {
    return writes;
  }
}
