package dev.schemadrift.port;

import dev.schemadrift.error.ErrorKind;
import java.util.List;
import java.util.Optional;

/** Where contracts, registries, diffs and reports live: S3, or a folder per bucket locally. */
public interface ObjectStore {
  /** The object's bytes, or empty when there is no such object. */
  Optional<byte[]> get(String bucket, String key);

  /**
   * Like {@link #get(String, String)}, but an object larger than {@code maxBytes} is refused with a
   * {@link StoreException} of kind {@code TOO_LARGE} instead of being read whole: input that could
   * exhaust the function's memory is an error of its own.
   */
  default Optional<byte[]> get(String bucket, String key, long maxBytes) {
    Optional<byte[]> body = get(bucket, key);
    if (body.isPresent() && body.get().length > maxBytes) {
      throw tooLarge(bucket, key, maxBytes);
    }
    return body;
  }

  /** The error for an object above a read limit. */
  static StoreException tooLarge(String bucket, String key, long maxBytes) {
    return tooLarge("s3://" + bucket + "/" + key, maxBytes);
  }

  /** The error for an object or file, as messages name it, above a read limit. */
  static StoreException tooLarge(String name, long maxBytes) {
    String limit =
        maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes";
    return new StoreException(
        ErrorKind.TOO_LARGE, name + " is larger than the " + limit + " limit", null);
  }

  /** Writes (or replaces) an object whole; readers never see half an object. */
  void put(String bucket, String key, byte[] body, String contentType);

  /**
   * Up to {@code limit} objects under a prefix, in key order, with their sizes: enough to tell data
   * files from markers without reading anything.
   */
  List<StoredObject> list(String bucket, String prefix, int limit);

  /**
   * Every object under a prefix, in key order, with its size and version tag: the whole listing,
   * page by page (S3 returns at most 1,000 keys per ListObjectsV2 call), so that a run can tell
   * which of its contracts changed without reading them.
   */
  default List<StoredObject> listAll(String bucket, String prefix) {
    return list(bucket, prefix, Integer.MAX_VALUE);
  }

  /** The object with its version tag (S3's ETag), or empty when there is no such object. */
  Optional<Versioned> getVersioned(String bucket, String key);

  /**
   * The object only when it is no longer at {@code knownVersion} (null: whatever is there): how a
   * cache kept between invocations revalidates what it holds without reading it again (S3: a GET
   * with If-None-Match, answered 304 without a body when nothing changed). An object larger than
   * {@code maxBytes} is refused as by {@link #get(String, String, long)}.
   */
  default Revalidation getIfChanged(String bucket, String key, String knownVersion, long maxBytes) {
    Optional<Versioned> current = getVersioned(bucket, key);
    if (current.isEmpty()) {
      return new Revalidation.Missing();
    }
    if (current.get().version().equals(knownVersion)) {
      return new Revalidation.Unchanged();
    }
    if (current.get().body().length > maxBytes) {
      throw tooLarge(bucket, key, maxBytes);
    }
    return new Revalidation.Changed(current.get());
  }

  /**
   * Writes only if the object is still at {@code expectedVersion} (null: only if it does not exist
   * yet). Returns false when another writer got there first; the caller re-reads, merges and tries
   * again. This is how shared state (the report index) is updated without losing writes.
   */
  boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion);

  /**
   * How messages name an object: {@code s3://bucket/key}, or the file that stands for it locally,
   * so that the user can find what a message is about.
   */
  default String describe(String bucket, String key) {
    return "s3://" + bucket + "/" + key;
  }

  /**
   * One listed object.
   *
   * @param version its version tag (S3's ETag), or null when the store does not list one
   */
  record StoredObject(String key, long size, String version) {
    /** A listed object whose version is not known. */
    public StoredObject(String key, long size) {
      this(key, size, null);
    }
  }

  /** An object's bytes and version tag. */
  record Versioned(byte[] body, String version) {}

  /** What a revalidation found: the known version still current, a new one, or no object. */
  sealed interface Revalidation {
    /** The object is still at the version the caller knows. */
    record Unchanged() implements Revalidation {}

    /** The object changed (or the caller knew no version): its bytes and new version. */
    record Changed(Versioned object) implements Revalidation {}

    /** There is no such object (any more). */
    record Missing() implements Revalidation {}
  }
}
