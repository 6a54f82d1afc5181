package dev.schemadrift.diff;

import dev.schemadrift.rule.RuleContext;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.type.DataType;

/**
 * The recursion over two types, written once: structs field by field (with their own matching),
 * array elements, map keys and values, and scalar changes classified by {@link TypeChange}.
 */
final class TypeComparison {
  private final Differences differences;

  TypeComparison(Differences differences) {
    this.differences = differences;
  }

  /**
   * Records every difference between two types at {@code path}.
   *
   * @param where the context of the position: inside a map key or not
   */
  void compare(Path path, DataType expected, DataType actual, RuleContext where) {
    // Equal types have no differences at any depth. Types read from the same string are one
    // instance (TypeParser's cache), so the common case costs a reference comparison.
    if (expected == actual || expected.equals(actual)) {
      return;
    }
    switch (expected) {
      case DataType.Struct expectedStruct when actual instanceof DataType.Struct actualStruct ->
          compareStructs(path, expectedStruct, actualStruct, where);
      case DataType.Array expectedArray when actual instanceof DataType.Array actualArray ->
          compare(path.element(), expectedArray.element(), actualArray.element(), where);
      case DataType.Map expectedMap when actual instanceof DataType.Map actualMap -> {
        compare(path.mapKey(), expectedMap.key(), actualMap.key(), where.insideMapKey());
        compare(path.mapValue(), expectedMap.value(), actualMap.value(), where);
      }
      case DataType.Struct struct -> compareScalar(path, expected, actual, where);
      case DataType.Array array -> compareScalar(path, expected, actual, where);
      case DataType.Map map -> compareScalar(path, expected, actual, where);
      case DataType.Primitive primitive -> compareScalar(path, expected, actual, where);
      case DataType.Decimal decimal -> compareScalar(path, expected, actual, where);
      case DataType.Char fixed -> compareScalar(path, expected, actual, where);
      case DataType.Varchar varying -> compareScalar(path, expected, actual, where);
      case DataType.Union union -> compareScalar(path, expected, actual, where);
    }
  }

  private void compareScalar(Path path, DataType expected, DataType actual, RuleContext where) {
    TypeChange change = TypeChange.between(expected, actual);
    RuleId rule =
        switch (change) {
          case NONE -> null;
          case WIDENED -> RuleId.COLUMN_TYPE_WIDENED;
          case DECIMAL_PRECISION_INCREASED -> RuleId.COLUMN_DECIMAL_PRECISION_INCREASED;
          case LENGTH_INCREASED -> RuleId.COLUMN_LENGTH_INCREASED;
          case LENGTH_DECREASED -> RuleId.COLUMN_LENGTH_DECREASED;
          case NARROWED -> RuleId.COLUMN_TYPE_NARROWED;
          case CHANGED -> RuleId.COLUMN_TYPE_CHANGED;
        };
    if (rule == null) {
      return;
    }
    differences.add(
        Difference.of(
            rule,
            Difference.Subject.COLUMN,
            path.toString(),
            expected.canonical(),
            actual.canonical(),
            where.withWidening(change.isWidening())));
  }

  private void compareStructs(
      Path path, DataType.Struct expected, DataType.Struct actual, RuleContext where) {
    if (sameFieldNames(expected, actual)) {
      // The common case (nothing added, removed or moved) needs no matching at all.
      for (int index = 0; index < expected.fields().size(); index++) {
        DataType.Field field = expected.fields().get(index);
        compare(path.field(field.name()), field.type(), actual.fields().get(index).type(), where);
      }
      return;
    }
    Items expectedFields = Items.ofFields(expected);
    Items actualFields = Items.ofFields(actual);
    Matching fields = Matching.byName(expectedFields, actualFields, false);
    fields.pairByPositionAndType();
    for (int index = 0; index < expectedFields.size(); index++) {
      Item actualField = fields.partnerOf(index);
      if (actualField == null) {
        continue;
      }
      Item expectedField = expectedFields.get(index);
      RenameEvidence evidence = fields.evidenceOf(index);
      Path fieldPath = path.field(expectedField.name());
      if (evidence != null) {
        differences.add(
            new Difference(
                RuleId.NESTED_FIELD_RENAMED,
                Difference.Subject.STRUCT_FIELD,
                fieldPath.toString(),
                expectedField.name(),
                actualField.name(),
                where,
                evidence,
                false,
                null));
      } else if (!expectedField.name().equals(actualField.name())) {
        differences.add(
            Difference.of(
                RuleId.COLUMN_NAME_CASE_CHANGED,
                Difference.Subject.STRUCT_FIELD,
                fieldPath.toString(),
                expectedField.name(),
                actualField.name(),
                where));
      }
      compare(fieldPath, expectedField.type(), actualField.type(), where);
    }
    for (Item removed : fields.unmatchedExpected()) {
      differences.add(
          Difference.of(
              RuleId.NESTED_FIELD_REMOVED,
              Difference.Subject.STRUCT_FIELD,
              path.field(removed.name()).toString(),
              removed.type().canonical(),
              null,
              where));
    }
    for (Item extra : fields.unmatchedActual()) {
      differences.add(
          Difference.of(
              fields.hasPairAfter(extra.index())
                  ? RuleId.NESTED_FIELD_INSERTED
                  : RuleId.NESTED_FIELD_ADDED,
              Difference.Subject.STRUCT_FIELD,
              path.field(extra.name()).toString(),
              null,
              extra.type().canonical(),
              where));
    }
    if (fields.isReordered()) {
      differences.add(
          Difference.of(
              RuleId.NESTED_FIELDS_REORDERED,
              Difference.Subject.STRUCT_FIELD,
              path.toString(),
              fields.expectedOrder(),
              fields.actualOrder(),
              where));
    }
  }

  private static boolean sameFieldNames(DataType.Struct expected, DataType.Struct actual) {
    if (expected.fields().size() != actual.fields().size()) {
      return false;
    }
    for (int index = 0; index < expected.fields().size(); index++) {
      if (!expected.fields().get(index).name().equals(actual.fields().get(index).name())) {
        return false;
      }
    }
    return true;
  }
}
