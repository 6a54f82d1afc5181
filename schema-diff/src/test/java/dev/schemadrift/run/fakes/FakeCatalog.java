package dev.schemadrift.run.fakes;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@link Catalog} as strict as AWS Glue: database, table and top-level column names are folded to
 * lower case when stored, lookups ignore case, a missing database is an empty answer, and creating
 * what exists returns false. Calls are counted per method, a database's reads can be told to fail,
 * and a table can be set to appear "concurrently" just before this run's create.
 */
public final class FakeCatalog implements Catalog {
  /** The port's methods, for counting calls. */
  public enum Method {
    TABLES,
    TABLE,
    CREATE_DATABASE,
    CREATE_TABLE,
    PARTITIONS,
    PARTITIONS_NAMED
  }

  private final Map<String, Map<String, GlueTable>> databases = new TreeMap<>();
  private final Map<Method, Integer> counts = new HashMap<>();
  private final Map<String, ErrorKind> failingDatabases = new HashMap<>();
  private final Map<String, GlueTable> createdByOthers = new HashMap<>();
  private final Map<String, List<GluePartition>> partitions = new HashMap<>();
  private final List<Integer> partitionLimits = new ArrayList<>();
  private final List<List<List<String>>> partitionsAsked = new ArrayList<>();

  private final Map<String, FakeCatalog> otherAccounts = new TreeMap<>();

  /** The catalog of another account (12-digit id): its own databases, tables and call counts. */
  public synchronized FakeCatalog account(String catalogId) {
    return otherAccounts.computeIfAbsent(catalogId, id -> new FakeCatalog());
  }

  @Override
  public Catalog inCatalog(String catalogId) {
    return catalogId == null ? this : account(catalogId);
  }

  /** Adds a database without counting a call. */
  public synchronized FakeCatalog addDatabase(String database) {
    databases.computeIfAbsent(fold(database), name -> new TreeMap<>());
    return this;
  }

  /** Adds a table (and its database) as Glue would store it, without counting a call. */
  public synchronized FakeCatalog addTable(GlueTable table) {
    GlueTable stored = folded(table);
    databases
        .computeIfAbsent(stored.databaseName(), name -> new TreeMap<>())
        .put(stored.name(), stored);
    return this;
  }

  /** Registers a table's partitions, in the order Glue would list them, without counting a call. */
  public synchronized FakeCatalog addPartitions(
      String database, String table, List<GluePartition> listed) {
    partitions.put(fold(database) + "." + fold(table), List.copyOf(listed));
    return this;
  }

  /** The partition values each call for named partitions asked for, in call order. */
  public synchronized List<List<List<String>>> partitionsAsked() {
    return List.copyOf(partitionsAsked);
  }

  /** The limits the partition calls asked for, in call order. */
  public synchronized List<Integer> partitionLimits() {
    return List.copyOf(partitionLimits);
  }

  /** Makes every read of the database's tables fail with a {@link StoreException} of that kind. */
  public synchronized void failReads(String database, ErrorKind kind) {
    failingDatabases.put(fold(database), kind);
  }

  /**
   * Another writer creates this table between this run's batch read and its create: the create then
   * finds it and returns false, as Glue's AlreadyExistsException does.
   */
  public synchronized void createdConcurrently(GlueTable table) {
    createdByOthers.put(fold(table.databaseName()) + "." + fold(table.name()), table);
  }

  /** The table as stored now, without counting a call. */
  public synchronized Optional<GlueTable> stored(String database, String name) {
    Map<String, GlueTable> tables = databases.get(fold(database));
    return Optional.ofNullable(tables == null ? null : tables.get(fold(name)));
  }

  /** Whether the database exists now, without counting a call. */
  public synchronized boolean hasDatabase(String database) {
    return databases.containsKey(fold(database));
  }

  /** How often a method was called. */
  public synchronized int calls(Method method) {
    return counts.getOrDefault(method, 0);
  }

  @Override
  public synchronized Optional<List<GlueTable>> tables(String database, Collection<String> names) {
    count(Method.TABLES);
    failIfTold(database);
    Map<String, GlueTable> tables = databases.get(fold(database));
    if (tables == null) {
      return Optional.empty();
    }
    Set<String> wanted = names.stream().map(FakeCatalog::fold).collect(Collectors.toSet());
    List<GlueTable> found = new ArrayList<>();
    tables.forEach(
        (name, table) -> {
          if (wanted.contains(name)) {
            found.add(table);
          }
        });
    return Optional.of(found);
  }

  @Override
  public synchronized Optional<GlueTable> table(String database, String name) {
    count(Method.TABLE);
    failIfTold(database);
    return stored(database, name);
  }

  /** As GetPartitions with MaxResults: the first page, and whether more follow. */
  @Override
  public synchronized Optional<PartitionSample> partitions(GlueTable table, int limit) {
    count(Method.PARTITIONS);
    partitionLimits.add(limit);
    failIfTold(table.databaseName());
    List<GluePartition> listed =
        partitions.getOrDefault(fold(table.databaseName()) + "." + fold(table.name()), List.of());
    return Optional.of(
        PartitionSample.read(
            limit, listed.subList(0, Math.min(limit, listed.size())), listed.size() > limit));
  }

  /** As BatchGetPartition: the registered partitions with those values; unknown ones left out. */
  @Override
  public synchronized Optional<PartitionSample> partitionsNamed(
      GlueTable table, List<List<String>> values) {
    count(Method.PARTITIONS_NAMED);
    partitionsAsked.add(List.copyOf(values));
    failIfTold(table.databaseName());
    List<GluePartition> found =
        partitions
            .getOrDefault(fold(table.databaseName()) + "." + fold(table.name()), List.of())
            .stream()
            .filter(partition -> values.contains(partition.values()))
            .toList();
    return Optional.of(PartitionSample.read(values.size(), found, false));
  }

  @Override
  public synchronized boolean createDatabase(String database, String description) {
    count(Method.CREATE_DATABASE);
    if (hasDatabase(database)) {
      return false;
    }
    addDatabase(database);
    return true;
  }

  @Override
  public synchronized boolean createTable(GlueTable definition, String description) {
    count(Method.CREATE_TABLE);
    String database = fold(definition.databaseName());
    if (!databases.containsKey(database)) {
      // Glue's EntityNotFoundException, as the adapter classifies it.
      throw new StoreException(
          ErrorKind.AWS_ERROR,
          "Glue database " + database + " does not exist (EntityNotFoundException)",
          null);
    }
    GlueTable other = createdByOthers.remove(database + "." + fold(definition.name()));
    if (other != null) {
      addTable(other);
    }
    if (stored(database, definition.name()).isPresent()) {
      return false;
    }
    addTable(definition);
    return true;
  }

  private void count(Method method) {
    counts.merge(method, 1, Integer::sum);
  }

  private void failIfTold(String database) {
    ErrorKind kind = failingDatabases.get(fold(database));
    if (kind != null) {
      throw new StoreException(kind, kind + " reading tables of Glue database " + database, null);
    }
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static GlueTable folded(GlueTable table) {
    return GlueTables.withNamesAndColumns(
        table,
        fold(table.databaseName()),
        fold(table.name()),
        foldedColumns(table.columns()),
        foldedColumns(table.partitionKeys()));
  }

  private static List<GlueColumn> foldedColumns(List<GlueColumn> columns) {
    return columns.stream()
        .map(
            column ->
                new GlueColumn(
                    fold(column.name()), column.type(), column.comment(), column.parameters()))
        .toList();
  }
}
