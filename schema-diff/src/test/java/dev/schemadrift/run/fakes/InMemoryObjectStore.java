package dev.schemadrift.run.fakes;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link ObjectStore} in memory: each bucket is a key-sorted map (S3 lists in key order), every
 * call is recorded, and any operation on a given bucket and key (the prefix, for a listing) can be
 * told to fail with a classified {@link StoreException}, as S3 does after the SDK's retries.
 * Thread-safe, because the pipeline works on several tables at once.
 */
public final class InMemoryObjectStore implements ObjectStore {
  /** The port's operations. */
  public enum Operation {
    GET,
    PUT,
    LIST
  }

  /** One recorded call; {@code body} is what a PUT wrote, null for the other operations. */
  public record Call(Operation operation, String bucket, String key, byte[] body) {}

  private record Target(Operation operation, String bucket, String key) {}

  private final Map<String, NavigableMap<String, byte[]>> buckets = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<Target, ErrorKind> failures = new HashMap<>();

  /** Stores an object without recording a call: test setup, not behaviour under test. */
  public synchronized InMemoryObjectStore add(String bucket, String key, byte[] body) {
    buckets.computeIfAbsent(bucket, name -> new TreeMap<>()).put(key, body.clone());
    return this;
  }

  /** Stores a UTF-8 text object without recording a call. */
  public InMemoryObjectStore add(String bucket, String key, String body) {
    return add(bucket, key, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes every later {@code operation} on this bucket and key (or list prefix) fail. */
  public synchronized void fail(Operation operation, String bucket, String key, ErrorKind kind) {
    failures.put(new Target(operation, bucket, key), kind);
  }

  /** The object as stored now, without recording a call. */
  public synchronized Optional<byte[]> object(String bucket, String key) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    byte[] body = objects == null ? null : objects.get(key);
    return Optional.ofNullable(body == null ? null : body.clone());
  }

  /** The keys of a bucket, in order, without recording a call. */
  public synchronized List<String> keys(String bucket) {
    NavigableMap<String, byte[]> objects = buckets.get(bucket);
    return objects == null ? List.of() : List.copyOf(objects.keySet());
  }

  /** Every call so far, in the order they were made. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one operation, in order. */
  public synchronized List<Call> calls(Operation operation) {
    return calls.stream().filter(call -> call.operation() == operation).toList();
  }

  /** Forgets the recorded calls (not the objects), to look at one run at a time. */
  public synchronized void clearCalls() {
    calls.clear();
  }

  @Override
  public synchronized Optional<byte[]> get(String bucket, String key) {
    calls.add(new Call(Operation.GET, bucket, key, null));
    failIfTold(Operation.GET, bucket, key, "reading");
    return object(bucket, key);
  }

  @Override
  public synchronized void put(String bucket, String key, byte[] body, String contentType) {
    calls.add(new Call(Operation.PUT, bucket, key, body.clone()));
    failIfTold(Operation.PUT, bucket, key, "writing");
    add(bucket, key, body);
  }

  @Override
  public synchronized List<StoredObject> list(String bucket, String prefix, int limit) {
    calls.add(new Call(Operation.LIST, bucket, prefix, null));
    failIfTold(Operation.LIST, bucket, prefix, "listing");
    NavigableMap<String, byte[]> objects = buckets.getOrDefault(bucket, new TreeMap<>());
    List<StoredObject> listed = new ArrayList<>();
    for (Map.Entry<String, byte[]> object : objects.tailMap(prefix, true).entrySet()) {
      if (!object.getKey().startsWith(prefix) || listed.size() == limit) {
        break;
      }
      listed.add(new StoredObject(object.getKey(), object.getValue().length));
    }
    return listed;
  }

  @Override
  public synchronized Optional<Versioned> getVersioned(String bucket, String key) {
    return get(bucket, key)
        .map(body -> new Versioned(body, dev.schemadrift.diff.Fingerprint.sha256(body)));
  }

  @Override
  public synchronized boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    String current = object(bucket, key).map(dev.schemadrift.diff.Fingerprint::sha256).orElse(null);
    if (!java.util.Objects.equals(current, expectedVersion)) {
      return false;
    }
    put(bucket, key, body, contentType);
    return true;
  }

  private void failIfTold(Operation operation, String bucket, String key, String verb) {
    ErrorKind kind = failures.get(new Target(operation, bucket, key));
    if (kind != null) {
      throw new StoreException(kind, kind + " " + verb + " s3://" + bucket + "/" + key, null);
    }
  }
}
