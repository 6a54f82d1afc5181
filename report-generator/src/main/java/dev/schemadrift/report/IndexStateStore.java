package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.port.ObjectStore;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Reads and updates {@code state/index.json} with optimistic concurrency: read it with its version
 * (ETag), change it, write it only if it is still at that version ({@code If-Match}, or {@code
 * If-None-Match: *} for the first write), and on a conflict read again and redo the change after a
 * jittered, growing pause. No generation ever overwrites another's result.
 */
public final class IndexStateStore {
  static final String JSON = "application/json";

  /** Tries before giving up; with the pauses below, over a minute of steady contention. */
  static final int MAX_ATTEMPTS = 40;

  private static final long FIRST_PAUSE_MILLIS = 20;
  private static final long LONGEST_PAUSE_MILLIS = 2_000;

  private final ObjectStore store;
  private final String bucket;

  public IndexStateStore(ObjectStore store, String bucket) {
    this.store = store;
    this.bucket = bucket;
  }

  /**
   * The state as read, with its version.
   *
   * @param version null when there is no state yet
   */
  public record Snapshot(IndexState state, String version) {}

  public Snapshot read() {
    Optional<ObjectStore.Versioned> found = store.getVersioned(bucket, BucketLayout.INDEX_STATE);
    if (found.isEmpty()) {
      return new Snapshot(IndexState.EMPTY, null);
    }
    return new Snapshot(
        IndexState.read(store.describe(bucket, BucketLayout.INDEX_STATE), found.get().body()),
        found.get().version());
  }

  /**
   * Applies {@code change} to the stored state until a conditional write succeeds, starting from
   * {@code start} (a snapshot just read). Writes nothing when the change changes nothing.
   *
   * @return how many conflicts (writes lost to another generation) it took
   * @throws ConcurrentUpdateException after {@value #MAX_ATTEMPTS} conflicts
   */
  public int update(UnaryOperator<IndexState> change, Snapshot start) {
    Snapshot current = start;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      IndexState next = change.apply(current.state());
      if (current.version() != null && next.equals(current.state())) {
        return attempt;
      }
      if (store.putIfVersion(
          bucket, BucketLayout.INDEX_STATE, next.toJson(), JSON, current.version())) {
        return attempt;
      }
      pause(attempt);
      current = read();
    }
    throw new ConcurrentUpdateException(
        "state/index.json kept changing: gave up after " + MAX_ATTEMPTS + " conflicting writes");
  }

  /** A random pause between half and all of an exponentially growing ceiling. */
  static void pause(int attempt) {
    long ceiling = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 16));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConcurrentUpdateException("interrupted while waiting to retry the index state");
    }
  }

  /**
   * The state could not be updated or published within the bounds; failing the invocation lets
   * Lambda retry the event, which is safe because every step is idempotent.
   */
  public static final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
      super(message);
    }
  }
}
