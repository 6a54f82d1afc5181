package dev.schemadrift.run;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
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
    return check(item, database, run, null);
  }

  /**
   * As above, with the data probe already known (an earlier check found files at the same
   * location), so that it is not repeated.
   *
   * @param knownProbe null to probe
   */
  TableResult check(
      LoadedContract item, DatabaseTables database, RunId run, DiffArtifact.DataProbe knownProbe) {
    DiffArtifact artifact;
    String owner = item.contract() == null ? null : item.contract().owner();
    if (item.error() != null) {
      artifact = item.error();
    } else {
      try {
        artifact = judge(item, database, run, knownProbe);
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
      store.put(settings.reportBucket(), diffKey, ArtifactJson.write(artifact), SchemaDiffRun.JSON);
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

  private DiffArtifact judge(
      LoadedContract item, DatabaseTables database, RunId run, DiffArtifact.DataProbe knownProbe) {
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
    DiffArtifact.DataProbe probe =
        knownProbe != null && knownProbe.location().equals(contract.dataLocation())
            ? knownProbe
            : probe(contract);
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
    return TableCheck.compared(run, item.info(), contract, created, probe, createdBy(created, run));
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
