package dev.schemadrift.artifact;

import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.diff.Change;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.Judgement;
import dev.schemadrift.diff.PolicyEvaluation;
import dev.schemadrift.diff.SchemaComparison;
import dev.schemadrift.diff.UndecidableException;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.rule.Severity;
import java.util.List;

/**
 * Turns one contract and what was found in Glue and S3 into the table's diff artifact. Pure: the
 * same inputs give an equal artifact.
 */
public final class TableCheck {
  private TableCheck() {}

  /**
   * Compares an existing (or just created) table with its contract.
   *
   * @param probe the data probe, or null when it was not made (the CLI's diff command)
   */
  public static DiffArtifact compared(
      RunId runId,
      DiffArtifact.ContractInfo contractInfo,
      Contract contract,
      GlueTable table,
      DiffArtifact.DataProbe probe,
      boolean createdTable) {
    return compared(runId, contractInfo, contract, table, null, probe, createdTable);
  }

  /**
   * Compares an existing (or just created) table with its contract, and its sampled partitions with
   * the table.
   *
   * @param partitions the partition sample, or null when none was asked for
   * @param probe the data probe, or null when it was not made (the CLI's diff command)
   */
  public static DiffArtifact compared(
      RunId runId,
      DiffArtifact.ContractInfo contractInfo,
      Contract contract,
      GlueTable table,
      PartitionSample partitions,
      DiffArtifact.DataProbe probe,
      boolean createdTable) {
    DiffArtifact.TableName name = new DiffArtifact.TableName(contract.database(), contract.table());
    List<Change> changes;
    DiffArtifact.CatalogInfo catalog;
    try {
      // A Spark or Delta table is compared on, and described by, the schema Spark recorded.
      SchemaComparison.Result result = SchemaComparison.compare(contract, table, partitions);
      catalog = catalogInfo(result.table(), partitions, result.hudiMetadataSetAside());
      changes = Judgement.of(result, result.table(), runId.date());
    } catch (UndecidableException e) {
      return new DiffArtifact(
          DiffArtifact.VERSION,
          runId.value(),
          name,
          Status.ERROR,
          createdTable,
          contractInfo,
          catalogInfo(table, partitions, List.of()),
          probe,
          DiffArtifact.Counts.ZERO,
          List.of(),
          List.of(),
          new DiffArtifact.ErrorInfo(e.kind(), e.getMessage()),
          contract.catalogId());
    }
    return judged(runId, name, contractInfo, contract, changes, catalog, probe, createdTable);
  }

  private static DiffArtifact.CatalogInfo catalogInfo(
      GlueTable table, PartitionSample partitions, List<String> setAsideColumns) {
    TableProfile profile = TableProfile.of(table);
    return new DiffArtifact.CatalogInfo(
        table.versionId(),
        table.updateTime(),
        table.effectiveTableType(),
        profile.profile(),
        profile.family(),
        profile.partitioned(),
        table.location(),
        partitions == null ? null : info(partitions, table),
        setAsideColumns);
  }

  /** What the artifact says about a partition sample: its size, its first and last partition. */
  private static DiffArtifact.PartitionsInfo info(PartitionSample sample, GlueTable table) {
    List<GluePartition> read = sample.partitions();
    return new DiffArtifact.PartitionsInfo(
        sample.limit(),
        read.size(),
        sample.more(),
        read.isEmpty() ? null : read.getFirst().name(table.partitionKeys()),
        read.isEmpty() ? null : read.getLast().name(table.partitionKeys()),
        sample.skipped(),
        sample.readIn());
  }

  /** The table is absent and was not created; {@code whyNotCreated} goes into the reason. */
  public static DiffArtifact missing(
      RunId runId,
      DiffArtifact.ContractInfo contractInfo,
      Contract contract,
      DiffArtifact.DataProbe probe,
      String whyNotCreated) {
    DiffArtifact.TableName name = new DiffArtifact.TableName(contract.database(), contract.table());
    return judged(
        runId,
        name,
        contractInfo,
        contract,
        List.of(Judgement.missingTable(contract, whyNotCreated)),
        null,
        probe,
        false);
  }

  /** No data files at the contract's location: nothing to judge yet. */
  public static DiffArtifact noData(
      RunId runId,
      DiffArtifact.ContractInfo contractInfo,
      Contract contract,
      DiffArtifact.DataProbe probe) {
    return new DiffArtifact(
        DiffArtifact.VERSION,
        runId.value(),
        new DiffArtifact.TableName(contract.database(), contract.table()),
        Status.NO_DATA,
        false,
        contractInfo,
        null,
        probe,
        DiffArtifact.Counts.ZERO,
        List.of(),
        List.of(),
        null,
        contract.catalogId());
  }

  /**
   * The monitor could not decide; {@code contractInfo} may be null when the contract was
   * unreadable.
   */
  public static DiffArtifact error(
      RunId runId,
      DiffArtifact.TableName name,
      DiffArtifact.ContractInfo contractInfo,
      ErrorKind kind,
      String message) {
    return new DiffArtifact(
        DiffArtifact.VERSION,
        runId.value(),
        name,
        Status.ERROR,
        false,
        contractInfo,
        null,
        null,
        DiffArtifact.Counts.ZERO,
        List.of(),
        List.of(),
        new DiffArtifact.ErrorInfo(kind, message));
  }

  private static DiffArtifact judged(
      RunId runId,
      DiffArtifact.TableName name,
      DiffArtifact.ContractInfo contractInfo,
      Contract contract,
      List<Change> changes,
      DiffArtifact.CatalogInfo catalog,
      DiffArtifact.DataProbe probe,
      boolean createdTable) {
    PolicyEvaluation.Outcome outcome =
        PolicyEvaluation.apply(changes, contract.policy(), runId.date(), name.qualified());
    int breaking = 0;
    int risky = 0;
    int safe = 0;
    int waived = 0;
    Severity worst = null;
    for (Finding finding : outcome.findings()) {
      if (!finding.counts()) {
        waived++;
        continue;
      }
      switch (finding.severity()) {
        case BREAKING -> breaking++;
        case RISKY -> risky++;
        case SAFE -> safe++;
      }
      worst = worst == null ? finding.severity() : worst.worse(finding.severity());
    }
    return new DiffArtifact(
        DiffArtifact.VERSION,
        runId.value(),
        name,
        worst == null ? Status.OK : Status.of(worst),
        createdTable,
        contractInfo,
        catalog,
        probe,
        new DiffArtifact.Counts(breaking, risky, safe, waived),
        outcome.findings(),
        outcome.unusedWaivers(),
        null,
        contract.catalogId());
  }
}
