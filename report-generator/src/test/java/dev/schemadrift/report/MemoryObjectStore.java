package dev.schemadrift.report;

import dev.schemadrift.port.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A strict in-memory {@link ObjectStore}: conditional writes are atomic, as on S3, and every write
 * can be observed (and slowed down) through a hook, to interleave concurrent generations.
 */
final class MemoryObjectStore implements ObjectStore {
  private final Map<String, Stored> objects = new TreeMap<>();
  private final AtomicLong versions = new AtomicLong();
  private volatile Consumer<String> beforeWrite = key -> {};

  record Stored(byte[] body, String contentType, String version) {}

  /** Runs before each write with its key (outside the lock): sleep here to widen races. */
  void beforeWrite(Consumer<String> hook) {
    this.beforeWrite = hook;
  }

  @Override
  public synchronized Optional<byte[]> get(String bucket, String key) {
    Stored stored = objects.get(bucket + "/" + key);
    return stored == null ? Optional.empty() : Optional.of(stored.body().clone());
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    beforeWrite.accept(key);
    synchronized (this) {
      objects.put(bucket + "/" + key, stored(body, contentType));
    }
  }

  @Override
  public synchronized List<StoredObject> list(String bucket, String prefix, int limit) {
    List<StoredObject> listed = new ArrayList<>();
    for (Map.Entry<String, Stored> entry : objects.entrySet()) {
      String key = entry.getKey().substring(bucket.length() + 1);
      if (entry.getKey().startsWith(bucket + "/") && key.startsWith(prefix)) {
        listed.add(new StoredObject(key, entry.getValue().body().length));
        if (listed.size() == limit) {
          break;
        }
      }
    }
    return listed;
  }

  @Override
  public synchronized Optional<Versioned> getVersioned(String bucket, String key) {
    Stored stored = objects.get(bucket + "/" + key);
    return stored == null
        ? Optional.empty()
        : Optional.of(new Versioned(stored.body().clone(), stored.version()));
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    beforeWrite.accept(key);
    synchronized (this) {
      Stored current = objects.get(bucket + "/" + key);
      String currentVersion = current == null ? null : current.version();
      if (expectedVersion == null ? current != null : !expectedVersion.equals(currentVersion)) {
        return false;
      }
      objects.put(bucket + "/" + key, stored(body, contentType));
      return true;
    }
  }

  /** Copies a bucket's objects into a folder, as {@code aws s3 sync} would. */
  synchronized void copyTo(String bucket, Path folder) throws IOException {
    for (Map.Entry<String, Stored> entry : objects.entrySet()) {
      if (entry.getKey().startsWith(bucket + "/")) {
        Path file = folder.resolve(entry.getKey().substring(bucket.length() + 1));
        Files.createDirectories(file.getParent());
        Files.write(file, entry.getValue().body());
      }
    }
  }

  synchronized String contentType(String bucket, String key) {
    Stored stored = objects.get(bucket + "/" + key);
    return stored == null ? null : stored.contentType();
  }

  private Stored stored(byte[] body, String contentType) {
    return new Stored(body.clone(), contentType, "v" + versions.incrementAndGet());
  }
}
