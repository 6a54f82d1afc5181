package dev.schemadrift.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.SparkDatasource;
import dev.schemadrift.catalog.SparkProvider;
import dev.schemadrift.catalog.SparkSchema;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Delta Lake table's current schema from its {@code _delta_log} through the object store,
 * never touching data files: {@code _last_checkpoint}, then the JSON commits after that checkpoint
 * in order, keeping the newest {@code metaData} action; when none of them has one, the commits
 * before the checkpoint, newest first. Parquet checkpoints are not read (no Parquet library in the
 * Lambda jar): a schema that only a checkpoint still holds is the table's ERROR {@link
 * ErrorKind#DELTA_SCHEMA_ONLY_IN_CHECKPOINT}. See docs/FORMATS.md "Spark and Delta Lake tables".
 */
public final class DeltaLog {
  /** The most JSON commits read for one table, both directions together. */
  public static final int MAX_COMMIT_READS = 100;

  /** The largest commit read whole; a larger one is ERROR {@code TOO_LARGE}. */
  public static final long MAX_COMMIT_BYTES = 32L * 1024 * 1024;

  /** {@code _last_checkpoint} is a one-line JSON object. */
  static final long MAX_LAST_CHECKPOINT_BYTES = 1024L * 1024;

  /**
   * How many keys of {@code _delta_log/} are listed when it has neither version 0 nor a pointer.
   */
  static final int LIST_LIMIT = 1000;

  private static final String LOG = "_delta_log/";
  private static final int VERSION_DIGITS = 20;

  /** The newest metaData of the log: the schema as of {@code version}, and where it was found. */
  public record Snapshot(
      long version, String schemaString, List<String> partitionColumns, String source) {
    public Snapshot {
      if (version < 0) {
        throw new IllegalArgumentException("version must not be negative");
      }
      Objects.requireNonNull(schemaString, "schemaString");
      partitionColumns = List.copyOf(partitionColumns);
      Objects.requireNonNull(source, "source");
    }
  }

  private final ObjectStore store;
  private final String bucket;
  private final String log;
  private int reads;

  /** Version 0 when it was read to decide where to start: the forward loop takes it from here. */
  private byte[] cachedFirst;

  private DeltaLog(ObjectStore store, String bucket, String tablePrefix) {
    this.store = store;
    this.bucket = bucket;
    this.log = tablePrefix + LOG;
  }

  /**
   * The table with the columns and partition keys of its log's newest schema, and {@link
   * SparkDatasource#DELTA_LOG_VERSION} set to the version read.
   *
   * @param tablePrefix the table's folder in {@code bucket}, empty or ending in {@code /}
   * @throws StoreException of kind {@code DELTA_LOG_NOT_FOUND}, {@code INVALID_DELTA_LOG}, {@code
   *     DELTA_SCHEMA_ONLY_IN_CHECKPOINT}, {@code TOO_COMPLEX} (more commits than {@link
   *     #MAX_COMMIT_READS}), {@code TOO_LARGE}, or the store's own kinds
   */
  public static GlueTable resolved(
      ObjectStore store, String bucket, String tablePrefix, GlueTable table) {
    Snapshot snapshot = read(store, bucket, tablePrefix);
    try {
      List<GlueColumn> schema =
          SparkSchema.columns(
              snapshot.source() + " metaData.schemaString", snapshot.schemaString());
      return SparkDatasource.resolved(
          table,
          SparkProvider.DELTA,
          schema,
          snapshot.partitionColumns(),
          snapshot.source(),
          index -> "$.metaData.partitionColumns[" + index + "]",
          Map.of(SparkDatasource.DELTA_LOG_VERSION, Long.toString(snapshot.version())));
    } catch (InvalidDocumentException e) {
      throw new StoreException(
          ErrorKind.INVALID_DELTA_LOG,
          "the Delta log of Glue table "
              + table.qualifiedName()
              + " holds a schema that cannot be compared: "
              + e.getMessage(),
          null);
    }
  }

