package dev.schemadrift.report;

import dev.schemadrift.local.MemoryObjectStore;
import java.util.function.Consumer;

/**
 * A {@link MemoryObjectStore} whose writes can be observed and slowed down through a hook that runs
 * before each write, outside the store's lock, to interleave concurrent generations.
 */
final class PausingObjectStore extends MemoryObjectStore {
  private volatile Consumer<String> beforeWrite = key -> {};

  /** Runs before each write with its key: sleep or wait here to widen races. */
  void beforeWrite(Consumer<String> hook) {
    this.beforeWrite = hook;
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    beforeWrite.accept(key);
    super.put(bucket, key, body, contentType);
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    beforeWrite.accept(key);
    return super.putIfVersion(bucket, key, body, contentType, expectedVersion);
  }
}
