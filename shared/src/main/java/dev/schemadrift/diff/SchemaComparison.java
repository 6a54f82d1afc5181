package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a contract with a Glue table and lists every difference as a neutral fact: the table
 * guards first (a table that cannot be judged is undecidable), then the storage promises, then the
 * columns and partition keys, then each sampled partition against the table. Verdicts come later
 * ({@link Judgement}, then {@link PolicyEvaluation}).
 */
public final class SchemaComparison {
  private SchemaComparison() {}

  /**
   * The result: the table as compared (a Spark or Delta table with the schema Spark recorded, see
   * {@link SparkTables}), the derived profile, the differences in discovery order, and the Hudi
   * metadata columns set aside before matching (empty unless the table is a Hudi table).
   */
  public record Result(
      GlueTable table,
      TableProfile profile,
      List<Difference> differences,
      List<String> hudiMetadataSetAside) {
    public Result {
      differences = List.copyOf(differences);
      hudiMetadataSetAside = List.copyOf(hudiMetadataSetAside);
    }
  }

  /**
   * Compares one contract with one existing table.
   *
   * @throws UndecidableException when the table cannot be judged (a Glue type string that does not
   *     parse, no StorageDescriptor, a Spark or Delta table whose schema could not be read (see
   *     {@link SparkTables}), names that clash ignoring case)
   */
  public static Result compare(Contract contract, GlueTable glueTable) {
    return compare(contract, glueTable, null);
  }

  /**
   * Compares one contract with one existing table, and the sampled partitions with the table.
   *
   * @param partitions the partitions read, or null when none were
   * @throws UndecidableException as {@link #compare(Contract, GlueTable)}, and when a partition's
   *     Glue type string does not parse
   */
  public static Result compare(Contract contract, GlueTable glueTable, PartitionSample partitions) {
    GlueTable table = SparkTables.resolve(glueTable);
    TableProfile profile = TableProfile.of(table);
    Set<String> contractNames = new HashSet<>();
    for (ContractColumn column : contract.columns()) {
      contractNames.add(column.name().toLowerCase(Locale.ROOT));
    }
    TableGuards.Checked checked = TableGuards.check(table, profile, contractNames);
    Differences differences = new Differences(profile);
    new StorageComparison(contract, table, profile, differences).compare();
    new ColumnComparison(profile, contract.policy().effectiveCompareComments(), differences)
        .compare(
            Items.ofContract(contract.columns()),
            checked.columns(),
            Items.ofContract(contract.partitionKeys()),
            checked.partitionKeys(),
            checked.icebergHistory());
    if (partitions != null) {
      new PartitionComparison(table, profile, checked.columns(), differences).compare(partitions);
    }
    return new Result(table, profile, differences.list(), checked.hudiMetadataSetAside());
  }
}
