package dev.schemadrift.diff;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.rule.RuleContext;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives each difference its default severity (from the rule's model, nowhere else) and its reason
 * (from {@link Reasons}).
 */
public final class Judgement {
  private Judgement() {}

  /** The changes of one compared table, in the order the differences were found. */
  public static List<Change> of(SchemaComparison.Result result, GlueTable table, LocalDate today) {
    Reasons reasons = new Reasons(result.profile(), table.serdeLibrary());
    List<Change> changes = new ArrayList<>(result.differences().size());
    for (Difference difference : result.differences()) {
      Severity severity = difference.rule().defaultSeverity(difference.context());
      changes.add(new Change(difference, severity, reasons.explain(difference, severity, today)));
    }
    return List.copyOf(changes);
  }

  /**
   * The single change of a table that is absent and was not created; {@code whyNotCreated} goes
   * into the reason. Its context is the table the contract describes.
   */
  public static Change missingTable(Contract contract, String whyNotCreated) {
    // Only an Iceberg or a view contract describes no table the monitor could make.
    Optional<GlueTable> described = TableDefinitions.fromContract(contract);
    boolean partitioned = !contract.partitionKeys().isEmpty();
    RuleContext context =
        described.isPresent()
            ? RuleContext.of(TableProfile.of(described.get()))
            : contract.isView()
                ? new RuleContext(
                    FormatProfile.BY_NAME, FileFamily.VIEW, partitioned, false, false, false)
                : new RuleContext(
                    FormatProfile.ICEBERG, FileFamily.ICEBERG, partitioned, false, false, false);
    Difference difference =
        Difference.of(
            RuleId.TABLE_MISSING,
            Difference.Subject.TABLE,
            "@table",
            contract.qualifiedName(),
            null,
            context);
    return new Change(
        difference,
        RuleId.TABLE_MISSING.defaultSeverity(context),
        Reasons.tableMissing(contract.qualifiedName(), whyNotCreated));
  }
}