  /** The newest metaData of the log under {@code tablePrefix}. */
  public static Snapshot read(ObjectStore store, String bucket, String tablePrefix) {
    return new DeltaLog(store, bucket, tablePrefix).newest();
  }

  private Snapshot newest() {
    Long checkpoint = lastCheckpoint();
    long start;
    if (checkpoint != null) {
      start = checkpoint + 1;
    } else {
      Listing listing = listWhenNoVersionZero();
      checkpoint = listing.checkpoint();
      start = listing.firstCommit();
    }
    Snapshot newest = null;
    long version = start;
    while (true) {
      Optional<byte[]> commit = commit(version, "after the last checkpoint");
      if (commit.isEmpty()) {
        break;
      }
      Snapshot found = metaData(version, commit.get());
      if (found != null) {
        newest = found;
      }
      version++;
    }
    long current = version - 1;
    if (newest != null) {
      return new Snapshot(
          current, newest.schemaString(), newest.partitionColumns(), newest.source());
    }
    if (checkpoint == null) {
      throw new StoreException(
          ErrorKind.INVALID_DELTA_LOG,
          "no commit of the Delta log "
              + store.describe(bucket, log)
              + (current < start
                  ? " could be read from version " + start
                  : " from version " + start + " to " + current + " has a metaData action"),
          null);
    }
    // The schema did not change since the checkpoint: find the commit that last set it.
    for (long back = checkpoint; back >= 0; back--) {
      Optional<byte[]> commit = commit(back, "before checkpoint " + checkpoint);
      if (commit.isEmpty()) {
        break;
      }
      Snapshot found = metaData(back, commit.get());
      if (found != null) {
        return new Snapshot(
            current, found.schemaString(), found.partitionColumns(), found.source());
      }
    }
    throw onlyInCheckpoint(checkpoint, current);
  }

  private StoreException onlyInCheckpoint(long checkpoint, long current) {
    return new StoreException(
        ErrorKind.DELTA_SCHEMA_ONLY_IN_CHECKPOINT,
        "the newest metaData action of the Delta log "
            + store.describe(bucket, log)
            + " (version "
            + current
            + ") is only in its Parquet checkpoint "
            + checkpoint
            + ": the JSON commits that held it were cleaned up, and Parquet checkpoints are not"
            + " read",
        null);
  }

  /** {@code _last_checkpoint}'s version, or null when there is no such file. */
  private Long lastCheckpoint() {
    String key = log + "_last_checkpoint";
    Optional<byte[]> body = store.get(bucket, key, MAX_LAST_CHECKPOINT_BYTES);
    if (body.isEmpty()) {
      return null;
    }
    String source = store.describe(bucket, key);
    JsonNode version;
    try {
      version = Json.readTree(source, body.get()).get("version");
    } catch (InvalidDocumentException e) {
      throw invalid(e.getMessage());
    }
    if (version == null || !version.canConvertToLong() || version.asLong() < 0) {
      throw invalid(source + ": $.version: expected a version number");
    }
    return version.asLong();
  }

