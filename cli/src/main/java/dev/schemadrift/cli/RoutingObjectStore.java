package dev.schemadrift.cli;

import dev.schemadrift.port.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each bucket to its own store: the CLI keeps contracts and output in local folders while
 * data probes go to S3 ({@code --aws}) or to a local data root. Listing is only ever a data probe,
 * so every listing goes to the data store, whatever its bucket is named: a data location in a
 * bucket named like a stand-in is looked for in the data, never among contracts or output.
 */
final class RoutingObjectStore implements ObjectStore {
  private final Map<String, ObjectStore> byBucket;
  private final ObjectStore fallback;

  /**
   * @param byBucket the stores of the stand-in buckets (contracts, output)
   * @param fallback the data store: every listing, and any bucket not in {@code byBucket}
   */
  RoutingObjectStore(Map<String, ObjectStore> byBucket, ObjectStore fallback) {
    this.byBucket = Map.copyOf(byBucket);
    this.fallback = fallback;
  }

  private ObjectStore route(String bucket) {
    return byBucket.getOrDefault(bucket, fallback);
  }

  @Override
  public String describe(String bucket, String key) {
    return route(bucket).describe(bucket, key);
  }

  @Override
  public Optional<byte[]> get(String bucket, String key) {
    return route(bucket).get(bucket, key);
  }

  @Override
  public Optional<byte[]> get(String bucket, String key, long maxBytes) {
    return route(bucket).get(bucket, key, maxBytes);
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    route(bucket).put(bucket, key, body, contentType);
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, int limit) {
    return fallback.list(bucket, prefix, limit);
  }

  @Override
  public Optional<Versioned> getVersioned(String bucket, String key) {
    return route(bucket).getVersioned(bucket, key);
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    return route(bucket).putIfVersion(bucket, key, body, contentType, expectedVersion);
  }
}
