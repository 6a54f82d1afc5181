package dev.schemadrift.state;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableJson;
import dev.schemadrift.diff.Fingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the monitor last judged about one table, and every input that verdict depended on, so that a
 * later check can tell whether the verdict still stands without recomputing it (kept in {@code
 * state/checks/}, see {@link CheckState}).
 *
 * @param contractEtag the contract object's ETag as listed, or null when it was not listed
 * @param contractSha256 the contract bytes' hash, which decides when no ETag is known
 * @param glueVersionId the Glue table's VersionId, null when the table was absent or not read
 * @param glueUpdateTime the Glue table's UpdateTime, null when absent or not read
 * @param glueSha256 the hash of everything the monitor reads of the Glue table ({@code
 *     GlueTableJson.writeGetTable}), null when absent or not read: a table dropped and created
 *     again may start over at the same VersionId, never at the same content and times
 * @param hasData whether the data probe found files at {@code dataLocation}
 * @param horizon the first date at which the run date alone could change the verdict ({@link
 *     dev.schemadrift.artifact.PolicyHorizon}); null when none lies ahead
 * @param inputs a fingerprint of what else the verdict depends on (the registry's default policy,
 *     the engine's version): a different one means the verdict must be recomputed
 * @param runId the run that wrote the verdict's artifact
 * @param diffKey that artifact, {@code diffs/<db>.<table>/<runId>.diff.json}
 * @param owner the contract's owner, for the manifest line of a reused verdict
 * @param catalogId the Glue catalog (12-digit account id) the table lives in, or null for the
 *     monitor's own: a kept verdict's table is looked up in that catalog's GetTables pages
 * @param eventIds the EventBridge ids of the change events that judged the table, oldest first, at
 *     most {@value #MAX_EVENT_IDS}: an event delivered again (SQS delivers at least once) is
 *     recognised by its id and keeps the verdict, even when it names changed partitions
 * @param contractPacked the contract's bytes as judged ({@link PackedBytes}), when they pack to at
 *     most {@value #MAX_CONTRACT_CHARS} characters and their ETag is known, else null: a container
 *     that has not read the contract yet takes it from here while its listed ETag is still {@code
 *     contractEtag} (equal ETags, equal bytes), instead of reading it again
 * @param partitions the partition sample the verdict compared, when it was the table's usual sample
 *     read from Glue and packs small enough ({@link PartitionMemo}), else null
 */
public record CheckRecord(
    DiffArtifact.TableName table,
    String contractKey,
    String contractEtag,
    String contractSha256,
    String glueVersionId,
    String glueUpdateTime,
    String glueSha256,
    String dataLocation,
    boolean hasData,
    LocalDate horizon,
    String inputs,
    String runId,
    String diffKey,
    Status status,
    DiffArtifact.Counts counts,
    String owner,
    boolean createdTable,
    String catalogId,
    List<String> eventIds,
    String contractPacked,
    PartitionMemo partitions) {

  /** The longest packed contract a record keeps (about 6 KB of gzip). */
  public static final int MAX_CONTRACT_CHARS = 8 * 1024;

  /** The largest contract a record's packed bytes may unpack to. */
  private static final int MAX_CONTRACT_BYTES = 5 * 1024 * 1024;

  /**
   * How many event ids a record keeps: far more than the deliveries of one change that can overlap
   * (SQS redelivers within the queue's retention), while a 10,000-table shard stays small.
   */
  public static final int MAX_EVENT_IDS = 16;

  private static final Pattern CATALOG_ID = Pattern.compile("[0-9]{12}");

  public CheckRecord {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(contractKey, "contractKey");
    Objects.requireNonNull(contractSha256, "contractSha256");
    Objects.requireNonNull(dataLocation, "dataLocation");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    if (!BucketLayout.diff(table, runId).equals(diffKey)) {
      throw new IllegalArgumentException(
          "diff key " + diffKey + " is not " + BucketLayout.diff(table, runId));
    }
    if (catalogId != null && !CATALOG_ID.matcher(catalogId).matches()) {
      throw new IllegalArgumentException("catalog id '" + catalogId + "' is not 12 digits");
    }
    eventIds = List.copyOf(eventIds);
    if (eventIds.size() > MAX_EVENT_IDS) {
      throw new IllegalArgumentException(
          eventIds.size() + " event ids: a record keeps at most " + MAX_EVENT_IDS);
    }
    if (new HashSet<>(eventIds).size() != eventIds.size()
        || eventIds.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("event ids must be distinct and not blank: " + eventIds);
    }
    if (contractPacked != null
        && (contractPacked.isBlank() || contractPacked.length() > MAX_CONTRACT_CHARS)) {
      throw new IllegalArgumentException(
          "a packed contract is 1.." + MAX_CONTRACT_CHARS + " characters");
    }
  }

  /** The table's key in the state: {@code <db>.<table>}. */
  public String key() {
    return BucketLayout.folder(table);
  }

  /** Whether Glue holds the table version the verdict was judged on (or, as then, none). */
  public boolean sameTable(GlueTable glueTable) {
    if (glueTable == null) {
      return glueSha256 == null;
    }
    return glueSha256 != null
        && Objects.equals(glueVersionId, glueTable.versionId())
        && Objects.equals(glueUpdateTime, glueTable.updateTime())
        && glueSha256.equals(fingerprint(glueTable));
  }

  /** The hash of everything the monitor reads of a Glue table (the record's {@code glueSha256}). */
  public static String fingerprint(GlueTable glueTable) {
    return Fingerprint.sha256(GlueTableJson.writeGetTable(glueTable));
  }

  /** Whether every one of these events (at least one) already judged this table. */
  public boolean judgedEvents(Collection<String> ids) {
    return !ids.isEmpty() && eventIds.containsAll(ids);
  }

  /**
   * This record remembering the {@code earlier} event ids before its own: each id once, where it
   * first appears, and only the last {@value #MAX_EVENT_IDS}. Merging the same ids again changes
   * nothing, so the state's merge stays idempotent.
   */
  public CheckRecord withEventIdsAfter(List<String> earlier) {
    List<String> all = new ArrayList<>(earlier);
    all.addAll(eventIds);
    List<String> kept = lastEventIds(all);
    if (kept.equals(eventIds)) {
      return this;
    }
    return copy(contractEtag, kept);
  }

  /** This record with the contract's ETag as listed (the same bytes, whose tag it did not know). */
  public CheckRecord withContractEtag(String etag) {
    return copy(etag, eventIds);
  }

  private CheckRecord copy(String etag, List<String> ids) {
    return new CheckRecord(
        table,
        contractKey,
        etag,
        contractSha256,
        glueVersionId,
        glueUpdateTime,
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
        createdTable,
        catalogId,
        ids,
        contractPacked,
        partitions);
  }

  /**
   * The packed form of contract bytes for {@code contractPacked}, or null when they pack to more
   * than {@value #MAX_CONTRACT_CHARS} characters.
   */
  public static String packContract(byte[] bytes) {
    return PackedBytes.pack(bytes, MAX_CONTRACT_CHARS);
  }

  /**
   * The contract bytes this record keeps, or null when it keeps none or they are not the bytes the
   * verdict was judged on (their hash is not {@code contractSha256}: a damaged record).
   */
  public byte[] contractBytes() {
    if (contractPacked == null) {
      return null;
    }
    try {
      byte[] bytes = PackedBytes.unpack(contractPacked, MAX_CONTRACT_BYTES);
      return Fingerprint.sha256(bytes).equals(contractSha256) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The ids a record keeps of these, oldest first: each once, where it first appears, and only the
   * last {@value #MAX_EVENT_IDS}.
   */
  public static List<String> lastEventIds(Collection<String> ids) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    return List.copyOf(
        distinct.subList(Math.max(0, distinct.size() - MAX_EVENT_IDS), distinct.size()));
  }

  /** Whether this record holds a newer verdict than {@code other} (ties: neither). */
  public boolean newerThan(CheckRecord other) {
    return runId.compareTo(other.runId) > 0;
  }
}
