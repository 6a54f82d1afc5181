package dev.schemadrift.run;

import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ObjectStore.Revalidation;
import dev.schemadrift.port.ObjectStore.Versioned;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract bytes this container has read, each with the ETag S3 returned with them, kept
 * between invocations: an object whose current ETag is known (from a listing) and equal to the
 * cached one is not read again, and any other is revalidated by a conditional GET. Shared by the
 * event path and scheduled runs of one container; safe for the parallel loads of a run.
 */
final class ContractCache {
  /** Bytes kept at most; contracts beyond it are read every time (memory stays bounded). */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final ObjectStore store;
  private final long maxBytes;
  // By bucket/key.
  private final Map<String, Versioned> contracts = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  ContractCache(ObjectStore store) {
    this(store, MAX_BYTES);
  }

  ContractCache(ObjectStore store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  /**
   * The contract's bytes, or empty when it does not exist.
   *
   * @param listedVersion the object's ETag as a listing of this run gave it, or null when unknown:
   *     when it equals the cached ETag no request is made at all, since equal ETags mean equal
   *     bytes
   */
  Optional<byte[]> read(String bucket, String objectKey, String listedVersion) {
    String location = bucket + "/" + objectKey;
    Versioned cached = contracts.get(location);
    if (cached != null && cached.version().equals(listedVersion)) {
      return Optional.of(cached.body().clone());
    }
    Revalidation found =
        store.getIfChanged(
            bucket, objectKey, cached == null ? null : cached.version(), ContractReader.MAX_BYTES);
    return switch (found) {
      case Revalidation.Unchanged unchanged -> Optional.of(cached.body().clone());
      case Revalidation.Missing missing -> {
        forget(location);
        yield Optional.empty();
      }
      case Revalidation.Changed changed -> {
        remember(location, changed.object());
        yield Optional.of(changed.object().body().clone());
      }
    };
  }

  /** The ETag of the bytes kept for {@code bucket/key}, or null when none are kept. */
  String version(String location) {
    Versioned cached = contracts.get(location);
    return cached == null ? null : cached.version();
  }

  /** A contract source for the loader that reads through this cache. */
  ContractLoader.ContractSource source(String listedVersion) {
    return (bucket, objectKey) -> read(bucket, objectKey, listedVersion);
  }

  /**
   * As {@link #source(String)}, where {@code kept} are the bytes a check record keeps of the object
   * at the listed version (null: none): when this container holds no bytes of that version yet, it
   * takes those, with no request, and keeps them like bytes it read.
   */
  ContractLoader.ContractSource source(String listedVersion, byte[] kept) {
    if (listedVersion == null || kept == null) {
      return source(listedVersion);
    }
    return (bucket, objectKey) -> {
      String location = bucket + "/" + objectKey;
      if (!listedVersion.equals(version(location))) {
        remember(location, new Versioned(kept, listedVersion));
      }
      return read(bucket, objectKey, listedVersion);
    };
  }

  private void remember(String location, Versioned object) {
    forget(location);
    if (object.version() == null || bytes.get() + object.body().length > maxBytes) {
      return;
    }
    Versioned kept = new Versioned(object.body().clone(), object.version());
    if (contracts.putIfAbsent(location, kept) == null) {
      bytes.addAndGet(kept.body().length);
    }
  }

  private void forget(String location) {
    Versioned removed = contracts.remove(location);
    if (removed != null) {
      bytes.addAndGet(-removed.body().length);
    }
  }
}
