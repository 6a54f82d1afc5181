package dev.schemadrift.run;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One database's tables as read in batch, or the failure that prevented reading them.
 *
 * @param tables by lower-case name
 * @param failure null when the database was read
 */
record DatabaseTables(boolean exists, Map<String, GlueTable> tables, StoreException failure) {

  /**
   * Where a database lives: its name in a Glue catalog (null: the caller's own account). Two
   * accounts may each have a database of the same name.
   */
  record Key(String catalogId, String database) {
    static Key of(LoadedContract item) {
      return item.contract() == null
          ? null
          : new Key(item.contract().catalogId(), item.contract().database());
    }
  }

  /**
   * Reads the tables the loaded contracts name, one batch per database and catalog, by {@link Key}.
   */
  static Map<Key, DatabaseTables> read(
      List<LoadedContract> loaded, Catalog catalog, BoundedParallelism parallelism) {
    Map<Key, List<String>> namesByDatabase = new LinkedHashMap<>();
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        namesByDatabase
            .computeIfAbsent(Key.of(item), database -> new ArrayList<>())
            .add(item.contract().table());
      }
    }
    return read(namesByDatabase, catalog, parallelism);
  }

  /** Reads the named tables, one batch per database and catalog, by {@link Key}. */
  static Map<Key, DatabaseTables> read(
      Map<Key, List<String>> namesByDatabase, Catalog catalog, BoundedParallelism parallelism) {
    List<Map.Entry<Key, List<String>>> databases = new ArrayList<>(namesByDatabase.entrySet());
    List<DatabaseTables> read =
        parallelism.map(databases, database -> of(database.getKey(), database.getValue(), catalog));
    Map<Key, DatabaseTables> result = new HashMap<>();
    for (int index = 0; index < databases.size(); index++) {
      result.put(databases.get(index).getKey(), read.get(index));
    }
    return result;
  }

  /** One database's named tables, or the failure to read them. */
  static DatabaseTables of(Key database, List<String> names, Catalog catalog) {
    try {
      Optional<List<GlueTable>> tables =
          catalog.inCatalog(database.catalogId()).tables(database.database(), names);
      Map<String, GlueTable> byName = new HashMap<>();
      tables.ifPresent(
          list ->
              list.forEach(
                  table -> byName.putIfAbsent(table.name().toLowerCase(Locale.ROOT), table)));
      return new DatabaseTables(tables.isPresent(), byName, null);
    } catch (StoreException e) {
      return new DatabaseTables(false, Map.of(), e);
    }
  }
}
