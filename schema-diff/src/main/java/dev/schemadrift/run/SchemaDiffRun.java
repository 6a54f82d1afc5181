package dev.schemadrift.run;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    Objects.requireNonNull(trigger, "trigger (ReportTrigger.NONE for none)");
    this.settings = settings;
    this.store = store;
    this.catalog = catalog;
    this.listener = listener;
    this.parallelism = new BoundedParallelism(settings.concurrency());
    this.loader = new ContractLoader(settings, store);
    this.inspection = new TableInspection(settings, store, catalog);
    this.publication = new ManifestPublication(settings, store, trigger);
  }

  /** Runs the pipeline; throws {@link RunFailedException} when the run as a whole cannot finish. */
  public RunManifest execute(RunRequest request) {
    Selection selection = Selection.of(request, settings, store);
    List<LoadedContract> loaded =
        parallelism.map(
            selection.entries(),
            entry -> loader.load(entry, selection.defaults(), request.runId()));
    List<String> notFound = new ArrayList<>();
    if (!request.tables().isEmpty() && request.contractKey() == null) {
      loaded = LoadedContract.subset(loaded, request.tables(), notFound);
    }
    listener.tablesLeft(selection.tablesLeft());
    List<TableResult> sorted = checkAll(loaded, request.runId(), Map.of());
    RunManifest manifest =
        new RunManifest(
            request.runId(),
            selection.mode(),
            sorted,
            selection.skipped(),
            notFound,
            selection.nextCursor());
    publication.publish(manifest, selection.cursorAfterRun());
    return manifest;
  }

  /**
   * The event path's run ({@link EventRun}): the contracts are loaded already, the registry cursor
   * does not move, and the tables an event reported deleted are never created.
   *
   * @param notCreated why each such table (by qualified name) is not created
   */
  RunManifest executeLoaded(
      RunId runId, List<LoadedContract> loaded, Map<String, String> notCreated) {
    listener.tablesLeft(0);
    List<TableResult> sorted = checkAll(loaded, runId, notCreated);
    RunManifest manifest =
        new RunManifest(runId, RunMode.EVENT, sorted, List.of(), List.of(), null);
    publication.publish(manifest, null);
    return manifest;
  }

  /** Reads Glue per database, checks every table and writes its artifact; sorted by table. */
  private List<TableResult> checkAll(
      List<LoadedContract> contracts, RunId runId, Map<String, String> notCreated) {
    List<LoadedContract> loaded = LoadedContract.markDuplicates(contracts, runId);
    Map<DatabaseTables.Key, DatabaseTables> databases =
        DatabaseTables.read(loaded, catalog, parallelism);
    listener.started(loaded.size());
    List<TableResult> results =
        parallelism.map(
            loaded,
            item -> {
              String why =
                  item.contract() == null ? null : notCreated.get(item.contract().qualifiedName());
              TableResult result =
                  inspection.check(item, databases.get(DatabaseTables.Key.of(item)), runId, why);
              listener.tableDone(result);
              return result;
            });
    List<TableResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(result -> result.artifact().table().qualified()));
    return sorted;
  }
}
