package dev.schemadrift.run.fakes;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MemoryObjectStore} whose calls are recorded, and whose operations on a given bucket and
 * key (the prefix, for a listing) can be told to fail with a classified {@link StoreException}, as
 * S3 does after the SDK's retries. Thread-safe, because the pipeline works on several tables at
 * once.
 */
public final class RecordingObjectStore extends MemoryObjectStore {
  /** The port's operations. */
  public enum Operation {
    GET,
    PUT,
    LIST
  }

  /** One recorded call; {@code body} is what a PUT wrote, null for the other operations. */
  public record Call(Operation operation, String bucket, String key, byte[] body) {}

  private record Target(Operation operation, String bucket, String key) {}

  private final List<Call> calls = new ArrayList<>();
  private final Map<Target, ErrorKind> failures = new HashMap<>();

  /** Stores an object without recording a call: test setup, not behaviour under test. */
  public RecordingObjectStore add(String bucket, String key, byte[] body) {
    super.put(bucket, key, body, "application/octet-stream");
    return this;
  }

  /** Stores a UTF-8 text object without recording a call. */
  public RecordingObjectStore add(String bucket, String key, String body) {
    return add(bucket, key, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes every later {@code operation} on this bucket and key (or list prefix) fail. */
  public synchronized void fail(Operation operation, String bucket, String key, ErrorKind kind) {
    failures.put(new Target(operation, bucket, key), kind);
  }

  /** The object as stored now, without recording a call. */
  public Optional<byte[]> object(String bucket, String key) {
    return super.get(bucket, key);
  }

  /** The keys of a bucket, in order, without recording a call. */
  public List<String> keys(String bucket) {
    return super.list(bucket, "", Integer.MAX_VALUE).stream().map(StoredObject::key).toList();
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
  public Optional<byte[]> get(String bucket, String key) {
    record(new Call(Operation.GET, bucket, key, null), "reading");
    return super.get(bucket, key);
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    record(new Call(Operation.PUT, bucket, key, body.clone()), "writing");
    super.put(bucket, key, body, contentType);
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, int limit) {
    record(new Call(Operation.LIST, bucket, prefix, null), "listing");
    return super.list(bucket, prefix, limit);
  }

  @Override
  public Optional<Versioned> getVersioned(String bucket, String key) {
    record(new Call(Operation.GET, bucket, key, null), "reading");
    return super.getVersioned(bucket, key);
  }

  @Override
  public Revalidation getIfChanged(String bucket, String key, String knownVersion, long maxBytes) {
    record(new Call(Operation.GET, bucket, key, null), "reading");
    return super.getIfChanged(bucket, key, knownVersion, maxBytes);
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    record(new Call(Operation.PUT, bucket, key, body.clone()), "writing");
    return super.putIfVersion(bucket, key, body, contentType, expectedVersion);
  }

  /** Records the call, then fails it if told to. */
  private synchronized void record(Call call, String verb) {
    calls.add(call);
    ErrorKind kind = failures.get(new Target(call.operation(), call.bucket(), call.key()));
    if (kind != null) {
      throw new StoreException(
          kind, kind + " " + verb + " s3://" + call.bucket() + "/" + call.key(), null);
    }
  }
}
