package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.event.ChangedPartition;
import dev.schemadrift.state.CheckRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run of the schema-diff pipeline (DESIGN.md §1): load contracts, read Glue in batches, probe
 * for data, create missing tables, diff, write one artifact per table, write the manifest, and
 * trigger the report generator. One table's failure is that table's ERROR artifact; only a failure
 * to read the registry, write the manifest or trigger the reports fails the run.
 */
public final class SchemaDiffRun {
  /** The pseudo-database of artifacts for contracts too broken to name their table. */
  public static final String CONTRACT_ERRORS_DATABASE = "_contract_errors";

  /** Table parameter naming the run that created a table from its contract. */
  public static final String CREATED_BY_RUN = "schema_drift_created_by_run";

  /** The content type of every object a run writes. */
  static final String JSON = "application/json";

  private final RunSettings settings;
  private final ObjectStore store;
  private final Catalog catalog;
  private final Listener listener;
  private final BoundedParallelism parallelism;
  private final ContractLoader loader;
  private final TableInspection inspection;
  private final ManifestPublication publication;
  private final CheckStateStore states;
  private final ContractCache contracts;

  /** Hears about progress (the CLI's progress line); called from several threads. */
  public interface Listener {
    /** The contracts are loaded: this many tables will be checked. */
    void started(int tables);

    /** One table is done and its artifact written. */
    void tableDone(TableResult result);

    /** Registry entries left for the next scheduled runs of this cycle (MaxTablesPerRun). */
    default void tablesLeft(int tables) {}

    /** A listener that ignores everything. */
    Listener NONE =
        new Listener() {
          @Override
          public void started(int tables) {}

          @Override
          public void tableDone(TableResult result) {}
        };
  }

  public SchemaDiffRun(
      RunSettings settings, ObjectStore store, Catalog catalog, ReportTrigger trigger) {
    this(settings, store, catalog, trigger, Listener.NONE);
  }

  public SchemaDiffRun(
      RunSettings settings,
      ObjectStore store,
      Catalog catalog,
      ReportTrigger trigger,
      Listener listener) {
    this(settings, store, catalog, trigger, listener, CheckStateStore.NONE);
  }

  /**
   * @param states where each table's verdict and its inputs are remembered; {@link
   *     CheckStateStore#NONE} judges every table in every run (the CLI)
   */
  public SchemaDiffRun(
      RunSettings settings,
      ObjectStore store,
      Catalog catalog,
      ReportTrigger trigger,
      Listener listener,
      CheckStateStore states) {
    Objects.requireNonNull(trigger, "trigger (ReportTrigger.NONE for none)");
    this.settings = settings;
    this.store = store;
    this.catalog = catalog;
    this.listener = listener;
    this.states = Objects.requireNonNull(states, "states (CheckStateStore.NONE for none)");
    this.parallelism = new BoundedParallelism(settings.concurrency());
    this.loader = new ContractLoader(settings, store);
    this.contracts = new ContractCache(store);
    this.inspection = new TableInspection(settings, store, catalog);
    this.publication = new ManifestPublication(settings, store, trigger);
  }

  /**
   * One table's work: its registry entry, the contract when it was read, and the earlier verdict
   * that may still stand.
   *
   * @param loaded null while the contract has not been read (its listed tag matched the record)
   * @param candidate null when no earlier verdict can be kept
   */
  private record Item(Registry.Entry entry, LoadedContract loaded, CheckRecord candidate) {}

  /** A table's manifest line and, when it was judged in this run, the state to remember. */
  private record Outcome(TableResult result, CheckRecord record) {
    /** The results, sorted by table: a manifest lists its tables in that order. */
    static List<TableResult> sortedResults(List<Outcome> outcomes) {
      List<TableResult> sorted = new ArrayList<>(outcomes.size());
      outcomes.forEach(outcome -> sorted.add(outcome.result()));
      sorted.sort(Comparator.comparing(result -> result.artifact().table().qualified()));
      return sorted;
    }

