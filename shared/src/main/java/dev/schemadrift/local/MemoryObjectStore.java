package dev.schemadrift.local;

import dev.schemadrift.port.ObjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link ObjectStore} in memory, for SnapStart priming and tests: each bucket is a key-sorted
 * map (S3 lists in key order), bodies are copied in and out, and conditional writes are atomic, as
 * on S3. Every write gives the object a new version, so a conditional write fails after any other
 * write, even one of the same bytes. Thread-safe.
 *
 * <p>Test fakes extend it to observe, slow down or fail calls: its methods never call one another,
 * so an override sees each call once.
 */
public class MemoryObjectStore implements ObjectStore {
  private final Map<String, NavigableMap<String, Versioned>> buckets = new HashMap<>();
  private long versions;

  @Override
  public synchronized Optional<byte[]> get(String bucket, String key) {
    Versioned stored = find(bucket, key);
    return stored == null ? Optional.empty() : Optional.of(stored.body().clone());
  }

  @Override
  public synchronized void put(String bucket, String key, byte[] body, String contentType) {
    store(bucket, key, body);
  }

  @Override
  public synchronized List<StoredObject> list(String bucket, String prefix, int limit) {
    List<StoredObject> listed = new ArrayList<>();
    NavigableMap<String, Versioned> objects = buckets.get(bucket);
    if (objects == null) {
      return listed;
    }
    for (Map.Entry<String, Versioned> object : objects.tailMap(prefix, true).entrySet()) {
      if (listed.size() == limit || !object.getKey().startsWith(prefix)) {
        break;
      }
      listed.add(
          new StoredObject(
              object.getKey(), object.getValue().body().length, object.getValue().version()));
    }
    return listed;
  }

  @Override
  public synchronized Optional<Versioned> getVersioned(String bucket, String key) {
    Versioned stored = find(bucket, key);
    return stored == null
        ? Optional.empty()
        : Optional.of(new Versioned(stored.body().clone(), stored.version()));
  }

  @Override
  public synchronized Revalidation getIfChanged(
      String bucket, String key, String knownVersion, long maxBytes) {
    Versioned stored = find(bucket, key);
    if (stored == null) {
      return new Revalidation.Missing();
    }
    if (stored.version().equals(knownVersion)) {
      return new Revalidation.Unchanged();
    }
    if (stored.body().length > maxBytes) {
      throw ObjectStore.tooLarge(bucket, key, maxBytes);
    }
    return new Revalidation.Changed(new Versioned(stored.body().clone(), stored.version()));
  }

  @Override
  public synchronized boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    Versioned current = find(bucket, key);
    if (expectedVersion == null
        ? current != null
        : current == null || !expectedVersion.equals(current.version())) {
      return false;
    }
    store(bucket, key, body);
    return true;
  }

  private Versioned find(String bucket, String key) {
    NavigableMap<String, Versioned> objects = buckets.get(bucket);
    return objects == null ? null : objects.get(key);
  }

  private void store(String bucket, String key, byte[] body) {
    buckets
        .computeIfAbsent(bucket, name -> new TreeMap<>())
        .put(key, new Versioned(body.clone(), "v" + ++versions));
  }
}
