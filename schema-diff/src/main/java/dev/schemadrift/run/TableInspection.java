package dev.schemadrift.run;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.SparkDatasource;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.delta.DeltaLog;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.event.ChangedPartition;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One table's check: probe its data, create it when missing, compare it with its contract and write
 * its artifact. Any failure is that table's ERROR artifact, never the end of the run.
 */
final class TableInspection {
  private static final int PROBE_LIMIT = 1000;

  private final RunSettings settings;
  private final ObjectStore store;
  private final Catalog catalog;

  TableInspection(RunSettings settings, ObjectStore store, Catalog catalog) {
    this.settings = settings;
    this.store = store;
    this.catalog = catalog;
  }

  /** Checks one loaded contract against its database's tables and writes the artifact. */
  TableResult check(LoadedContract item, DatabaseTables database, RunId run) {
    return check(item, database, run, null, null, null, null);
  }

  /** A verdict, and the table's usual partition sample when it compared one. */
  private record Judged(DiffArtifact artifact, PartitionSample sampled) {
    Judged(DiffArtifact artifact) {
      this(artifact, null);
    }
  }

  /**
   * As above; {@code notCreatedBecause}, when not null, keeps a missing table from being created
   * whatever the contract's create_if_missing says (a table an event reported deleted) and says why
   * in its TABLE_MISSING finding. {@code knownProbe}, when not null, is the data probe an earlier
   * check found files with at the same location, so that it is not repeated. {@code
   * changedPartitions}, when not null, are the partitions a change event named: they are read and
   * compared instead of the table's usual partition sample. {@code knownPartitions}, when not null,
   * is the usual sample an earlier check read of the same Glue table version, compared instead of
   * reading it again.
   */
  TableResult check(
      LoadedContract item,
      DatabaseTables database,
      RunId run,
      String notCreatedBecause,
      DiffArtifact.DataProbe knownProbe,
      List<ChangedPartition> changedPartitions,
      PartitionSample knownPartitions) {
    DiffArtifact artifact;
    PartitionSample sampled = null;
    String owner = item.contract() == null ? null : item.contract().owner();
    if (item.error() != null) {
      artifact = item.error();
    } else {
      try {
        Judged judged =
            judge(
                item,
                database,
                run,
                notCreatedBecause,
                knownProbe,
                changedPartitions,
                knownPartitions);
        artifact = judged.artifact();
        sampled = judged.sampled();
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
    if (item.contract() != null && item.contract().catalogId() != null) {
      // Every outcome of another account's table names its catalog, errors included.
      artifact = artifact.withCatalogId(item.contract().catalogId());
    }
    String diffKey = BucketLayout.diff(artifact.table(), run.value());
    try {
      store.put(settings.reportBucket(), diffKey, ArtifactJson.write(artifact), SchemaDiffRun.JSON);
      return new TableResult(
          artifact,
          item.key(),
          owner,
          item.entry().tags(),
          diffKey,
          null,
          null,
          artifact.status() == Status.ERROR ? null : sampled);
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

  private Judged judge(
      LoadedContract item,
      DatabaseTables database,
      RunId run,
      String notCreatedBecause,
      DiffArtifact.DataProbe knownProbe,
      List<ChangedPartition> changedPartitions,
      PartitionSample knownPartitions) {
    Contract contract = item.contract();
    if (contract.isView()) {
      return new Judged(judgeView(item, database, run));
    }
    Catalog catalog = this.catalog.inCatalog(contract.catalogId());
    S3Location data = S3Location.parse(contract.dataLocation());
    if (!settings.allowsDataBucket(data.bucket())) {
      return new Judged(
          TableCheck.error(
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
                  + "): it is neither probed nor used to create the table"));
    }
    if (database.failure() != null) {
      throw database.failure();
    }
    DiffArtifact.DataProbe probe =
        knownProbe != null && knownProbe.location().equals(contract.dataLocation())
            ? knownProbe
            : probe(contract);
    if (!probe.hasData()) {
      return new Judged(TableCheck.noData(run, item.info(), contract, probe));
    }
    GlueTable table = database.tables().get(contract.table());
    if (table != null) {
      GlueTable compared = SparkDatasource.isDelta(table) ? withDeltaSchema(table) : table;
      boolean created = createdBy(table, run);
      boolean named = isNamed(changedPartitions, table);
      PartitionSample sample =
          partitions(
              catalog, contract, table, created, named ? changedPartitions : null, knownPartitions);
      return new Judged(
          TableCheck.compared(run, item.info(), contract, compared, sample, probe, created),
          named ? null : sample);
    }
    if (notCreatedBecause != null) {
      return new Judged(TableCheck.missing(run, item.info(), contract, probe, notCreatedBecause));
    }
    if (!contract.policy().effectiveCreateIfMissing()) {
      return new Judged(
          TableCheck.missing(run, item.info(), contract, probe, "create_if_missing is off"));
    }
    Optional<GlueTable> definition = TableDefinitions.fromContract(contract);
    if (definition.isEmpty()) {
      return new Judged(
          TableCheck.missing(
              run,
              item.info(),
              contract,
              probe,
              "the monitor does not create "
                  + contract.format().jsonName()
                  + " tables: they need metadata only their writer makes"));
    }
    // Last: only when creating is all that stands between the table and the catalog does the
    // reason point at --create-missing.
    switch (settings.tableCreation()) {
      case NEVER -> {
        return new Judged(
            TableCheck.missing(
                run,
                item.info(),
                contract,
                probe,
                "the check is read-only: --create-missing creates it"));
      }
      case AS_POLICY_ALLOWS -> {
        // Allowed by the policy above: create it.
      }
    }
    if (!database.exists()) {
      catalog.createDatabase(
          contract.database(), "Created by schema-drift from contract " + item.key());
    }
    catalog.createTable(
        definition.get().withParameter(SchemaDiffRun.CREATED_BY_RUN, run.value()),
        contract.description());
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
    return new Judged(
        TableCheck.compared(run, item.info(), contract, created, probe, createdBy(created, run)));
  }

  /**
   * The partitions to compare with the table: one catalog call for a partitioned table, none for a
   * table this run created (it has no partitions yet), a table without Glue partitions (null) or
   * one whose sample is off or projected (a skipped sample, which the artifact states). A change
   * event's partitions replace the sample: exactly those are read (at most the first 1,000, one
   * call), whatever the sample's size; those deleted since are simply not found.
   *
   * @param catalog the catalog holding the table (its account's)
   * @param changed the partitions a change event named (one value per key), or null for the usual
   *     sample
   * @param known the usual sample as an earlier check of this table version read it, or null
   */
  private static PartitionSample partitions(
      Catalog catalog,
      Contract contract,
      GlueTable table,
      boolean created,
      List<ChangedPartition> changed,
      PartitionSample known) {
    if (created || !PartitionSample.applies(table)) {
      return null;
    }
    int limit = contract.policy().effectivePartitionSample();
    String why = PartitionSample.whyNotRead(table, limit);
    if (why != null) {
      return PartitionSample.skipped(limit, why);
    }
    if (changed == null) {
      return known != null && known.limit() == limit
          ? known
          : catalog.partitions(table, limit).orElse(null);
    }
    List<List<String>> values =
        changed.stream().limit(Policy.MAX_PARTITION_SAMPLE).map(ChangedPartition::values).toList();
    PartitionSample named = catalog.partitionsNamed(table, values).orElse(null);
    if (named == null || changed.size() <= values.size()) {
      return named;
    }
    return PartitionSample.read(named.limit(), named.partitions(), true);
  }

  /** Whether change events named partitions that are read instead of the usual sample. */
  private static boolean isNamed(List<ChangedPartition> changed, GlueTable table) {
    return changed != null && !changed.isEmpty() && fitKeys(changed, table);
  }

  /**
   * Whether every changed partition has one value per partition key. One that does not cannot be a
   * partition of the table as it is now (its keys changed since the event, or the event is wrong),
   * so the table's usual sample is read instead of guessing.
   */
  private static boolean fitKeys(List<ChangedPartition> changed, GlueTable table) {
    int keys = table.partitionKeys().size();
    return changed.stream().allMatch(partition -> partition.values().size() == keys);
  }

  /**
   * A view has no files to probe and is never made from a contract (only its defining query could
   * make it): it is compared when Glue has it and TABLE_MISSING otherwise.
   */
  private static DiffArtifact judgeView(LoadedContract item, DatabaseTables database, RunId run) {
    Contract contract = item.contract();
    if (database.failure() != null) {
      throw database.failure();
    }
    GlueTable table = database.tables().get(contract.table());
    if (table != null) {
      return TableCheck.compared(run, item.info(), contract, table, null, false);
    }
    return TableCheck.missing(
        run,
        item.info(),
        contract,
        null,
        "the monitor never creates a view: only its defining query can make it");
  }

  /**
   * A Delta table with the schema of its log's current version, read through the store from the
   * table's own location (not the contract's: the log is where the table is).
   */
  private GlueTable withDeltaSchema(GlueTable table) {
    String location = SparkDatasource.dataLocation(table);
    S3Location parsed = location == null ? null : S3Location.parse(location);
    if (parsed == null) {
      throw new StoreException(
          ErrorKind.DELTA_LOG_NOT_FOUND,
          "Glue table "
              + table.qualifiedName()
              + " is a Delta Lake table without an s3:// location (SerDe parameter path or"
              + " StorageDescriptor.Location: "
              + location
              + "), so its _delta_log cannot be read",
          null);
    }
    if (!settings.allowsDataBucket(parsed.bucket())) {
      throw new StoreException(
          ErrorKind.DATA_LOCATION_NOT_ALLOWED,
          "the Delta log of Glue table "
              + table.qualifiedName()
              + " is in bucket "
              + parsed.bucket()
              + ", which DATA_BUCKETS does not list, so it is not read",
          null);
    }
    return DeltaLog.resolved(store, parsed.bucket(), parsed.folderPrefix(), table);
  }

  /** Whether this run (or an earlier attempt of it) created the table. */
  private static boolean createdBy(GlueTable table, RunId run) {
    return run.value().equals(table.parameters().get(SchemaDiffRun.CREATED_BY_RUN));
  }

  /** One listing of the data location: data files exist unless everything is a marker. */
  private DiffArtifact.DataProbe probe(Contract contract) {
    return new DiffArtifact.DataProbe(contract.dataLocation(), hasData(contract.dataLocation()));
  }

  /** Whether data files are at a location (one listing; a failure is a {@link StoreException}). */
  boolean hasData(String dataLocation) {
    S3Location location = S3Location.parse(dataLocation);
    String prefix = location.folderPrefix();
    List<ObjectStore.StoredObject> objects = store.list(location.bucket(), prefix, PROBE_LIMIT);
    return objects.stream().anyMatch(object -> isDataFile(object, prefix));
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
