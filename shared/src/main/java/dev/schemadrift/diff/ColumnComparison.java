package dev.schemadrift.diff;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.rule.RuleId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract's columns and partition keys against Glue's: pairs them (names, then the rename
 * signals), then records moves between the two lists, renames, removals, extras, reorders, and
 * every paired column's type, nullability and comment.
 */
final class ColumnComparison {
  private final TableProfile profile;
  private final boolean compareComments;
  private final Differences differences;
  private final TypeComparison types;

  ColumnComparison(TableProfile profile, boolean compareComments, Differences differences) {
    this.profile = profile;
    this.compareComments = compareComments;
    this.differences = differences;
    this.types = new TypeComparison(differences);
  }

  void compare(
      Items expectedColumns,
      Items actualColumns,
      Items expectedKeys,
      Items actualKeys,
      List<GlueColumn> history) {
    Matching columns = Matching.byName(expectedColumns, actualColumns, true);
    Matching keys = Matching.byName(expectedKeys, actualKeys, true);
    recordMoves(columns, keys);

    columns.pairByPreviousNames();
    if (profile.profile() == FormatProfile.ICEBERG) {
      pairByIcebergFieldId(columns, history);
    }
    columns.pairByPositionAndType();
    keys.pairByPreviousNames();
    keys.pairByPositionAndType();

    // A column paired under its own name, with the very same type (types read from equal strings
    // are one instance), has nothing to report unless nullability or comments are compared.
    boolean nameAndTypeSuffice = profile.profile() != FormatProfile.ICEBERG && !compareComments;
    for (int index = 0; index < expectedColumns.size(); index++) {
      int at = columns.partnerIndex(index);
      if (at < 0) {
        continue;
      }
      RenameEvidence evidence = columns.evidenceOf(index);
      if (nameAndTypeSuffice
          && evidence == null
          && expectedColumns.types[index] == actualColumns.types[at]
          && expectedColumns.names[index].equals(actualColumns.names[at])) {
        continue;
      }
      comparePair(expectedColumns.get(index), actualColumns.get(at), evidence);
    }
    for (Item removed : columns.unmatchedExpected()) {
      ContractColumn promised = removed.promised();
      differences.add(
          new Difference(
              RuleId.COLUMN_REMOVED,
              Difference.Subject.COLUMN,
              removed.name(),
              removed.type().canonical(),
              null,
              differences.table(),
              null,
              promised.deprecated(),
              promised.sunset()));
    }
    for (Item extra : columns.unmatchedActual()) {
      differences.add(
          columns.hasPairAfter(extra.index()) ? RuleId.COLUMN_INSERTED : RuleId.COLUMN_ADDED,
          Difference.Subject.COLUMN,
          extra.name(),
          null,
          extra.type().canonical());
    }
    if (columns.isReordered()) {
      differences.add(
          RuleId.COLUMNS_REORDERED,
          Difference.Subject.TABLE,
          "@columns",
          columns.expectedOrder(),
          columns.actualOrder());
    }

    for (int index = 0; index < expectedKeys.size(); index++) {
      Item partner = keys.partnerOf(index);
      if (partner != null) {
        comparePartitionKey(expectedKeys.get(index), partner, keys.evidenceOf(index));
      }
    }
    for (Item removed : keys.unmatchedExpected()) {
      differences.add(
          RuleId.PARTITION_KEY_REMOVED,
          Difference.Subject.PARTITION_KEY,
          removed.name(),
          removed.type().canonical(),
          null);
    }
    for (Item extra : keys.unmatchedActual()) {
      differences.add(
          RuleId.PARTITION_KEY_ADDED,
          Difference.Subject.PARTITION_KEY,
          extra.name(),
          null,
          extra.type().canonical());
    }
    if (keys.isReordered()) {
      differences.add(
          RuleId.PARTITION_KEYS_REORDERED,
          Difference.Subject.TABLE,
          "@partition_keys",
          keys.expectedOrder(),
          keys.actualOrder());
    }
  }

  /** A name that crossed between data columns and partition keys is one finding, not two. */
  private void recordMoves(Matching columns, Matching keys) {
    for (Item expected : List.copyOf(columns.unmatchedExpected())) {
      if (keys.takeUnmatchedActual(expected.name()) != null) {
        columns.dropExpected(expected);
        differences.add(
            RuleId.COLUMN_MOVED_TO_PARTITION,
            Difference.Subject.COLUMN,
            expected.name(),
            "column",
            "partition_key");
      }
    }
    for (Item expected : List.copyOf(keys.unmatchedExpected())) {
      if (columns.takeUnmatchedActual(expected.name()) != null) {
        keys.dropExpected(expected);
        differences.add(
            RuleId.PARTITION_MOVED_TO_COLUMN,
            Difference.Subject.PARTITION_KEY,
            expected.name(),
            "partition_key",
            "column");
      }
    }
  }

