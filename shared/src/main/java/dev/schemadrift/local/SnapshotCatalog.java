package dev.schemadrift.local;

import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GluePartitionReader;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableJson;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Catalog} on a folder of {@code aws glue get-table} / {@code get-tables} JSON snapshots,
 * for the local demo and CI. Any {@code *.json} below the folder is read; a database is a
 * sub-folder ({@code <db>/}), so an empty sub-folder is an existing database without tables.
 * Writable: created tables are saved as {@code <db>/<table>.json} in get-table form, never over an
 * existing file (that table is then ERROR {@code SNAPSHOT_FILE_TAKEN}). A table's partitions are
 * the {@code aws glue get-partitions} JSON beside its snapshot, named {@code
 * <table>.partitions.json}; such files are never read as table snapshots.
 */
public final class SnapshotCatalog implements Catalog {
  /** How a partitions file beside a table's snapshot ends: {@code orders.partitions.json}. */
  public static final String PARTITIONS_SUFFIX = ".partitions.json";

  private final Path folder;
  private final Map<String, GlueTable> tables = new TreeMap<>();

  /** The file each table was read from (relative to the folder), to name it in messages. */
  private final Map<String, String> sources = new TreeMap<>();

  private final Set<String> databases = new TreeSet<>();
  private final Map<String, String> brokenDatabases = new TreeMap<>();

  public SnapshotCatalog(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.folder)) {
      throw new StoreException(
          ErrorKind.CATALOG_NOT_FOUND, "catalog folder " + this.folder + " does not exist", null);
    }
    load();
  }

  private void load() {
    try (Stream<Path> entries = Files.walk(folder)) {
      for (Path path : entries.sorted().toList()) {
        if (Files.isDirectory(path) && !path.equals(folder)) {
          databases.add(folder.relativize(path).getName(0).toString().toLowerCase(Locale.ROOT));
        } else if (path.toString().endsWith(PARTITIONS_SUFFIX)) {
          continue;
        } else if (path.toString().endsWith(".json")) {
          read(path);
        }
      }
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot read catalog folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private void read(Path file) {
    String source = folder.relativize(file).toString().replace('\\', '/');
    try {
      byte[] bytes = LocalFile.read(file, GlueTableReader.MAX_BYTES).orElse(new byte[0]);
      for (GlueTable table : GlueTableReader.read(source, bytes)) {
        String database = table.databaseName().toLowerCase(Locale.ROOT);
        databases.add(database);
        tables.put(key(database, table.name()), table);
        sources.put(key(database, table.name()), source);
      }
    } catch (InvalidDocumentException | StoreException e) {
      // The file's folder names its database: that database cannot be judged, the others can.
      Path relative = folder.relativize(file);
      String database =
          relative.getNameCount() > 1
              ? relative.getName(0).toString().toLowerCase(Locale.ROOT)
              : "*";
      brokenDatabases.merge(database, e.getMessage(), (first, second) -> first + "; " + second);
    }
  }

  /** What a snapshot file holds, for a message: its tables, or that it could not be read. */
  private String heldBy(String source) {
    List<String> held = new ArrayList<>();
    tables.forEach(
        (key, table) -> {
          if (source.equals(sources.get(key))) {
            held.add(key);
          }
        });
    return held.isEmpty() ? "no table this catalog could read" : String.join(", ", held);
  }

  private static String key(String database, String table) {
    return database.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
  }

  private void failIfBroken(String database) {
    String problem =
        brokenDatabases.getOrDefault(database.toLowerCase(Locale.ROOT), brokenDatabases.get("*"));
    if (problem != null) {
      throw new StoreException(
          ErrorKind.INVALID_SNAPSHOT, "catalog snapshot unreadable: " + problem, null);
    }
  }

  @Override
  public synchronized Optional<List<GlueTable>> tables(String database, Collection<String> names) {
    failIfBroken(database);
    if (!databases.contains(database.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Set<String> wanted =
        names.stream().map(name -> key(database, name)).collect(Collectors.toSet());
    List<GlueTable> found = new ArrayList<>();
    tables.forEach(
        (key, table) -> {
          if (wanted.contains(key)) {
            found.add(table);
          }
        });
    return Optional.of(found);
  }

  @Override
  public synchronized Optional<GlueTable> table(String database, String name) {
    failIfBroken(database);
    return Optional.ofNullable(tables.get(key(database, name)));
  }

  /**
   * The first {@code limit} partitions of {@code <table>.partitions.json} in the folder of the
   * table's snapshot; empty when there is no such file.
   */
  @Override
  public synchronized Optional<PartitionSample> partitions(GlueTable table, int limit) {
    String key = key(table.databaseName(), table.name());
    String source = sources.get(key);
    if (source == null) {
      return Optional.empty();
    }
    Path snapshot = folder.resolve(source);
    Path file = snapshot.resolveSibling(table.name().toLowerCase(Locale.ROOT) + PARTITIONS_SUFFIX);
    String name = folder.relativize(file).toString().replace('\\', '/');
    Optional<byte[]> bytes = LocalFile.read(file, GlueTableReader.MAX_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<GluePartition> all = GluePartitionReader.read(name, bytes.get());
      return Optional.of(
          PartitionSample.read(
              limit, all.subList(0, Math.min(limit, all.size())), all.size() > limit));
    } catch (InvalidDocumentException e) {
      throw new StoreException(
          ErrorKind.INVALID_SNAPSHOT, "partition snapshot unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized boolean createDatabase(String database, String description) {
    String name = database.toLowerCase(Locale.ROOT);
    if (databases.contains(name)) {
      return false;
    }
    try {
      Files.createDirectories(folder.resolve(name));
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot create " + folder.resolve(name) + ": " + e.getMessage(), e);
    }
    databases.add(name);
    return true;
  }

  @Override
  public synchronized boolean createTable(GlueTable definition, String description) {
    String database = definition.databaseName().toLowerCase(Locale.ROOT);
    String key = key(database, definition.name());
    if (tables.containsKey(key)) {
      return false;
    }
    if (!databases.contains(database)) {
      throw new StoreException(
          ErrorKind.DATABASE_NOT_FOUND, "database " + database + " does not exist", null);
    }
    // Glue folds names and stamps a version; the snapshot records what Glue would return.
    GlueTable stored =
        new GlueTable(
            database,
            definition.name().toLowerCase(Locale.ROOT),
            definition.tableType(),
            definition.parameters(),
            definition.columns(),
            definition.partitionKeys(),
            definition.location(),
            definition.inputFormat(),
            definition.outputFormat(),
            definition.serdeLibrary(),
            definition.serdeParameters(),
            definition.hasStorageDescriptor(),
            "0",
            null);
    Path file = folder.resolve(database).resolve(stored.name() + ".json");
    try {
      // CREATE_NEW: the file may hold other tables (a get-tables dump) that the user put there.
      Files.write(
          file,
          GlueTableJson.writeGetTable(stored),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new StoreException(
          ErrorKind.SNAPSHOT_FILE_TAKEN,
          "cannot save the created table "
              + key
              + " as "
              + file
              + ": that file already exists and holds "
              + heldBy(folder.relativize(file).toString().replace('\\', '/'))
              + "; it is never overwritten",
          e);
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
    tables.put(key, stored);
    return true;
  }
}