  /** Where to start without {@code _last_checkpoint}: version 0, or what a listing shows. */
  private Listing listWhenNoVersionZero() {
    // Reading version 0 first spares a listing for the common young table (no checkpoint yet);
    // the forward loop takes it from the cache, so it is read and counted once.
    Optional<byte[]> first = commit(0, "from the start");
    if (first.isPresent()) {
      cachedFirst = first.get();
      return new Listing(null, 0);
    }
    List<ObjectStore.StoredObject> objects = store.list(bucket, log, LIST_LIMIT);
    if (objects.isEmpty()) {
      throw new StoreException(
          ErrorKind.DELTA_LOG_NOT_FOUND,
          "no Delta log at " + store.describe(bucket, log) + ": the folder is empty or missing",
          null);
    }
    Long checkpoint = null;
    Long firstCommit = null;
    for (ObjectStore.StoredObject object : objects) {
      String name = object.key().substring(log.length());
      if (name.length() <= VERSION_DIGITS || !isDigits(name.substring(0, VERSION_DIGITS))) {
        continue;
      }
      long version = Long.parseLong(name.substring(0, VERSION_DIGITS));
      String rest = name.substring(VERSION_DIGITS);
      if (rest.equals(".json") && firstCommit == null) {
        firstCommit = version;
      } else if (rest.startsWith(".checkpoint.") && rest.endsWith(".parquet")) {
        checkpoint = checkpoint == null ? version : Math.max(checkpoint, version);
      }
    }
    if (checkpoint != null) {
      return new Listing(checkpoint, checkpoint + 1);
    }
    if (firstCommit == null) {
      throw invalid(
          "the Delta log "
              + store.describe(bucket, log)
              + " has no JSON commit and no checkpoint among its first "
              + LIST_LIMIT
              + " keys");
    }
    return new Listing(null, firstCommit);
  }

  private record Listing(Long checkpoint, long firstCommit) {}

  /** One commit, counted against {@link #MAX_COMMIT_READS}; empty when it does not exist. */
  private Optional<byte[]> commit(long version, String where) {
    if (version == 0 && cachedFirst != null) {
      byte[] body = cachedFirst;
      cachedFirst = null;
      return Optional.of(body);
    }
    if (reads == MAX_COMMIT_READS) {
      throw new StoreException(
          ErrorKind.TOO_COMPLEX,
          "the Delta log "
              + store.describe(bucket, log)
              + " needs more than "
              + MAX_COMMIT_READS
              + " JSON commits read "
              + where
              + " (stopped at version "
              + version
              + "); the monitor reads at most that many per table",
          null);
    }
    reads++;
    return store.get(bucket, commitKey(version), MAX_COMMIT_BYTES);
  }

  /** The commit's metaData action (the last one, should a commit hold several), or null. */
  private Snapshot metaData(long version, byte[] commit) {
    String source = store.describe(bucket, commitKey(version));
    String text = new String(commit, StandardCharsets.UTF_8);
    Snapshot found = null;
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      // Only lines that can hold the action are parsed: a commit of a large write holds
      // thousands of add actions.
      if (!line.contains("\"metaData\"")) {
        continue;
      }
      JsonNode action;
      try {
        action = Json.readTree(source, line.getBytes(StandardCharsets.UTF_8));
      } catch (InvalidDocumentException e) {
        throw invalid(source + ": line " + lineNumber + ": not valid JSON");
      }
      JsonNode metaData = action.get("metaData");
      if (metaData == null) {
        continue;
      }
      JsonNode schema = metaData.get("schemaString");
      if (schema == null || !schema.isTextual()) {
        throw invalid(source + ": line " + lineNumber + ": metaData.schemaString is missing");
      }
      JsonNode partitions = metaData.get("partitionColumns");
      List<String> partitionColumns = new ArrayList<>();
      if (partitions == null || !partitions.isArray()) {
        throw invalid(
            source + ": line " + lineNumber + ": metaData.partitionColumns is not an array");
      }
      for (JsonNode partition : partitions) {
        if (!partition.isTextual()) {
          throw invalid(
              source + ": line " + lineNumber + ": metaData.partitionColumns holds a non-string");
        }
        partitionColumns.add(partition.asText());
      }
      found = new Snapshot(version, schema.asText(), partitionColumns, source);
    }
    return found;
  }

  private String commitKey(long version) {
    String digits = Long.toString(version);
    return log + "0".repeat(Math.max(0, VERSION_DIGITS - digits.length())) + digits + ".json";
  }

  private static boolean isDigits(String text) {
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) < '0' || text.charAt(index) > '9') {
        return false;
      }
    }
    return true;
  }

  private static StoreException invalid(String message) {
    return new StoreException(ErrorKind.INVALID_DELTA_LOG, message, null);
  }
}