    /** The verdicts to record in the check state, in the order judged. */
    static List<CheckRecord> records(List<Outcome> outcomes) {
      return outcomes.stream().map(Outcome::record).filter(Objects::nonNull).toList();
    }
  }

  /** Runs the pipeline; throws {@link RunFailedException} when the run as a whole cannot finish. */
  public RunManifest execute(RunRequest request) {
    RunId run = request.runId();
    Selection selection = Selection.of(request, settings, store);
    boolean remembers = states != CheckStateStore.NONE;
    boolean registryRun = selection.mode() == RunMode.REGISTRY && remembers;
    CheckStateStore.Snapshot before = registryRun ? readState(states::read) : null;
    ContractVersions versions =
        registryRun
            ? ContractVersions.list(selection.entries(), settings, store)
            : ContractVersions.NONE;
    VerdictReuse reuse = new VerdictReuse(settings, run, selection.defaults());
    boolean incremental = registryRun && !request.full() && before != null;
    Map<String, CheckRecord> byContract = new HashMap<>();
    Map<String, CheckRecord> keptBytes = new HashMap<>();
    if (incremental) {
      for (CheckRecord record : before.tables().values()) {
        if (reuse.stillValid(record)) {
          byContract.put(record.contractKey(), record);
        }
        if (record.contractPacked() != null) {
          keptBytes.put(record.contractKey(), record);
        }
      }
    }
    ContractReading reading = new ContractReading(registryRun, incremental, versions, keptBytes);

    // A contract whose listed tag is the one its verdict recorded is not read (yet).
    List<Registry.Entry> entries = selection.entries();
    CheckRecord[] pending = new CheckRecord[entries.size()];
    Set<String> claimed = new HashSet<>();
    List<Integer> toLoad = new ArrayList<>();
    for (int index = 0; index < entries.size(); index++) {
      Registry.Entry entry = entries.get(index);
      CheckRecord record = byContract.get(entry.contract());
      // The registry may name the catalog too: a verdict judged in another one is not kept unread.
      if (record != null
          && VerdictReuse.sameTag(record, versions.tag(entry))
          && Objects.equals(entry.catalogId(), record.catalogId())
          && claimed.add(record.key())) {
        pending[index] = record;
      } else {
        toLoad.add(index);
      }
    }
    List<LoadedContract> read =
        parallelism.map(
            toLoad, index -> reading.load(entries.get(index), selection.defaults(), run));
    Map<Integer, LoadedContract> loadedAt = new HashMap<>();
    for (int position = 0; position < toLoad.size(); position++) {
      loadedAt.put(toLoad.get(position), read.get(position));
    }
    // A table another contract now names too is judged from its contract: duplicates are errors.
    Set<String> named = new HashSet<>();
    for (LoadedContract item : read) {
      if (item.contract() != null) {
        named.add(item.contract().qualifiedName());
      }
    }
    List<LoadedContract> loaded = new ArrayList<>();
    List<Item> kept = new ArrayList<>();
    for (int index = 0; index < entries.size(); index++) {
      Registry.Entry entry = entries.get(index);
      if (pending[index] != null && !named.contains(pending[index].key())) {
        kept.add(new Item(entry, null, pending[index]));
      } else {
        LoadedContract item = loadedAt.get(index);
        if (item == null) {
          claimed.remove(pending[index].key());
          item = reading.load(entry, selection.defaults(), run);
        }
        loaded.add(item);
      }
    }

    List<String> notFound = new ArrayList<>();
    if (!request.tables().isEmpty() && request.contractKey() == null) {
      loaded = LoadedContract.subset(loaded, request.tables(), notFound);
    }
    loaded = LoadedContract.markDuplicates(loaded, run);
    List<Item> items = new ArrayList<>(kept);
    for (LoadedContract item : loaded) {
      CheckRecord record = item.error() == null ? byContract.get(item.key()) : null;
      boolean sameContract =
          record != null && VerdictReuse.sameContract(record, item) && claimed.add(record.key());
      items.add(new Item(item.entry(), item, sameContract ? record : null));
    }

    Map<DatabaseTables.Key, List<String>> names = new LinkedHashMap<>();
    for (Item item : items) {
      if (item.loaded() == null) {
        names
            .computeIfAbsent(keyOf(item.candidate()), database -> new ArrayList<>())
            .add(item.candidate().table().name());
      } else if (item.loaded().contract() != null) {
        names
            .computeIfAbsent(DatabaseTables.Key.of(item.loaded()), database -> new ArrayList<>())
            .add(item.loaded().contract().table());
      }
    }
    Map<DatabaseTables.Key, DatabaseTables> databases =
        DatabaseTables.read(names, catalog, parallelism);
    // A table judged again is probed only when the last check found no data (or long ago).
    Map<String, CheckRecord> known = incremental ? before.tables() : Map.of();
    listener.started(items.size());
    listener.tablesLeft(selection.tablesLeft());
    List<Outcome> outcomes =
        parallelism.map(
            items,
            item -> {
              Outcome outcome =
                  check(item, databases, selection, versions, reading, reuse, run, known);
              listener.tableDone(outcome.result());
              return outcome;
            });
    List<TableResult> sorted = Outcome.sortedResults(outcomes);
    List<CheckRecord> records = Outcome.records(outcomes);
    RunManifest manifest =
        new RunManifest(
            run, selection.mode(), sorted, selection.skipped(), notFound, selection.nextCursor());
    publication.publish(manifest, selection.cursorAfterRun());
    remember(records, before);
    return manifest;
  }

