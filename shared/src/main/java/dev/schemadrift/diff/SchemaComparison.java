package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import java.util.List;

/**
 * Compares a contract with a Glue table and lists every difference as a neutral fact: the table
 * guards first (a table that cannot be judged is undecidable), then the storage promises, then the
 * columns and partition keys. Verdicts come later ({@link Judgement}, then {@link
 * PolicyEvaluation}).
 */
public final class SchemaComparison {
  private SchemaComparison() {}

  /** The result: the derived profile and the differences, in discovery order. */
  public record Result(TableProfile profile, List<Difference> differences) {}

  /**
   * Compares one contract with one existing table.
   *
   * @throws UndecidableException when the table cannot be judged (a Glue type string that does not
   *     parse, no StorageDescriptor, a Spark or Delta table whose schema could not be read (see
   *     {@link SparkTables}), names that clash ignoring case)
   */
  public static Result compare(Contract contract, GlueTable glueTable) {
    GlueTable table = SparkTables.resolve(glueTable);
    TableProfile profile = TableProfile.of(table);
    TableGuards.Checked checked = TableGuards.check(table, profile);
    Differences differences = new Differences(profile);
    new StorageComparison(contract, table, profile, differences).compare();
    new ColumnComparison(profile, contract.policy().effectiveCompareComments(), differences)
        .compare(
            Items.ofContract(contract.columns()),
            checked.columns(),
            Items.ofContract(contract.partitionKeys()),
            checked.partitionKeys(),
            checked.icebergHistory());
    return new Result(profile, differences.list());
  }
}
