package dev.schemadrift.run.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One change an EventBridge rule forwarded (docs/OPERATIONS.md, "Event-driven checks"): a Glue
 * table or database change, or an object written to S3.
 */
public sealed interface ChangeEvent {

  /** Glue operations after which the named tables no longer exist. */
  Set<String> DELETIONS = Set.of("DeleteTable", "BatchDeleteTable", "DeleteDatabase");

  /**
   * "Glue Data Catalog Table State Change": UpdateTable and the partition operations.
   *
   * @param changedPartitions the partitions the operation touched as Glue lists them (values in
   *     brackets, e.g. {@code [2026-11-26]}); the partition check reads exactly these ({@link
   *     ChangedPartition})
   */
  record TableChanged(
      String database, String table, String typeOfChange, List<String> changedPartitions)
      implements ChangeEvent {
    public TableChanged {
      database = glueName(database);
      table = glueName(table);
      Objects.requireNonNull(typeOfChange, "typeOfChange");
      changedPartitions = List.copyOf(changedPartitions);
    }

    /** Whether the table no longer exists after this change. */
    public boolean deleted() {
      return DELETIONS.contains(typeOfChange);
    }
  }

  /**
   * "Glue Data Catalog Database State Change": CreateTable, DeleteTable, BatchDeleteTable,
   * CreateDatabase and DeleteDatabase, naming the tables in {@code changedTables}.
   */
  record DatabaseChanged(String database, String typeOfChange, List<String> changedTables)
      implements ChangeEvent {
    public DatabaseChanged {
      database = glueName(database);
      Objects.requireNonNull(typeOfChange, "typeOfChange");
      Set<String> names = new LinkedHashSet<>();
      changedTables.forEach(table -> names.add(glueName(table)));
      changedTables = List.copyOf(names);
    }

    /** Whether the named tables (all of the database's, for DeleteDatabase) no longer exist. */
    public boolean deleted() {
      return DELETIONS.contains(typeOfChange);
    }

    /** DeleteDatabase names no tables: every table of the database is gone. */
    public boolean wholeDatabase() {
      return typeOfChange.equals("DeleteDatabase");
    }
  }

  /** S3 "Object Created": a contract (or the registry) was written. */
  record ObjectCreated(String bucket, String key) implements ChangeEvent {
    public ObjectCreated {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
    }

    /**
     * The keys this event may mean: the key as sent, and its URL-decoded form when it differs (S3
     * notifications URL-encode keys; a registry key that contains {@code %} or {@code +} is thus
     * matched either way).
     */
    public List<String> candidateKeys() {
      if (key.indexOf('%') < 0 && key.indexOf('+') < 0) {
        return List.of(key);
      }
      try {
        String decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
        return decoded.equals(key) ? List.of(key) : List.of(key, decoded);
      } catch (IllegalArgumentException e) {
        return List.of(key);
      }
    }
  }

  /** Glue folds database and table names to lower case; so does every lookup of them. */
  private static String glueName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a Glue name must not be empty");
    }
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