  /**
   * Saves the verdicts judged in a run, after its manifest and report trigger: merged with
   * conditional writes, the newer verdict winning per table.
   *
   * @param before the state as the run read it, or null to read the parts first
   */
  private void remember(List<CheckRecord> records, CheckStateStore.Snapshot before) {
    if (records.isEmpty()) {
      return;
    }
    try {
      states.record(records, before);
    } catch (StoreException e) {
      // Reports are on their way, but the next run would not know these verdicts: fail so that
      // the retry saves them.
      throw new RunFailedException(
          "the diffs and manifest were written but the check state could not be saved: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The event path's run ({@link EventRun}): the contracts are loaded already, the registry cursor
   * does not move, and the tables an event reported deleted are never created. A table whose last
   * verdict still stands by the incremental rule ({@link VerdictReuse}: the same contract, Glue
   * table version, data and policy dates) keeps it: a duplicate event writes no second artifact. A
   * table whose events name changed partitions keeps it only when the batch is a redelivery (its
   * record remembers every one of the events' ids). The verdicts judged are recorded in the check
   * state with the ids of the events that asked for them, like a scheduled run's.
   *
   * @param notCreated why each such table (by qualified name) is not created
   * @param defaults the registry's default policy, which the verdicts depend on
   * @param tags the version tag (ETag) of each entry's contract as read, by contract key
   * @param request the partitions and event ids of each table
   */
  RunManifest executeLoaded(
      RunId runId,
      List<LoadedContract> contracts,
      Map<String, String> notCreated,
      Policy defaults,
      Map<String, String> tags,
      EventRequest request) {
    listener.tablesLeft(0);
    List<LoadedContract> loaded = LoadedContract.markDuplicates(contracts, runId);
    boolean remembers = states != CheckStateStore.NONE;
    CheckStateStore.Snapshot before =
        remembers ? readState(() -> states.read(namesOf(loaded))) : null;
    Map<String, CheckRecord> known = new HashMap<>(before == null ? Map.of() : before.tables());
    // Partitions change without a new table version: only a redelivery (every event of the batch
    // already judged the table) may keep the verdict of a table whose events name partitions.
    for (String name : request.changedPartitions().keySet()) {
      CheckRecord record = known.get(name);
      if (record != null && !record.judgedEvents(request.eventIds(name))) {
        known.remove(name);
      }
    }
    VerdictReuse reuse = new VerdictReuse(settings, runId, defaults);
    Map<DatabaseTables.Key, DatabaseTables> databases =
        DatabaseTables.read(loaded, catalog, parallelism);
    listener.started(loaded.size());
    List<Outcome> outcomes =
        parallelism.map(
            loaded,
            item -> {
              Outcome outcome =
                  checkEvent(
                      item, databases, runId, notCreated, request, reuse, known, tags, remembers);
              listener.tableDone(outcome.result());
              return outcome;
            });
    List<TableResult> sorted = Outcome.sortedResults(outcomes);
    List<CheckRecord> records = Outcome.records(outcomes);
    RunManifest manifest =
        new RunManifest(runId, RunMode.EVENT, sorted, List.of(), List.of(), null);
    publication.publish(manifest, null);
    remember(records, before);
    return manifest;
  }

  /**
   * One table of an event run: its last verdict when it still stands, else judged (and never
   * created when an event reported it deleted).
   */
  private Outcome checkEvent(
      LoadedContract item,
      Map<DatabaseTables.Key, DatabaseTables> databases,
      RunId runId,
      Map<String, String> notCreated,
      EventRequest request,
      VerdictReuse reuse,
      Map<String, CheckRecord> known,
      Map<String, String> tags,
      boolean remembers) {
    DatabaseTables database = databases.get(DatabaseTables.Key.of(item));
    if (item.contract() == null) {
      return new Outcome(inspection.check(item, database, runId, null, null, null, null), null);
    }
    String name = item.contract().qualifiedName();
    String why = notCreated.get(name);
    GlueTable table =
        database == null || database.failure() != null
            ? null
            : database.tables().get(item.contract().table());
    // Only a table the event keeps from being created has a verdict of the event's own.
    VerdictReuse rule = why != null && table == null ? reuse.afterDeletion() : reuse;
    String tag = tags.get(item.key());
    CheckRecord candidate = rule.candidate(known.get(name), item);
    if (candidate != null && stands(candidate, databases)) {
      return new Outcome(
          rule.reused(candidate, item.entry()), VerdictReuse.withTag(candidate, tag));
    }
    TableResult result =
        inspection.check(
            item,
            database,
            runId,
            why,
            null,
            request.changedPartitions().get(name),
            rule.knownPartitions(known.get(name), table, item.contract()));
    return new Outcome(
        result, remembers ? rule.recordOf(result, item, tag, table, request.eventIds(name)) : null);
  }

  /**
   * What the events of an event run ask about each table, by qualified name.
   *
   * @param changedPartitions the partitions events named: read instead of the table's usual
   *     partition sample, and the table is judged unless the batch is a redelivery, since
   *     partitions change without a new table version
   * @param eventIds the EventBridge ids of the events that named the table: recorded with its
   *     verdict, so that their redelivery keeps it
   */
  record EventRequest(
      Map<String, List<ChangedPartition>> changedPartitions, Map<String, List<String>> eventIds) {
    EventRequest {
      changedPartitions = Map.copyOf(changedPartitions);
      eventIds = Map.copyOf(eventIds);
    }

    /** The ids of the events that named the table, or none. */
    List<String> eventIds(String table) {
      return eventIds.getOrDefault(table, List.of());
    }
  }

  /** The tables the loaded contracts name (broken contracts name none). */
  private static List<DiffArtifact.TableName> namesOf(List<LoadedContract> loaded) {
    List<DiffArtifact.TableName> names = new ArrayList<>();
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        names.add(new DiffArtifact.TableName(item.database(), item.contract().table()));
      }
    }
    return names;
  }

  /** The contract cache this container's runs share; the event path reads through it too. */
  ContractCache contractCache() {
    return contracts;
  }

  /**
   * How one run reads its contracts. A registry run with a check state reads through the
   * container's {@link ContractCache}; an incremental one also trusts the listing, so that a
   * contract whose listed ETag is the one cached (a verdict judged again because its Glue table
   * changed, in a warm container) costs no request. A full run revalidates every contract; the CLI
   * (no check state) reads each one from the store and keeps nothing.
   */
  private final class ContractReading {
    private final boolean cached;
    private final boolean trustListing;
    private final ContractVersions versions;
    private final Map<String, CheckRecord> kept;

    /**
     * @param kept the check state's records by contract key: the bytes a record keeps stand for the
     *     contract while its listed tag is the record's (read only when the listing is trusted)
     */
    ContractReading(
        boolean cached,
        boolean trustListing,
        ContractVersions versions,
        Map<String, CheckRecord> kept) {
      this.cached = cached;
      this.trustListing = trustListing;
      this.versions = versions;
      this.kept = kept;
    }

    LoadedContract load(Registry.Entry entry, Policy defaults, RunId run) {
      if (!cached) {
        return loader.load(entry, defaults, run);
      }
      if (!trustListing) {
        return loader.load(entry, defaults, run, contracts.source(null));
      }
      String tag = versions.tag(entry);
      CheckRecord record = kept.get(entry.contract());
      byte[] bytes =
          record != null && VerdictReuse.sameTag(record, tag) ? record.contractBytes() : null;
      return loader.load(entry, defaults, run, contracts.source(tag, bytes));
    }
  }

  /** The state as read, or null (every table judged again) when it cannot be read. */
  private static CheckStateStore.Snapshot readState(Supplier<CheckStateStore.Snapshot> read) {
    try {
      return read.get();
    } catch (StoreException e) {
      return null;
    }
  }

  /** Keeps the table's verdict when it still stands, else judges the table. */
  private Outcome check(
      Item item,
      Map<DatabaseTables.Key, DatabaseTables> databases,
      Selection selection,
      ContractVersions versions,
      ContractReading reading,
      VerdictReuse reuse,
      RunId run,
      Map<String, CheckRecord> known) {
    String tag = versions.tag(item.entry());
    CheckRecord candidate = item.candidate();
    if (candidate != null && stands(candidate, databases)) {
      TableResult result = reuse.reused(candidate, item.entry());
      return new Outcome(result, VerdictReuse.withTag(candidate, tag));
    }
    LoadedContract loaded =
        item.loaded() != null
            ? item.loaded()
            : reading.load(item.entry(), selection.defaults(), run);
    DatabaseTables database = null;
    if (loaded.contract() != null) {
      DatabaseTables.Key key = DatabaseTables.Key.of(loaded);
      database = databases.get(key);
      if (database == null) {
        // The contract changed under its listed tag and now names another database (or catalog).
        database = DatabaseTables.of(key, List.of(loaded.contract().table()), catalog);
      }
    }
    CheckRecord earlier =
        loaded.contract() == null ? null : known.get(loaded.contract().qualifiedName());
    // The table the verdict is judged on; a table created in this run is never kept anyway.
    GlueTable table =
        database == null || database.failure() != null || loaded.contract() == null
            ? null
            : database.tables().get(loaded.contract().table());
    TableResult result =
        inspection.check(
            loaded,
            database,
            run,
            null,
            reuse.knownProbe(earlier),
            null,
            loaded.contract() == null
                ? null
                : reuse.knownPartitions(earlier, table, loaded.contract()));
    return new Outcome(result, reuse.recordOf(result, loaded, tag, table, List.of()));
  }

  /** Whether nothing the verdict was judged on has changed in Glue or at the data location. */
  private boolean stands(CheckRecord record, Map<DatabaseTables.Key, DatabaseTables> databases) {
    if (record.hasData()) {
      return VerdictReuse.sameTable(record, databases.get(keyOf(record)));
    }
    // No data then: the verdict stands while the location is still empty (probed every run).
    try {
      return !inspection.hasData(record.dataLocation());
    } catch (StoreException e) {
      return false;
    }
  }

  /** Where the table of a kept verdict lives: its database in its catalog. */
  private static DatabaseTables.Key keyOf(CheckRecord record) {
    return new DatabaseTables.Key(record.catalogId(), record.table().database());
  }
}
