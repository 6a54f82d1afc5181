package dev.schemadrift.run;

import dev.schemadrift.contract.Registry;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version tags (S3 ETags) of a run's contracts, from one listing per bucket under the longest
 * prefix the contracts share: 1,000 contracts per ListObjectsV2 call instead of one GetObject each.
 * A contract whose tag equals the one its last verdict recorded has not changed and is not read.
 * When a listing fails (or the store lists no tags), the contracts of that bucket simply have no
 * tag: they are read and compared by their bytes' hash instead.
 */
final class ContractVersions {
  static final ContractVersions NONE = new ContractVersions(Map.of());

  private final Map<String, String> byEntry;

  private ContractVersions(Map<String, String> byEntry) {
    this.byEntry = byEntry;
  }

  /** The listed tag of a registry entry's contract, or null. */
  String tag(Registry.Entry entry) {
    return byEntry.get(entry.contract());
  }

  /** Lists the buckets of the entries' contracts; entries the loader will refuse are left out. */
  static ContractVersions list(
      List<Registry.Entry> entries, RunSettings settings, ObjectStore store) {
    Map<String, Map<String, String>> keysByBucket = new LinkedHashMap<>();
    for (Registry.Entry entry : entries) {
      S3Location location = S3Location.parse(entry.contract());
      String bucket = location == null ? settings.contractBucket() : location.bucket();
      String key = location == null ? entry.contract() : location.key();
      if (settings.allowsContractBucket(bucket) && ContractLoader.isPlainKey(key)) {
        keysByBucket.computeIfAbsent(bucket, name -> new HashMap<>()).put(key, entry.contract());
      }
    }
    Map<String, String> byEntry = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> bucket : keysByBucket.entrySet()) {
      Map<String, String> entryByKey = bucket.getValue();
      List<ObjectStore.StoredObject> listed;
      try {
        listed = store.listAll(bucket.getKey(), commonPrefix(new ArrayList<>(entryByKey.keySet())));
      } catch (StoreException e) {
        // Without tags every contract of the bucket is read: slower, never wrong.
        continue;
      }
      for (ObjectStore.StoredObject object : listed) {
        String entry = entryByKey.get(object.key());
        if (entry != null && object.version() != null) {
          byEntry.put(entry, object.version());
        }
      }
    }
    return new ContractVersions(byEntry);
  }

  /** The longest prefix all keys share (the whole key when there is one). */
  static String commonPrefix(List<String> keys) {
    String prefix = keys.getFirst();
    for (String key : keys) {
      int length = 0;
      int limit = Math.min(prefix.length(), key.length());
      while (length < limit && prefix.charAt(length) == key.charAt(length)) {
        length++;
      }
      prefix = prefix.substring(0, length);
    }
    return prefix;
  }
}