  private void pairByIcebergFieldId(Matching columns, List<GlueColumn> history) {
    Map<String, String> historicalIds = new HashMap<>();
    for (GlueColumn column : history) {
      String id = column.parameter("iceberg.field.id");
      if (id != null) {
        historicalIds.putIfAbsent(column.name().toLowerCase(Locale.ROOT), id);
      }
    }
    for (Item expected : List.copyOf(columns.unmatchedExpected())) {
      String id = historicalIds.get(expected.name().toLowerCase(Locale.ROOT));
      if (id == null) {
        continue;
      }
      for (Item actual : columns.unmatchedActual()) {
        if (id.equals(actual.glue().parameter("iceberg.field.id"))) {
          columns.pair(expected, actual, RenameEvidence.ICEBERG_FIELD_ID);
          break;
        }
      }
    }
  }

  private void comparePair(Item expected, Item actual, RenameEvidence evidence) {
    String path = expected.name();
    if (evidence != null) {
      differences.add(
          new Difference(
              RuleId.COLUMN_RENAMED,
              Difference.Subject.COLUMN,
              path,
              expected.name(),
              actual.name(),
              differences.table(),
              evidence,
              false,
              null));
    } else if (!actual.name().equals(expected.name())
        && !actual.name().equals(actual.name().toLowerCase(Locale.ROOT))) {
      differences.add(
          RuleId.COLUMN_NAME_CASE_CHANGED,
          Difference.Subject.COLUMN,
          path,
          expected.name(),
          actual.name());
    }
    if (expected.type() != actual.type()) {
      types.compare(Path.column(path), expected.type(), actual.type(), differences.table());
    }
    compareNullability(path, expected.promised(), actual.glue());
    compareComment(path, expected.promised(), actual.glue());
  }

  private void compareNullability(String path, ContractColumn promised, GlueColumn glue) {
    if (profile.profile() != FormatProfile.ICEBERG || promised.required() == null) {
      return;
    }
    String optional = glue.parameter("iceberg.field.optional");
    if (optional == null) {
      return;
    }
    boolean actualOptional = optional.equalsIgnoreCase("true");
    if (promised.required() && actualOptional) {
      differences.add(
          RuleId.COLUMN_BECAME_OPTIONAL, Difference.Subject.COLUMN, path, "required", "optional");
    } else if (!promised.required() && !actualOptional) {
      differences.add(
          RuleId.COLUMN_BECAME_REQUIRED, Difference.Subject.COLUMN, path, "optional", "required");
    }
  }

  private void compareComment(String path, ContractColumn promised, GlueColumn glue) {
    if (!compareComments || promised.description() == null) {
      return;
    }
    // Glue keeps at most 255 characters of a comment.
    String description = promised.description();
    if (description.length() > 255) {
      description = description.substring(0, 255);
    }
    description = description.strip();
    String comment = glue.comment() == null ? null : glue.comment().strip();
    if (!description.equals(comment)) {
      differences.add(
          RuleId.COLUMN_COMMENT_CHANGED, Difference.Subject.COLUMN, path, description, comment);
    }
  }

  private void comparePartitionKey(Item expected, Item actual, RenameEvidence evidence) {
    if (evidence != null) {
      differences.add(
          new Difference(
              RuleId.PARTITION_KEY_RENAMED,
              Difference.Subject.PARTITION_KEY,
              expected.name(),
              expected.name(),
              actual.name(),
              differences.table(),
              evidence,
              false,
              null));
    }
    TypeChange change = TypeChange.between(expected.type(), actual.type());
    if (change == TypeChange.NONE) {
      return;
    }
    // Partition values are strings in the paths; Iceberg accepts only its own promotions.
    boolean accepted =
        profile.profile() == FormatProfile.ICEBERG
            ? TypeChange.isIcebergPromotion(expected.type(), actual.type())
            : change.isWidening();
    differences.add(
        Difference.of(
            RuleId.PARTITION_KEY_TYPE_CHANGED,
            Difference.Subject.PARTITION_KEY,
            expected.name(),
            expected.type().canonical(),
            actual.type().canonical(),
            differences.table().withWidening(accepted)));
  }
}
