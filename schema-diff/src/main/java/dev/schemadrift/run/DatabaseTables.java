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

  /** Reads the tables the loaded contracts name, one batch per database, by database name. */
  static Map<String, DatabaseTables> read(
      List<LoadedContract> loaded, Catalog catalog, BoundedParallelism parallelism) {
    Map<String, List<String>> namesByDatabase = new LinkedHashMap<>();
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        namesByDatabase
            .computeIfAbsent(item.contract().database(), database -> new ArrayList<>())
            .add(item.contract().table());
      }
    }
    return read(namesByDatabase, catalog, parallelism);
  }

  /** Reads the named tables, one batch per database, by database name. */
  static Map<String, DatabaseTables> read(
      Map<String, List<String>> namesByDatabase, Catalog catalog, BoundedParallelism parallelism) {
    List<Map.Entry<String, List<String>>> databases = new ArrayList<>(namesByDatabase.entrySet());
    List<DatabaseTables> read =
        parallelism.map(databases, database -> of(database.getKey(), database.getValue(), catalog));
    Map<String, DatabaseTables> result = new HashMap<>();
    for (int index = 0; index < databases.size(); index++) {
      result.put(databases.get(index).getKey(), read.get(index));
    }
    return result;
  }

  /** One database's named tables, or the failure to read them. */
  static DatabaseTables of(String database, List<String> names, Catalog catalog) {
    try {
      Optional<List<GlueTable>> tables = catalog.tables(database, names);
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
