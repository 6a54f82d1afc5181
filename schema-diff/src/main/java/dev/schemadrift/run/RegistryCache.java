package dev.schemadrift.run;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ObjectStore.Revalidation;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry and its contracts as this container last read them, for the event path: which
 * registry entry describes a Glue table, and which entries use a contract key. Kept between
 * invocations and revalidated by ETag (a conditional GET that S3 answers 304 without a body), so an
 * event for a table outside the registry costs one such request and nothing else.
 *
 * <p>A table is known by reading the contract an entry names (the registry lists contracts, not
 * tables): every enabled entry's contract is read once per container, then only revalidated when an
 * event needs it. Not thread-safe: one invocation at a time uses it, as Lambda guarantees.
 */
final class RegistryCache implements ContractLoader.ContractSource {
  private final RunSettings settings;
  private final ObjectStore store;
  private final ContractLoader loader;
  private final BoundedParallelism parallelism;
  // Contract bytes and ETags, shared with the scheduled runs of this container.
  private final ContractCache contracts;
  private String registryVersion;
  private Registry registry;
  // The qualified table name each enabled entry's contract names (absent: unreadable contract).
  private Map<String, String> tableByEntry = new LinkedHashMap<>();

  RegistryCache(
      RunSettings settings,
      ObjectStore store,
      ContractLoader loader,
      BoundedParallelism parallelism,
      ContractCache contracts) {
    this.settings = settings;
    this.contracts = contracts;
    this.store = store;
    this.loader = loader;
    this.parallelism = parallelism;
  }

  /**
   * The current registry: revalidated (one request), re-read only when it changed, and the
   * contracts of entries not seen before read to learn their tables.
   *
   * @throws RunFailedException when the registry is missing, unreadable or invalid
   */
  Registry refresh(RunId run) {
    String where = "s3://" + settings.registryBucket() + "/" + settings.registryKey();
    Revalidation found;
    try {
      found =
          store.getIfChanged(
              settings.registryBucket(),
              settings.registryKey(),
              registryVersion,
              RegistryReader.MAX_BYTES);
    } catch (StoreException e) {
      throw new RunFailedException(
          "the registry " + where + " could not be read: " + e.getMessage(), e);
    }
    switch (found) {
      case Revalidation.Unchanged unchanged -> {
        // The registry this container holds is current.
      }
      case Revalidation.Missing missing -> {
        registry = null;
        registryVersion = null;
        throw new RunFailedException("the registry " + where + " does not exist", null);
      }
      case Revalidation.Changed changed -> {
        try {
          registry = RegistryReader.read(where, changed.object().body());
        } catch (InvalidDocumentException e) {
          throw new RunFailedException("the registry is invalid: " + e.getMessage(), e);
        }
        registryVersion = changed.object().version();
        index(run);
      }
    }
    return registry;
  }

  /** Learns the table of every enabled entry not indexed yet; forgets removed entries. */
  private void index(RunId run) {
    Map<String, String> previous = tableByEntry;
    List<Registry.Entry> unknown = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    for (Registry.Entry entry : registry.tables()) {
      if (!entry.enabled()) {
        continue;
      }
      String table = previous.get(entry.contract());
      if (table != null) {
        current.put(entry.contract(), table);
      } else {
        unknown.add(entry);
      }
    }
    List<LoadedContract> loaded =
        parallelism.map(unknown, entry -> loader.load(entry, Policy.EMPTY, run, this));
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        current.put(item.key(), item.contract().qualifiedName());
      }
    }
    tableByEntry = current;
  }

  /** The enabled entry whose contract describes the table (the first one), or empty. */
  Optional<Registry.Entry> entryFor(String qualifiedTable) {
    for (Map.Entry<String, String> indexed : tableByEntry.entrySet()) {
      if (indexed.getValue().equals(qualifiedTable)) {
        return entry(indexed.getKey());
      }
    }
    return Optional.empty();
  }

  /** The tables of the enabled entries in one database, in registry order. */
  List<String> tablesOf(String database) {
    List<String> tables = new ArrayList<>();
    for (String table : tableByEntry.values()) {
      if (table.startsWith(database + ".") && !tables.contains(table)) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** The enabled entries whose contract is this object (a key or an s3:// URI naming it). */
  List<Registry.Entry> entriesUsing(String bucket, String key) {
    List<Registry.Entry> entries = new ArrayList<>();
    for (Registry.Entry entry : registry.tables()) {
      if (entry.enabled() && location(entry.contract()).equals(bucket + "/" + key)) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Whether the object is the registry itself. */
  boolean isRegistry(String bucket, String key) {
    return bucket.equals(settings.registryBucket()) && key.equals(settings.registryKey());
  }

  /**
   * Records the table a loaded contract describes now: a contract may be edited to name another
   * table, or uploaded after the index was built without it.
   */
  void learn(LoadedContract item) {
    if (item.contract() != null) {
      tableByEntry.put(item.key(), item.contract().qualifiedName());
    }
  }

  /**
   * The version tag (ETag) of an entry's contract as this container last read it, or null: the tag
   * a scheduled run lists, recorded with the verdict so that the run need not read the contract.
   */
  String tag(Registry.Entry entry) {
    return contracts.version(location(entry.contract()));
  }

  private Optional<Registry.Entry> entry(String contract) {
    return registry.tables().stream()
        .filter(entry -> entry.contract().equals(contract))
        .findFirst();
  }

  /** {@code bucket/key} of a registry entry's contract. */
  private String location(String contract) {
    S3Location parsed = S3Location.parse(contract);
    return parsed == null
        ? settings.contractBucket() + "/" + contract
        : parsed.bucket() + "/" + parsed.key();
  }

  /** The contract's bytes, revalidated against the cached ETag (read again only when changed). */
  @Override
  public Optional<byte[]> read(String bucket, String objectKey) {
    return contracts.read(bucket, objectKey, null);
  }
}
