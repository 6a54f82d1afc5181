package dev.schemadrift.run;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

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

  private static final int PROBE_LIMIT = 1000;
  private static final String JSON = "application/json";

  private final RunSettings settings;
  private final ObjectStore store;
  private final Catalog catalog;
  private final ReportTrigger trigger;
  private final Listener listener;
  private final BoundedParallelism parallelism;

  /** Hears about progress (the CLI's progress line); called from several threads. */
  public interface Listener {
    /** The contracts are loaded: this many tables will be checked. */
    void started(int tables);

    /** One table is done and its artifact written. */
    void tableDone(TableResult result);

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
    this.settings = settings;
    this.store = store;
    this.catalog = catalog;
    this.trigger = Objects.requireNonNull(trigger, "trigger (ReportTrigger.NONE for none)");
    this.listener = listener;
    this.parallelism = new BoundedParallelism(settings.concurrency());
  }

  /** Runs the pipeline; throws {@link RunFailedException} when the run as a whole cannot finish. */
  public RunManifest execute(RunRequest request) {
    Selection selection = select(request);
    List<Loaded> loaded =
        parallelism.map(
            selection.entries(), entry -> load(entry, selection.defaults(), request.runId()));
    List<String> notFound = new ArrayList<>();
    if (!request.tables().isEmpty() && request.contractKey() == null) {
      loaded = subset(loaded, request.tables(), notFound);
    }
    loaded = markDuplicates(loaded, request.runId());
    Map<String, DatabaseTables> databases = readCatalog(loaded);
    listener.started(loaded.size());
    List<TableResult> results =
        parallelism.map(
            loaded,
            item -> {
              TableResult result = check(item, databases.get(databaseOf(item)), request.runId());
              listener.tableDone(result);
              return result;
            });
    List<TableResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(result -> result.artifact().table().qualified()));
    RunManifest manifest =
        new RunManifest(
            request.runId(),
            selection.mode(),
            sorted,
            selection.skipped(),
            notFound,
            selection.nextCursor());
    String manifestKey = BucketLayout.manifest(request.runId().value());
    try {
      store.put(settings.reportBucket(), manifestKey, manifest.toJson(), JSON);
    } catch (StoreException e) {
      throw new RunFailedException(
          "the diffs were written but the run manifest "
              + manifestKey
              + " could not be: "
              + e.getMessage(),
          e);
    }
    if (selection.cursorAfterRun() != null) {
      try {
        RegistryCursor.save(store, settings.reportBucket(), selection.cursorAfterRun());
      } catch (StoreException e) {
        // The next scheduled run would repeat this slice: fail so the retry saves the cursor.
        throw new RunFailedException(
            "the diffs and manifest were written but the registry cursor could not be saved: "
                + e.getMessage(),
            e);
      }
    }
    try {
      trigger.trigger(settings.reportBucket(), manifestKey);
    } catch (StoreException e) {
      throw new RunFailedException(
          "the diffs and manifest "
              + manifestKey
              + " were written but the report generator could not be"
              + " started: "
              + e.getMessage(),
          e);
    }
    return manifest;
  }

  // ------------------------------------------------------------------------------ selection

  /** Which contracts this run checks, under which defaults, and how the cursor moves. */
  private record Selection(
      RunMode mode,
      List<Registry.Entry> entries,
      Policy defaults,
      List<String> skipped,
      RegistryCursor.Position nextCursor,
      RegistryCursor cursorAfterRun) {}

  private Selection select(RunRequest request) {
    String single = request.contractKey() != null ? request.contractKey() : null;
    if (single == null && !settings.registryMode() && request.tables().isEmpty()) {
      single = settings.contractKey();
    }
    Registry registry = settings.registryMode() ? readRegistry() : null;
    Policy defaults = registry == null ? Policy.EMPTY : registry.defaultPolicy();
    if (!request.contractKeys().isEmpty()) {
      List<Registry.Entry> entries = new ArrayList<>();
      for (String key : request.contractKeys()) {
        entries.add(new Registry.Entry(key, true, List.of()));
      }
      return new Selection(RunMode.EXPLICIT, entries, defaults, List.of(), null, null);
    }
    if (single != null) {
      return new Selection(
          RunMode.SINGLE,
          List.of(new Registry.Entry(single, true, List.of())),
          defaults,
          List.of(),
          null,
          null);
    }
    if (registry == null) {
      throw new RunFailedException(
          request.tables().isEmpty()
              ? "no contract to check: the event names no contract_key, and neither CONTRACT_KEY nor"
                  + " REGISTRY_BUCKET is configured"
              : "a table subset needs a registry, but REGISTRY_BUCKET is not configured",
          null);
    }
    List<Registry.Entry> enabled = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Registry.Entry entry : registry.tables()) {
      if (entry.enabled()) {
        enabled.add(entry);
      } else {
        skipped.add(entry.contract());
      }
    }
    if (!request.tables().isEmpty()) {
      return new Selection(RunMode.SUBSET, enabled, defaults, skipped, null, null);
    }
    RegistryCursor previous = RegistryCursor.load(store, settings.reportBucket());
    RegistryCursor.Slice slice =
        RegistryCursor.slice(previous, enabled, settings.maxTablesPerRun(), request.runId());
    return new Selection(
        RunMode.REGISTRY, slice.entries(), defaults, skipped, slice.next(), slice.cursorAfterRun());
  }

  private Registry readRegistry() {
    String where = "s3://" + settings.registryBucket() + "/" + settings.registryKey();
    byte[] bytes;
    try {
      bytes =
          store
              .get(settings.registryBucket(), settings.registryKey(), RegistryReader.MAX_BYTES)
              .orElseThrow(
                  () -> new RunFailedException("the registry " + where + " does not exist", null));
    } catch (StoreException e) {
      throw new RunFailedException(
          "the registry " + where + " could not be read: " + e.getMessage(), e);
    }
    try {
      return RegistryReader.read(where, bytes);
    } catch (InvalidDocumentException e) {
      throw new RunFailedException("the registry is invalid: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------- contracts

  /** A registry entry after loading: its contract, or the ERROR artifact that replaces it. */
  private record Loaded(
      Registry.Entry entry,
      String key,
      DiffArtifact.ContractInfo info,
      Contract contract,
      DiffArtifact error) {}

  private Loaded load(Registry.Entry entry, Policy defaults, RunId run) {
    String key = entry.contract();
    S3Location location = S3Location.parse(key);
    String bucket = location == null ? settings.contractBucket() : location.bucket();
    String objectKey = location == null ? key : location.key();
    // s3://bucket/key, or the local file the CLI read it from.
    String source = store.describe(bucket, objectKey);
    if (!settings.allowsContractBucket(bucket)) {
      return broken(
          entry,
          key,
          null,
          run,
          ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED,
          "contract "
              + key
              + " is outside the contract bucket"
              + (settings.registryBucket() == null ? "" : " and the registry bucket")
              + ": contracts are read only from there");
    }
    if (!isPlainKey(objectKey)) {
      return broken(
          entry,
          key,
          null,
          run,
          ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED,
          "contract key '"
              + key
              + "' is not a plain object key (empty, '.' or '..' segments, a leading '/' or"
              + " control characters): contracts are read only from inside the contract bucket");
    }
    byte[] bytes;
    try {
      Optional<byte[]> found = store.get(bucket, objectKey, ContractReader.MAX_BYTES);
      if (found.isEmpty()) {
        return broken(
            entry,
            key,
            null,
            run,
            ErrorKind.CONTRACT_NOT_FOUND,
            "contract " + source + " does not exist");
      }
      bytes = found.get();
    } catch (StoreException e) {
      // A local key whose link leaves the contracts folder is INVALID_KEY: a location not allowed.
      ErrorKind kind =
          switch (e.kind()) {
            case TOO_LARGE -> ErrorKind.INVALID_CONTRACT;
            case INVALID_KEY -> ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED;
            default -> e.kind();
          };
      return broken(entry, key, null, run, kind, "contract " + source + ": " + e.getMessage());
    }
    DiffArtifact.ContractInfo info =
        new DiffArtifact.ContractInfo(key, null, Fingerprint.sha256(bytes));
    try {
      Contract contract = Contracts.read(source, bytes);
      contract = contract.withPolicy(contract.policy().over(defaults));
      return new Loaded(
          entry,
          key,
          new DiffArtifact.ContractInfo(key, contract.contractVersion(), info.sha256()),
          contract,
          null);
    } catch (InvalidDocumentException e) {
      return broken(entry, key, info, run, ErrorKind.INVALID_CONTRACT, e.getMessage());
    }
  }

  /** A key without path tricks: S3 reads them literally, but local folders and humans do not. */
  static boolean isPlainKey(String key) {
    if (key.isEmpty() || key.startsWith("/")) {
      return false;
    }
    for (int index = 0; index < key.length(); index++) {
      if (Character.isISOControl(key.charAt(index))) {
        return false;
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static Loaded broken(
      Registry.Entry entry,
      String key,
      DiffArtifact.ContractInfo info,
      RunId run,
      ErrorKind kind,
      String message) {
    DiffArtifact artifact =
        TableCheck.error(
            run,
            placeholderName(key),
            info == null ? new DiffArtifact.ContractInfo(key, null, null) : info,
            kind,
            message);
    return new Loaded(entry, key, info, null, artifact);
  }

  /**
   * A valid Glue-style name for a contract that could not name its own table: derived from the key
   * (sanitised) plus a hash, so distinct keys never share an artifact.
   */
  static DiffArtifact.TableName placeholderName(String key) {
    String cleaned =
        key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.length() > 80) {
      cleaned = cleaned.substring(cleaned.length() - 80);
    }
    String hash = Fingerprint.sha256(key).substring(0, 8);
    return new DiffArtifact.TableName(
        CONTRACT_ERRORS_DATABASE, (cleaned.isEmpty() ? "contract" : cleaned) + "_" + hash);
  }

  private static List<Loaded> subset(
      List<Loaded> loaded, List<String> tables, List<String> notFound) {
    Map<String, Loaded> byName = new LinkedHashMap<>();
    for (Loaded item : loaded) {
      if (item.contract() != null) {
        byName.putIfAbsent(item.contract().qualifiedName(), item);
      }
    }
    List<Loaded> chosen = new ArrayList<>();
    for (String wanted : tables) {
      Loaded item = byName.get(wanted.toLowerCase(Locale.ROOT));
      if (item == null) {
        notFound.add(wanted);
      } else if (!chosen.contains(item)) {
        chosen.add(item);
      }
    }
    // Broken contracts cannot be matched by name but must never vanish silently.
    for (Loaded item : loaded) {
      if (item.contract() == null) {
        chosen.add(item);
      }
    }
    return chosen;
  }

  /** Two contracts for one table would overwrite each other's artifact: the first one wins. */
  private static List<Loaded> markDuplicates(List<Loaded> loaded, RunId run) {
    Map<String, String> owners = new HashMap<>();
    List<Loaded> result = new ArrayList<>(loaded.size());
    for (Loaded item : loaded) {
      if (item.contract() != null) {
        String first = owners.putIfAbsent(item.contract().qualifiedName(), item.key());
        if (first != null) {
          result.add(
              broken(
                  item.entry(),
                  item.key(),
                  item.info(),
                  run,
                  ErrorKind.DUPLICATE_CONTRACT,
                  "contract "
                      + item.key()
                      + " describes "
                      + item.contract().qualifiedName()
                      + ", which contract "
                      + first
                      + " already describes; only the first is checked"));
          continue;
        }
      }
      result.add(item);
    }
    return result;
  }

  // ------------------------------------------------------------------------------ catalog

  /** One database's tables as read in batch, or the failure that prevented reading them. */
  private record DatabaseTables(
      boolean exists, Map<String, GlueTable> tables, StoreException failure) {}

  private static String databaseOf(Loaded item) {
    return item.contract() == null ? null : item.contract().database();
  }

  private Map<String, DatabaseTables> readCatalog(List<Loaded> loaded) {
    Map<String, List<String>> namesByDatabase = new LinkedHashMap<>();
    for (Loaded item : loaded) {
      if (item.contract() != null) {
        namesByDatabase
            .computeIfAbsent(item.contract().database(), database -> new ArrayList<>())
            .add(item.contract().table());
      }
    }
    List<Map.Entry<String, List<String>>> databases = new ArrayList<>(namesByDatabase.entrySet());
    List<DatabaseTables> read =
        parallelism.map(
            databases,
            database -> {
              try {
                Optional<List<GlueTable>> tables =
                    catalog.tables(database.getKey(), database.getValue());
                Map<String, GlueTable> byName = new HashMap<>();
                tables.ifPresent(
                    list ->
                        list.forEach(
                            table ->
                                byName.putIfAbsent(table.name().toLowerCase(Locale.ROOT), table)));
                return new DatabaseTables(tables.isPresent(), byName, null);
              } catch (StoreException e) {
                return new DatabaseTables(false, Map.of(), e);
              }
            });
    Map<String, DatabaseTables> result = new HashMap<>();
    for (int index = 0; index < databases.size(); index++) {
      result.put(databases.get(index).getKey(), read.get(index));
    }
    return result;
  }

  // -------------------------------------------------------------------------------- table

  private TableResult check(Loaded item, DatabaseTables database, RunId run) {
    DiffArtifact artifact;
    String owner = item.contract() == null ? null : item.contract().owner();
    if (item.error() != null) {
      artifact = item.error();
    } else {
      try {
        artifact = judge(item, database, run);
      } catch (StoreException e) {
        artifact =
            TableCheck.error(run, nameOf(item.contract()), item.info(), e.kind(), e.getMessage());
      } catch (RuntimeException e) {
        // Never report a table OK when it was not checked: an unexpected failure is its ERROR.
        artifact =
            TableCheck.error(
                run,
                nameOf(item.contract()),
                item.info(),
                ErrorKind.INTERNAL,
                "internal error while checking the table, please report it: " + e.getMessage());
      } catch (StackOverflowError e) {
        // A pathological input (types nested beyond what the comparison can follow) is this
        // table's ERROR, never the end of the run.
        artifact =
            TableCheck.error(
                run,
                nameOf(item.contract()),
                item.info(),
                ErrorKind.TOO_COMPLEX,
                "the table's types are nested too deeply to compare");
      }
    }
    String diffKey = BucketLayout.diff(artifact.table(), run.value());
    try {
      store.put(settings.reportBucket(), diffKey, ArtifactJson.write(artifact), JSON);
      return new TableResult(artifact, item.key(), owner, item.entry().tags(), diffKey, null);
    } catch (StoreException e) {
      // The verdict is lost with its artifact: the manifest must not show the table as judged.
      DiffArtifact unwritten =
          TableCheck.error(
              run,
              artifact.table(),
              artifact.contract(),
              ErrorKind.DIFF_NOT_WRITTEN,
              "the diff artifact " + diffKey + " could not be written: " + e.getMessage());
      return new TableResult(
          unwritten, item.key(), owner, item.entry().tags(), null, e.getMessage());
    }
  }

  private static DiffArtifact.TableName nameOf(Contract contract) {
    return new DiffArtifact.TableName(contract.database(), contract.table());
  }

  private DiffArtifact judge(Loaded item, DatabaseTables database, RunId run) {
    Contract contract = item.contract();
    S3Location data = S3Location.parse(contract.dataLocation());
    if (!settings.allowsDataBucket(data.bucket())) {
      return TableCheck.error(
          run,
          nameOf(contract),
          item.info(),
          ErrorKind.DATA_LOCATION_NOT_ALLOWED,
          "data_location "
              + contract.dataLocation()
              + " is in bucket "
              + data.bucket()
              + ", which DATA_BUCKETS does not list ("
              + String.join(", ", new TreeSet<>(settings.dataBuckets()))
              + "): it is neither probed nor used to create the table");
    }
    if (database.failure() != null) {
      throw database.failure();
    }
    DiffArtifact.DataProbe probe = probe(contract);
    if (!probe.hasData()) {
      return TableCheck.noData(run, item.info(), contract, probe);
    }
    GlueTable table = database.tables().get(contract.table());
    if (table != null) {
      return TableCheck.compared(run, item.info(), contract, table, probe, createdBy(table, run));
    }
    if (!contract.policy().effectiveCreateIfMissing()) {
      return TableCheck.missing(run, item.info(), contract, probe, "create_if_missing is off");
    }
    Optional<GlueTable> definition = TableDefinitions.fromContract(contract);
    if (definition.isEmpty()) {
      return TableCheck.missing(
          run,
          item.info(),
          contract,
          probe,
          "the monitor does not create "
              + contract.format().jsonName()
              + " tables: they need metadata only their writer makes");
    }
    if (!database.exists()) {
      catalog.createDatabase(
          contract.database(), "Created by schema-drift from contract " + item.key());
    }
    catalog.createTable(
        definition.get().withParameter(CREATED_BY_RUN, run.value()), contract.description());
    // Read back what Glue holds (also when another run created it first), so that a rerun of
    // this run compares the same definition and writes the same bytes.
    GlueTable created =
        catalog
            .table(contract.database(), contract.table())
            .orElseThrow(
                () ->
                    new StoreException(
                        ErrorKind.GLUE_INCONSISTENT,
                        "Glue accepted table "
                            + contract.qualifiedName()
                            + " but does not return it",
                        null));
    return TableCheck.compared(run, item.info(), contract, created, probe, createdBy(created, run));
  }

  /** Whether this run (or an earlier attempt of it) created the table. */
  private static boolean createdBy(GlueTable table, RunId run) {
    return run.value().equals(table.parameters().get(CREATED_BY_RUN));
  }

  /** One listing of the data location: data files exist unless everything is a marker. */
  private DiffArtifact.DataProbe probe(Contract contract) {
    S3Location location = S3Location.parse(contract.dataLocation());
    String prefix = location.folderPrefix();
    List<ObjectStore.StoredObject> objects = store.list(location.bucket(), prefix, PROBE_LIMIT);
    boolean hasData = objects.stream().anyMatch(object -> isDataFile(object, prefix));
    return new DiffArtifact.DataProbe(contract.dataLocation(), hasData);
  }

  /**
   * Athena and Hive skip files whose name starts with {@code _} or {@code .} ({@code _SUCCESS},
   * {@code .crc}), folder markers and empty objects; so does the probe. Only the part below the
   * table's location counts: a location such as {@code s3://lake/_landing/t/} is not hidden.
   */
  static boolean isDataFile(ObjectStore.StoredObject object, String prefix) {
    String key = object.key();
    if (object.size() == 0 || key.endsWith("/") || key.endsWith("$folder$")) {
      return false;
    }
    for (String segment : key.substring(prefix.length()).split("/")) {
      if (segment.startsWith("_") || segment.startsWith(".")) {
        return false;
      }
    }
    return true;
  }
}
