package dev.schemadrift.state;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One shard of the check state: the {@link CheckRecord}s of the tables whose key hashes to it, in
 * {@code state/checks/<shard>.json}. Tables are spread over {@value #SHARDS} shards by a hash of
 * their name, so that one table's update rewrites a sixteenth of the state and a 10,000-table state
 * stays at about 900 KB per object (measured by {@code ScaleMotoBench}, half of it the contracts
 * and partition samples the records keep). Merging is a union that never moves a table backwards: a
 * record replaces a table's record only when its verdict is at least as new.
 */
public record CheckState(SortedMap<String, CheckRecord> tables) {
  public static final int VERSION = 1;

  /** How many objects the state is spread over. */
  public static final int SHARDS = 16;

  /** The folder of the shards in the report bucket. */
  public static final String FOLDER = "state/checks/";

  /** The largest shard read: far above the ~900 KB of a 10,000-table registry's shard. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  public static final CheckState EMPTY = new CheckState(new TreeMap<>());

  public CheckState {
    tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
  }

  /** The shard a table belongs to: one hex digit of the hash of {@code <db>.<table>}. */
  public static String shardOf(DiffArtifact.TableName table) {
    return Fingerprint.sha256(BucketLayout.folder(table)).substring(0, 1);
  }

  /** Every shard's name, in order. */
  public static List<String> shards() {
    return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f");
  }

  /** The object key of a shard. */
  public static String key(String shard) {
    return FOLDER + shard + ".json";
  }

  /**
   * This shard with the records merged in: idempotent, and the newer verdict wins per table. The
   * event ids of both are kept (the older verdict's first), so that neither a scheduled run's
   * verdict nor an overlapping event run makes a redelivered event judge its table again.
   */
  public CheckState with(Collection<CheckRecord> records) {
    TreeMap<String, CheckRecord> merged = new TreeMap<>(tables);
    for (CheckRecord record : records) {
      CheckRecord old = merged.get(record.key());
      if (old == null) {
        merged.put(record.key(), record);
      } else if (!old.newerThan(record)) {
        merged.put(record.key(), record.withEventIdsAfter(old.eventIds()));
      } else {
        merged.put(record.key(), old.withEventIdsAfter(record.eventIds()));
      }
    }
    return new CheckState(merged);
  }

  // ------------------------------------------------------------------------------ JSON

  /** Compact deterministic JSON, one table per line in name order: equal states, equal bytes. */
  public byte[] toJson() {
    return Json.writeCompact(this::write);
  }

  private void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("state_version", VERSION);
    json.writeArrayFieldStart("tables");
    for (CheckRecord record : tables.values()) {
      json.writeStartObject();
      json.writeStringField("database", record.table().database());
      json.writeStringField("table", record.table().name());
      json.writeStringField("contract_key", record.contractKey());
      json.writeStringField("contract_etag", record.contractEtag());
      json.writeStringField("contract_sha256", record.contractSha256());
      json.writeStringField("glue_version_id", record.glueVersionId());
      json.writeStringField("glue_update_time", record.glueUpdateTime());
      json.writeStringField("glue_sha256", record.glueSha256());
      json.writeStringField("data_location", record.dataLocation());
      json.writeBooleanField("has_data", record.hasData());
      json.writeStringField(
          "horizon", record.horizon() == null ? null : record.horizon().toString());
      json.writeStringField("inputs", record.inputs());
      json.writeStringField("run_id", record.runId());
      json.writeStringField("diff_key", record.diffKey());
      json.writeStringField("status", record.status().name());
      ArtifactJson.writeCounts(json, record.counts());
      json.writeStringField("owner", record.owner());
      json.writeBooleanField("created_table", record.createdTable());
      // Only another account's tables carry it: the own account's records stay as they were.
      if (record.catalogId() != null) {
        json.writeStringField("catalog_id", record.catalogId());
      }
      // Only tables judged by change events carry it: other records stay as they were.
      if (!record.eventIds().isEmpty()) {
        json.writeArrayFieldStart("event_ids");
        for (String id : record.eventIds()) {
          json.writeString(id);
        }
        json.writeEndArray();
      }
      // Kept only when small enough: other records stay as they were.
      if (record.contractPacked() != null) {
        json.writeStringField("contract_gz", record.contractPacked());
      }
      PartitionMemo memo = record.partitions();
      if (memo != null) {
        json.writeObjectFieldStart("partition_sample");
        json.writeNumberField("limit", memo.limit());
        json.writeBooleanField("more", memo.more());
        json.writeStringField("read_in", memo.readIn());
        json.writeStringField("partitions_gz", memo.packed());
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * @throws InvalidDocumentException listing every problem
   */
  public static CheckState read(String source, byte[] json) {
    Problems problems = new Problems(source);
    StrictObject root = StrictObject.of(Json.readTree(source, json), "$", problems);
    problems.throwIfAny();
    Integer version = root.optionalInteger("state_version");
    if (!Objects.equals(version, VERSION)) {
      problems.add(root.childPath("state_version"), "expected " + VERSION + ", found " + version);
    }
    List<CheckRecord> read = root.optionalList("tables", element -> record(element, problems));
    root.rejectUnknownFields();
    problems.throwIfAny();
    TreeMap<String, CheckRecord> tables = new TreeMap<>();
    for (CheckRecord record : read) {
      tables.put(record.key(), record);
    }
    return new CheckState(tables);
  }

  private static CheckRecord record(StrictObject.Element element, Problems problems) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    String database = object.requiredString("database");
    String table = object.requiredString("table");
    String contractKey = object.requiredString("contract_key");
    String etag = object.optionalString("contract_etag");
    String sha256 = object.requiredString("contract_sha256");
    String versionId = object.optionalString("glue_version_id");
    String updateTime = object.optionalString("glue_update_time");
    String glueSha256 = object.optionalString("glue_sha256");
    String dataLocation = object.requiredString("data_location");
    Boolean hasData = object.optionalBoolean("has_data");
    LocalDate horizon = date(object, "horizon");
    String inputs = object.requiredString("inputs");
    String runId = object.requiredString("run_id");
    String diffKey = object.requiredString("diff_key");
    Status status =
        ArtifactJson.readStatus(
            object.requiredString("status"), object.childPath("status"), problems);
    DiffArtifact.Counts counts = ArtifactJson.readCounts(object);
    String owner = object.optionalString("owner");
    Boolean created = object.optionalBoolean("created_table");
    String catalogId = object.optionalString("catalog_id");
    List<String> eventIds = object.optionalList("event_ids", id -> eventId(id, problems));
    String contractPacked = object.optionalString("contract_gz");
    PartitionMemo memo = memo(object.optionalObject("partition_sample"));
    object.rejectUnknownFields();
    if (database == null
        || table == null
        || contractKey == null
        || sha256 == null
        || dataLocation == null
        || hasData == null
        || inputs == null
        || runId == null
        || diffKey == null
        || status == null
        || created == null) {
      problems.add(object.path(), "incomplete check record");
      return null;
    }
    if (!BucketLayout.isKeyName(database) || !BucketLayout.isKeyName(table)) {
      problems.add(object.path(), "database and table must be Glue names");
      return null;
    }
    try {
      new RunId(runId);
      return new CheckRecord(
          new DiffArtifact.TableName(database, table),
          contractKey,
          etag,
          sha256,
          versionId,
          updateTime,
          glueSha256,
          dataLocation,
          hasData,
          horizon,
          inputs,
          runId,
          diffKey,
          status,
          counts,
          owner,
          created,
          catalogId,
          eventIds,
          contractPacked,
          memo);
    } catch (IllegalArgumentException e) {
      problems.add(object.path(), e.getMessage());
      return null;
    }
  }

  private static PartitionMemo memo(StrictObject object) {
    if (object == null) {
      return null;
    }
    Integer limit = object.optionalInteger("limit");
    Boolean more = object.optionalBoolean("more");
    String readIn = object.requiredString("read_in");
    String packed = object.requiredString("partitions_gz");
    object.rejectUnknownFields();
    if (limit == null || more == null || readIn == null || packed == null) {
      object.problems().add(object.path(), "incomplete partition sample");
      return null;
    }
    try {
      return new PartitionMemo(limit, more, readIn, packed);
    } catch (IllegalArgumentException e) {
      object.problems().add(object.path(), e.getMessage());
      return null;
    }
  }

  private static String eventId(StrictObject.Element element, Problems problems) {
    if (!element.node().isTextual() || element.node().textValue().isBlank()) {
      problems.add(element.path(), "an event id must be a non-empty string");
      return null;
    }
    return element.node().textValue();
  }

  private static LocalDate date(StrictObject object, String field) {
    String text = object.optionalString(field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      object.problems().add(object.childPath(field), "'" + text + "' is not a date (YYYY-MM-DD)");
      return null;
    }
  }
}
