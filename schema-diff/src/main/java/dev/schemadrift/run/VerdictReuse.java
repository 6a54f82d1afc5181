package dev.schemadrift.run;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.PolicyHorizon;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.SparkDatasource;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.rule.RuleCatalogue;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.PartitionMemo;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The incremental rule of a scheduled run, which an event run applies too (so that a duplicate
 * event writes no second artifact): when a table's last verdict still stands, and the record of a
 * new verdict. A verdict stands while its contract (same ETag, or same bytes), its Glue table (same
 * VersionId and UpdateTime, or still absent), its data (files were found, or still none at the same
 * location), the registry's default policy and the rules are unchanged, the run date has not
 * reached its {@linkplain PolicyHorizon horizon}, it is younger than {@code FULL_CHECK_DAYS}, and
 * it was neither an ERROR nor the run that created the table. A Delta table (its schema is in its
 * {@code _delta_log}, which changes without a new Glue version) and a view (no data probe) are
 * always judged again; a kept verdict's partition sample is read again only by a full run or an
 * event naming the table's partitions. A table judged again reuses what its record keeps and no
 * input of the new verdict changed: the contract's bytes at the listed ETag, and the partition
 * sample of the same Glue table version ({@link #knownPartitions}).
 */
final class VerdictReuse {
  /**
   * What a verdict depends on besides its contract and table: the artifact format and the rule
   * catalogue (ids, summaries and severity models), so that new or changed rules are applied at
   * once. Changes to the comparison that leave the catalogue alone wait for the next full check.
   */
  private static final String ENGINE =
      Fingerprint.sha256(DiffArtifact.VERSION + "\n" + RuleCatalogue.markdownTable());

  /**
   * What else a verdict on a table an event reported deleted depends on: the event, which kept the
   * missing table from being created. A scheduled run (which applies create_if_missing) never keeps
   * such a verdict, a duplicate of the event does.
   */
  private static final String DELETION = "a change event reported the table deleted";

  private final RunSettings settings;
  private final RunId run;
  private final String inputs;

  VerdictReuse(RunSettings settings, RunId run, Policy defaults) {
    // Records print their components in order: equal defaults, equal text.
    this(settings, run, Fingerprint.sha256(ENGINE + "\n" + defaults).substring(0, 16));
  }

  private VerdictReuse(RunSettings settings, RunId run, String inputs) {
    this.settings = settings;
    this.run = run;
    this.inputs = inputs;
  }

  /**
   * The rule for a table an event reported deleted while Glue has no such table: its verdict
   * (TABLE_MISSING, never created) is the event's, so it is recorded under other inputs.
   */
  VerdictReuse afterDeletion() {
    return new VerdictReuse(
        settings, run, Fingerprint.sha256(inputs + "\n" + DELETION).substring(0, 16));
  }

  /** Whether the verdict may be kept as far as the record alone tells (no Glue, no contract). */
  boolean stillValid(CheckRecord record) {
    if (record.status() == Status.ERROR
        || record.createdTable()
        || !record.inputs().equals(inputs)
        || (record.horizon() != null && !run.date().isBefore(record.horizon()))) {
      return false;
    }
    return recent(record.runId());
  }

  /**
   * Whether what a run found can stand for what this run would find: that run is not later than
   * this one and younger than {@code FULL_CHECK_DAYS} (0: nothing is).
   */
  private boolean recent(String earlierRun) {
    if (settings.fullCheckDays() == 0 || earlierRun.compareTo(run.value()) > 0) {
      return false;
    }
    LocalDate then = new RunId(earlierRun).date();
    return run.date().isBefore(then.plusDays(settings.fullCheckDays()));
  }

  /**
   * The data probe of a table judged again, when the record already tells it: files were found at
   * that location by a check younger than {@code FULL_CHECK_DAYS}. Null: probe.
   */
  DiffArtifact.DataProbe knownProbe(CheckRecord record) {
    if (record == null
        || !record.hasData()
        || record.status() == Status.ERROR
        || !recent(record.runId())) {
      return null;
    }
    return new DiffArtifact.DataProbe(record.dataLocation(), true);
  }

  /**
   * The partition sample an earlier check read of this very Glue table version, when a table judged
   * again may be compared with it instead of reading its partitions again: the record keeps the
   * usual sample ({@link PartitionMemo}), Glue still holds the version it was read with, in the
   * same catalog, the contract asks for a sample of the same size, and it was read less than {@code
   * FULL_CHECK_DAYS} ago. That is what a kept verdict relies on already: partitions change without
   * a new table version, so a full run, an event naming partitions, a new table version or the age
   * limit reads them again. Null: read them.
   */
  PartitionSample knownPartitions(CheckRecord record, GlueTable table, Contract contract) {
    if (record == null
        || record.partitions() == null
        || table == null
        || !record.sameTable(table)
        || !Objects.equals(record.catalogId(), contract.catalogId())
        || record.partitions().limit() != contract.policy().effectivePartitionSample()
        || !recent(record.partitions().readIn())) {
      return null;
    }
    return record.partitions().sample();
  }

  /**
   * The record when its verdict may be kept for this contract as read now, Glue and the data aside
   * (see {@code SchemaDiffRun#stands}): still valid, and judged on the same contract key and bytes
   * for the table the contract names, in the same catalog. Null otherwise.
   */
  CheckRecord candidate(CheckRecord record, LoadedContract item) {
    return record != null
            && record.contractKey().equals(item.key())
            && stillValid(record)
            && sameContract(record, item)
        ? record
        : null;
  }

  /** Whether the contract as read is the one the verdict was judged on. */
  static boolean sameContract(CheckRecord record, LoadedContract item) {
    return item.error() == null
        && item.contract() != null
        && record.contractSha256().equals(item.info().sha256())
        && record.key().equals(item.contract().qualifiedName())
        && Objects.equals(record.catalogId(), item.contract().catalogId());
  }

  /** Whether the listed tag proves the contract unchanged since the verdict. */
  static boolean sameTag(CheckRecord record, String tag) {
    return tag != null && tag.equals(record.contractEtag());
  }

  /** Whether Glue holds the same table version the verdict was judged on (or still none). */
  static boolean sameTable(CheckRecord record, DatabaseTables database) {
    if (database == null || database.failure() != null) {
      return false;
    }
    return record.sameTable(database.tables().get(record.table().name()));
  }

  /**
   * The manifest line of a kept verdict: its artifact is the earlier run's; {@code reusedFrom} is
   * that run, or null when it is this very run (a retried invocation writes the same manifest).
   */
  TableResult reused(CheckRecord record, Registry.Entry entry) {
    DiffArtifact summary =
        new DiffArtifact(
            DiffArtifact.VERSION,
            record.runId(),
            record.table(),
            record.status(),
            record.createdTable(),
            new DiffArtifact.ContractInfo(record.contractKey(), null, record.contractSha256()),
            null,
            new DiffArtifact.DataProbe(record.dataLocation(), record.hasData()),
            record.counts(),
            List.of(),
            List.of(),
            null,
            record.catalogId());
    String reusedFrom = record.runId().equals(run.value()) ? null : record.runId();
    return new TableResult(
        summary,
        entry.contract(),
        record.owner(),
        entry.tags(),
        BucketLayout.diff(record.table(), record.runId()),
        null,
        reusedFrom);
  }

  /**
   * The record of a verdict judged in this run, or null when it must not be kept (an ERROR, an
   * artifact not written, a contract that could not be read).
   *
   * @param table the Glue table the verdict was judged on, or null when there was none
   * @param eventIds the ids of the change events that asked for the check (none for a scheduled
   *     run); the state's merge adds those the table's earlier record remembers
   */
  CheckRecord recordOf(
      TableResult result, LoadedContract item, String tag, GlueTable table, List<String> eventIds) {
    DiffArtifact artifact = result.artifact();
    if (result.reusedFrom() != null
        || result.diffKey() == null
        || item.contract() == null
        || artifact.status() == Status.ERROR
        || artifact.contract() == null
        || artifact.contract().sha256() == null
        || artifact.dataProbe() == null
        || (table != null && SparkDatasource.isDelta(table))) {
      // A Delta table's schema is in its _delta_log, which commits without a new Glue version.
      return null;
    }
    DiffArtifact.CatalogInfo catalog = artifact.catalog();
    // The bytes are worth keeping only with the tag that proves them current.
    String packed =
        tag == null || item.bytes() == null ? null : CheckRecord.packContract(item.bytes());
    return new CheckRecord(
        artifact.table(),
        item.key(),
        tag,
        artifact.contract().sha256(),
        catalog == null ? null : catalog.versionId(),
        catalog == null ? null : catalog.updateTime(),
        catalog == null || table == null ? null : CheckRecord.fingerprint(table),
        artifact.dataProbe().location(),
        artifact.dataProbe().hasData(),
        PolicyHorizon.after(item.contract(), run.date()),
        inputs,
        artifact.runId(),
        result.diffKey(),
        artifact.status(),
        artifact.counts(),
        result.owner(),
        artifact.createdTable(),
        artifact.catalogId(),
        CheckRecord.lastEventIds(eventIds),
        packed,
        PartitionMemo.of(result.sampled(), artifact.runId()));
  }

  /** The record with the contract's listed tag, when it did not know it yet. */
  static CheckRecord withTag(CheckRecord record, String tag) {
    if (tag == null || tag.equals(record.contractEtag())) {
      return null;
    }
    return record.withContractEtag(tag);
  }
}
