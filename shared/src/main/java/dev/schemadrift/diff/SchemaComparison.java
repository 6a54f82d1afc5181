package dev.schemadrift.diff;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a contract with a Glue table and lists every difference with its default verdict for the
 * table's profile. Policy comes later ({@link PolicyEvaluation}); this class only states facts and
 * the rules' defaults.
 */
public final class SchemaComparison {
  private final Contract contract;
  private final GlueTable table;
  private final TableProfile profile;
  private final LocalDate today;
  private final boolean compareComments;
  private final List<Change> changes = new ArrayList<>();

  private SchemaComparison(Contract contract, GlueTable table, LocalDate today) {
    this.contract = contract;
    this.table = table;
    this.profile = TableProfile.of(table);
    this.today = today;
    this.compareComments = contract.policy().effectiveCompareComments();
  }

  /** The result: the derived profile and the changes, in discovery order. */
  public record Result(TableProfile profile, List<Change> changes) {}

  /**
   * Compares one contract with one existing table.
   *
   * @throws UndecidableException when the table cannot be judged (a Glue type string that does not
   *     parse, no StorageDescriptor, a Spark placeholder schema)
   */
  public static Result compare(Contract contract, GlueTable table, LocalDate today) {
    SchemaComparison comparison = new SchemaComparison(contract, table, today);
    comparison.run();
    return new Result(comparison.profile, List.copyOf(comparison.changes));
  }

  /** The single finding for a table that is absent and was not created, saying why not. */
  public static Change missingTable(Contract contract, String whyNotCreated) {
    return Change.of(
        RuleId.TABLE_MISSING,
        Severity.BREAKING,
        "@table",
        contract.qualifiedName(),
        null,
        "Table "
            + contract.qualifiedName()
            + " does not exist in Glue ("
            + whyNotCreated
            + "): every query against it fails.");
  }

  private void run() {
    if (!table.hasStorageDescriptor()) {
      throw new UndecidableException(
          ErrorKind.NO_STORAGE_DESCRIPTOR,
          "Glue table "
              + table.qualifiedName()
              + " has no StorageDescriptor, so its columns are"
              + " unknown; check how the table was registered.");
    }
    if (isSparkPlaceholder()) {
      throw new UndecidableException(
          ErrorKind.SPARK_PLACEHOLDER_SCHEMA,
          "Glue table "
              + table.qualifiedName()
              + " was registered by Spark ("
              + table.parameters().get("spark.sql.sources.provider")
              + "): Glue holds a placeholder column list, not the real schema, so it is not"
              + " compared.");
    }
    List<GlueColumn> glueColumns = table.columns();
    List<GlueColumn> history = new ArrayList<>(0);
    boolean iceberg = profile.profile() == FormatProfile.ICEBERG;
    if (iceberg) {
      List<GlueColumn> current = new ArrayList<>(glueColumns.size());
      for (GlueColumn column : glueColumns) {
        if (column.isIcebergHistory()) {
          history.add(column);
        } else {
          current.add(column);
        }
      }
      glueColumns = current;
    }
    // Every type is parsed before a duplicate name is reported (an invalid type is the first
    // error); the duplicate check runs in the same pass and remembers the first duplicate.
    int count = table.columns().size() + table.partitionKeys().size();
    String[] folded = new String[Integer.highestOneBit(count * 2 + 1) << 1];
    String[] original = new String[folded.length];
    String[] duplicate = null;
    Items actualColumns = Items.ofGlue(glueColumns);
    for (int index = 0; index < glueColumns.size(); index++) {
      actualColumns.types[index] = actualType(glueColumns.get(index), "column");
      String first = rememberName(actualColumns.names[index], folded, original);
      if (first != null && duplicate == null) {
        duplicate = new String[] {actualColumns.names[index], first};
      }
    }
    Items actualKeys = Items.ofGlue(table.partitionKeys());
    for (int index = 0; index < actualKeys.size(); index++) {
      actualKeys.types[index] = actualType(table.partitionKeys().get(index), "partition key");
      String first = rememberName(actualKeys.names[index], folded, original);
      if (first != null && duplicate == null) {
        duplicate = new String[] {actualKeys.names[index], first};
      }
    }
    if (duplicate != null) {
      throw duplicateName(duplicate[0], duplicate[1]);
    }
    Items expectedColumns = Items.ofContract(contract.columns());
    Items expectedKeys = Items.ofContract(contract.partitionKeys());

    compareStorage();
    compareColumns(expectedColumns, actualColumns, expectedKeys, actualKeys, history);
  }

  /**
   * Adds a top-level name to an open-addressing set of folded names (at most half full: one probe
   * per name in the common case, no entry objects); returns the earlier name it folds to, if any.
   *
   * <p>Glue folds top-level names, so two columns differing only in case cannot both be real (an
   * emulator or a hand-written definition): which one a query reads is unknown, so nothing is
   * judged.
   */
  private static String rememberName(String name, String[] folded, String[] original) {
    String key = foldCase(name);
    int mask = folded.length - 1;
    // Fibonacci hashing: names such as c0001, c0002 have consecutive hash codes; the multiplication
    // spreads them over the table instead of into one long run.
    int spread = key.hashCode() * 0x9E3779B9;
    for (int slot = (spread >>> 16) & mask; ; slot = (slot + 1) & mask) {
      String there = folded[slot];
      if (there == null) {
        folded[slot] = key;
        original[slot] = name;
        return null;
      }
      if (there.equals(key)) {
        return original[slot];
      }
    }
  }

  private UndecidableException duplicateName(String name, String first) {
    return new UndecidableException(
        ErrorKind.DUPLICATE_GLUE_COLUMN,
        "Glue table "
            + table.qualifiedName()
            + " lists column '"
            + name
            + "' after '"
            + first
            + "' (top-level names are compared ignoring case), so which one a query reads is"
            + " unknown; fix the table definition.");
  }

  /**
   * {@code name.toLowerCase(Locale.ROOT)}, without the call for names that are already lower-case
   * ASCII (what Glue stores).
   */
  private static String foldCase(String name) {
    for (int index = 0; index < name.length(); index++) {
      char c = name.charAt(index);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return name;
  }

  private boolean isSparkPlaceholder() {
    String provider = table.parameters().get("spark.sql.sources.provider");
    if (provider == null || provider.equalsIgnoreCase("hive")) {
      return false;
    }
    List<GlueColumn> columns = table.columns();
    return columns.size() == 1
        && columns.getFirst().name().equalsIgnoreCase("col")
        && columns.getFirst().type().replace(" ", "").equalsIgnoreCase("array<string>");
  }

  // ---------------------------------------------------------------- columns and partition keys

  /** A column, partition key or struct field on one side, with its parsed type and position. */
  private record Item(
      String name, DataType type, int index, ContractColumn promised, GlueColumn glue) {}

  private DataType actualType(GlueColumn column, String what) {
    try {
      return TypeParser.parse(column.type());
    } catch (TypeParseException e) {
      throw new UndecidableException(
          ErrorKind.INVALID_GLUE_TYPE,
          "Glue "
              + what
              + " '"
              + column.name()
              + "' of "
              + table.qualifiedName()
              + " has an invalid type: "
              + e.getMessage());
    }
  }

  /**
   * One side's columns, keys or struct fields: names and types in arrays for the loops that visit
   * every column, {@link Item}s made only for the ones a step needs (usually the few that changed).
   */
  private static final class Items extends java.util.AbstractList<Item>
      implements java.util.RandomAccess {
    final String[] names;
    final DataType[] types;
    private final List<ContractColumn> promised;
    private final List<GlueColumn> glue;
    private Item[] made;

    private Items(
        String[] names, DataType[] types, List<ContractColumn> promised, List<GlueColumn> glue) {
      this.names = names;
      this.types = types;
      this.promised = promised;
      this.glue = glue;
    }

    /** Glue columns; the caller fills {@link #types} as it parses them. */
    static Items ofGlue(List<GlueColumn> columns) {
      String[] names = new String[columns.size()];
      for (int index = 0; index < names.length; index++) {
        names[index] = columns.get(index).name();
      }
      return new Items(names, new DataType[names.length], null, columns);
    }

    static Items ofContract(List<ContractColumn> columns) {
      String[] names = new String[columns.size()];
      DataType[] types = new DataType[names.length];
      for (int index = 0; index < names.length; index++) {
        ContractColumn column = columns.get(index);
        names[index] = column.name();
        types[index] = column.type();
      }
      return new Items(names, types, columns, null);
    }

    static Items ofFields(DataType.Struct struct) {
      List<DataType.Field> fields = struct.fields();
      String[] names = new String[fields.size()];
      DataType[] types = new DataType[names.length];
      for (int index = 0; index < names.length; index++) {
        names[index] = fields.get(index).name();
        types[index] = fields.get(index).type();
      }
      return new Items(names, types, null, null);
    }

    @Override
    public Item get(int index) {
      if (made == null) {
        made = new Item[names.length];
      }
      Item item = made[index];
      if (item == null) {
        item =
            new Item(
                names[index],
                types[index],
                index,
                promised == null ? null : promised.get(index),
                glue == null ? null : glue.get(index));
        made[index] = item;
      }
      return item;
    }

    @Override
    public int size() {
      return names.length;
    }
  }

  private void compareColumns(
      Items expectedColumns,
      Items actualColumns,
      Items expectedKeys,
      Items actualKeys,
      List<GlueColumn> history) {
    Matching columns = Matching.byName(expectedColumns, actualColumns, true);
    Matching keys = Matching.byName(expectedKeys, actualKeys, true);

    // A name that crossed between data columns and partition keys is one finding, not two.
    for (Item expected : List.copyOf(columns.unmatchedExpected())) {
      Item moved = keys.takeUnmatchedActual(expected.name());
      if (moved != null) {
        columns.dropExpected(expected);
        add(
            RuleId.COLUMN_MOVED_TO_PARTITION,
            RuleId.COLUMN_MOVED_TO_PARTITION,
            expected.name(),
            "column",
            "partition_key",
            "Column '"
                + expected.name()
                + "' became a partition key: its values now come from the"
                + " file paths and the column list shifts.");
      }
    }
    for (Item expected : List.copyOf(keys.unmatchedExpected())) {
      Item moved = columns.takeUnmatchedActual(expected.name());
      if (moved != null) {
        keys.dropExpected(expected);
        add(
            RuleId.PARTITION_MOVED_TO_COLUMN,
            RuleId.PARTITION_MOVED_TO_COLUMN,
            expected.name(),
            "partition_key",
            "column",
            "Partition key '"
                + expected.name()
                + "' became a data column: partition pruning on it"
                + " stops working and the column list shifts.");
      }
    }

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
      int at = columns.partner[index];
      if (at < 0) {
        continue;
      }
      String evidence = columns.evidenceOf(index);
      if (nameAndTypeSuffice
          && evidence == null
          && expectedColumns.types[index] == actualColumns.types[at]
          && expectedColumns.names[index].equals(actualColumns.names[at])) {
        continue;
      }
      comparePair(expectedColumns.get(index), actualColumns.get(at), evidence);
    }
    for (Item removed : columns.unmatchedExpected()) {
      columnRemoved(removed);
    }
    for (Item extra : columns.unmatchedActual()) {
      boolean inserted = columns.hasPairAfter(extra.index());
      RuleId rule = inserted ? RuleId.COLUMN_INSERTED : RuleId.COLUMN_ADDED;
      add(
          rule,
          rule,
          extra.name(),
          null,
          extra.type().canonical(),
          inserted
              ? "Column '"
                  + extra.name()
                  + "' is not in the contract and stands before contract"
                  + " columns: "
                  + positionalConsequence("every later column shifts")
              : "Column '"
                  + extra.name()
                  + "' is not in the contract; it comes after every"
                  + " contract column, so existing queries are unaffected.");
    }
    if (columns.isReordered()) {
      add(
          RuleId.COLUMNS_REORDERED,
          RuleId.COLUMNS_REORDERED,
          "@columns",
          columns.expectedOrder(),
          columns.actualOrder(),
          "The shared columns are in another order: "
              + positionalConsequence("values land in the" + " wrong columns"));
    }

    for (int index = 0; index < expectedKeys.size(); index++) {
      Item partner = keys.partnerOf(index);
      if (partner != null) {
        comparePartitionKey(expectedKeys.get(index), partner, keys.evidenceOf(index));
      }
    }
    for (Item removed : keys.unmatchedExpected()) {
      add(
          RuleId.PARTITION_KEY_REMOVED,
          RuleId.PARTITION_KEY_REMOVED,
          removed.name(),
          removed.type().canonical(),
          null,
          "Partition key '" + removed.name() + "' is gone: " + partitionConsequence());
    }
    for (Item extra : keys.unmatchedActual()) {
      add(
          RuleId.PARTITION_KEY_ADDED,
          RuleId.PARTITION_KEY_ADDED,
          extra.name(),
          null,
          extra.type().canonical(),
          "Partition key '" + extra.name() + "' is not in the contract: " + partitionConsequence());
    }
    if (keys.isReordered()) {
      add(
          RuleId.PARTITION_KEYS_REORDERED,
          RuleId.PARTITION_KEYS_REORDERED,
          "@partition_keys",
          keys.expectedOrder(),
          keys.actualOrder(),
          "The partition keys are in another order: " + partitionConsequence());
    }
  }

  private String partitionConsequence() {
    return profile.profile() == FormatProfile.ICEBERG
        ? "Iceberg evolves its partition spec without rewriting files, but queries and writers that"
            + " rely on the old layout need review."
        : "the partition layout no longer matches the paths of existing data, and queries that"
            + " filter on partitions break.";
  }

  private String positionalConsequence(String whatHappens) {
    return switch (profile.profile()) {
      case POSITIONAL, UNKNOWN -> profile.howRead() + ", so " + whatHappens + ".";
      case BY_NAME, ICEBERG -> profile.howRead() + ", so the other columns still read correctly.";
    };
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
          columns.pair(expected, actual, "iceberg_field_id");
          break;
        }
      }
    }
  }

  private void columnRemoved(Item removed) {
    ContractColumn promised = removed.promised();
    boolean pastSunset =
        promised.deprecated() && promised.sunset() != null && today.isAfter(promised.sunset());
    String reason =
        "Column '"
            + removed.name()
            + "' is promised by the contract but missing from Glue:"
            + " queries that select it fail.";
    if (pastSunset) {
      reason =
          "Deprecated column '"
              + removed.name()
              + "' was removed after its sunset date "
              + promised.sunset()
              + ", as announced.";
    } else if (promised.deprecated()) {
      reason +=
          " It is deprecated, but "
              + (promised.sunset() == null
                  ? "has no sunset date."
                  : "its sunset date " + promised.sunset() + " has not passed.");
    }
    changes.add(
        new Change(
            RuleId.COLUMN_REMOVED,
            severity(RuleId.COLUMN_REMOVED),
            removed.name(),
            removed.type().canonical(),
            null,
            reason,
            null,
            false,
            pastSunset));
  }

  private void comparePair(Item expected, Item actual, String evidence) {
    String path = expected.name();
    if (evidence != null) {
      changes.add(
          new Change(
              RuleId.COLUMN_RENAMED,
              severity(RuleId.COLUMN_RENAMED),
              path,
              expected.name(),
              actual.name(),
              "Column '"
                  + expected.name()
                  + "' is now named '"
                  + actual.name()
                  + "' ("
                  + describeEvidence(evidence)
                  + "): queries that use the contract name fail.",
              evidence,
              false,
              false));
    } else if (!actual.name().equals(expected.name())
        && !actual.name().equals(actual.name().toLowerCase(Locale.ROOT))) {
      add(
          RuleId.COLUMN_NAME_CASE_CHANGED,
          RuleId.COLUMN_NAME_CASE_CHANGED,
          path,
          expected.name(),
          actual.name(),
          "Column '"
              + expected.name()
              + "' is spelled '"
              + actual.name()
              + "' in Glue, which"
              + " normally folds names to lower case: case-sensitive readers may miss it.");
    }
    if (expected.type() != actual.type()) {
      compareTypes(Path.column(path), expected.type(), actual.type(), Scope.COLUMN);
    }
    compareNullability(path, expected.promised(), actual.glue());
    compareComment(path, expected.promised(), actual.glue());
  }

  private static String describeEvidence(String evidence) {
    return switch (evidence) {
      case "previous_names" -> "the contract lists it under previous_names";
      case "iceberg_field_id" -> "same Iceberg field id";
      default -> "the only removed and added column, same position and type";
    };
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
      add(
          RuleId.COLUMN_BECAME_OPTIONAL,
          RuleId.COLUMN_BECAME_OPTIONAL,
          path,
          "required",
          "optional",
          "Column '"
              + path
              + "' is promised required but Iceberg now allows nulls: consumers that"
              + " assume a value may fail.");
    } else if (!promised.required() && !actualOptional) {
      add(
          RuleId.COLUMN_BECAME_REQUIRED,
          RuleId.COLUMN_BECAME_REQUIRED,
          path,
          "optional",
          "required",
          "Column '"
              + path
              + "' is promised optional and Iceberg now requires it: readers are"
              + " unaffected.");
    }
  }

  private void compareComment(String path, ContractColumn promised, GlueColumn glue) {
    if (!compareComments || promised.description() == null) {
      return;
    }
    String description = promised.description();
    if (description.length() > 255) {
      description = description.substring(0, 255);
    }
    description = description.strip();
    String comment = glue.comment() == null ? null : glue.comment().strip();
    if (!description.equals(comment)) {
      add(
          RuleId.COLUMN_COMMENT_CHANGED,
          RuleId.COLUMN_COMMENT_CHANGED,
          path,
          description,
          comment,
          "The Glue comment of '" + path + "' differs from the contract's description.");
    }
  }

  private void comparePartitionKey(Item expected, Item actual, String evidence) {
    if (evidence != null) {
      changes.add(
          new Change(
              RuleId.PARTITION_KEY_RENAMED,
              severity(RuleId.PARTITION_KEY_RENAMED),
              expected.name(),
              expected.name(),
              actual.name(),
              "Partition key '"
                  + expected.name()
                  + "' is now named '"
                  + actual.name()
                  + "' ("
                  + describeEvidence(evidence)
                  + "): "
                  + partitionConsequence(),
              evidence,
              false,
              false));
    }
    TypeChange change = TypeChange.between(expected.type(), actual.type());
    if (change == TypeChange.NONE) {
      return;
    }
    boolean risky =
        profile.profile() == FormatProfile.ICEBERG
            ? TypeChange.isIcebergPromotion(expected.type(), actual.type())
            : change.isWidening();
    changes.add(
        new Change(
            RuleId.PARTITION_KEY_TYPE_CHANGED,
            risky ? Severity.RISKY : Severity.BREAKING,
            expected.name(),
            expected.type().canonical(),
            actual.type().canonical(),
            "Partition key '"
                + expected.name()
                + "' changed type from "
                + expected.type().canonical()
                + " to "
                + actual.type().canonical()
                + (risky
                    ? ": existing partition values still read, but consumers coded against the old"
                        + " type may overflow."
                    : ": existing partition values may no longer parse, and filters on the key"
                        + " change meaning."),
            null,
            risky && change.isWidening(),
            false));
  }

  // ------------------------------------------------------------------------------------- types

  /** Where a type sits: the verdict for a map key differs from a column's. */
  private enum Scope {
    COLUMN,
    MAP_KEY
  }

  private void compareTypes(Path path, DataType expected, DataType actual, Scope scope) {
    // Equal types have no differences at any depth. Types read from the same string are one
    // instance (TypeParser's cache), so the common case costs a reference comparison.
    if (expected == actual || expected.equals(actual)) {
      return;
    }
    // instanceof rather than a pattern switch: the switch's invokedynamic bootstrap costs tens of
    // milliseconds on the first diff in a fresh JVM.
    if (expected instanceof DataType.Struct expectedStruct
        && actual instanceof DataType.Struct actualStruct) {
      compareStructs(path, expectedStruct, actualStruct, scope);
    } else if (expected instanceof DataType.Array expectedArray
        && actual instanceof DataType.Array actualArray) {
      compareTypes(path.element(), expectedArray.element(), actualArray.element(), scope);
    } else if (expected instanceof DataType.Map expectedMap
        && actual instanceof DataType.Map actualMap) {
      compareTypes(path.mapKey(), expectedMap.key(), actualMap.key(), Scope.MAP_KEY);
      compareTypes(path.mapValue(), expectedMap.value(), actualMap.value(), scope);
    } else {
      compareScalar(path, expected, actual, scope);
    }
  }

  private void compareScalar(Path path, DataType expected, DataType actual, Scope scope) {
    TypeChange change = TypeChange.between(expected, actual);
    if (change == TypeChange.NONE) {
      return;
    }
    RuleId rule =
        switch (change) {
          case NONE -> throw new IllegalStateException("unreachable");
          case WIDENED -> RuleId.COLUMN_TYPE_WIDENED;
          case DECIMAL_PRECISION_INCREASED -> RuleId.COLUMN_DECIMAL_PRECISION_INCREASED;
          case LENGTH_INCREASED -> RuleId.COLUMN_LENGTH_INCREASED;
          case LENGTH_DECREASED -> RuleId.COLUMN_LENGTH_DECREASED;
          case NARROWED -> RuleId.COLUMN_TYPE_NARROWED;
          case CHANGED -> RuleId.COLUMN_TYPE_CHANGED;
        };
    String from = expected.canonical();
    String to = actual.canonical();
    Severity severity;
    String reason;
    if (scope == Scope.MAP_KEY) {
      severity = change.isWidening() ? Severity.RISKY : Severity.BREAKING;
      reason =
          "The map key type at '"
              + path
              + "' changed from "
              + from
              + " to "
              + to
              + (change.isWidening()
                  ? ": existing keys still read, but lookups coded against the old key type may"
                      + " miss."
                  : ": existing keys may not read and lookups change meaning.");
    } else {
      severity = typeSeverity(rule);
      reason = typeReason(path.toString(), change, from, to, severity);
    }
    changes.add(
        new Change(
            rule, severity, path.toString(), from, to, reason, null, change.isWidening(), false));
  }

  private Severity typeSeverity(RuleId rule) {
    if (rule != RuleId.COLUMN_TYPE_WIDENED && rule != RuleId.COLUMN_DECIMAL_PRECISION_INCREASED) {
      return severity(rule);
    }
    return switch (profile.family()) {
      case TEXT, JSON, ION, AVRO, ICEBERG -> Severity.RISKY;
      case PARQUET, ORC, UNKNOWN -> profile.partitioned() ? Severity.RISKY : Severity.BREAKING;
    };
  }

  private String typeReason(
      String path, TypeChange change, String from, String to, Severity severity) {
    String head = "'" + path + "' changed from " + from + " to " + to;
    return switch (change) {
      case WIDENED, DECIMAL_PRECISION_INCREASED ->
          severity == Severity.BREAKING
              ? head
                  + ": "
                  + profile.files()
                  + " keep the old type and Athena accepts a changed type only through partition"
                  + " schemas; this table is not partitioned."
              : head
                  + ": readers of "
                  + profile.files()
                  + " accept the wider type, but consumers coded against "
                  + from
                  + " may overflow.";
      case LENGTH_INCREASED -> head + ": every old value still fits.";
      case LENGTH_DECREASED -> head + ": longer values may be truncated or padded differently.";
      case NARROWED -> head + ": existing values may not fit the narrower type.";
      case CHANGED ->
          head + ": a different kind of type; existing data and queries no longer agree.";
      case NONE -> head;
    };
  }

  private void compareStructs(
      Path path, DataType.Struct expected, DataType.Struct actual, Scope scope) {
    if (sameFieldNames(expected, actual)) {
      // The common case (nothing added, removed or moved) needs no matching at all.
      for (int index = 0; index < expected.fields().size(); index++) {
        DataType.Field field = expected.fields().get(index);
        compareTypes(
            path.field(field.name()), field.type(), actual.fields().get(index).type(), scope);
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
      String evidence = fields.evidenceOf(index);
      Path fieldPath = path.field(expectedField.name());
      if (evidence != null) {
        changes.add(
            new Change(
                RuleId.NESTED_FIELD_RENAMED,
                severity(RuleId.NESTED_FIELD_RENAMED),
                fieldPath.toString(),
                expectedField.name(),
                actualField.name(),
                "Struct field '"
                    + fieldPath
                    + "' is now named '"
                    + actualField.name()
                    + "' (the only removed and added field, same position and type): queries that"
                    + " use the contract name fail.",
                evidence,
                false,
                false));
      } else if (!expectedField.name().equals(actualField.name())) {
        add(
            RuleId.COLUMN_NAME_CASE_CHANGED,
            RuleId.COLUMN_NAME_CASE_CHANGED,
            fieldPath.toString(),
            expectedField.name(),
            actualField.name(),
            "Struct field '"
                + fieldPath
                + "' is spelled '"
                + actualField.name()
                + "' in Glue; struct field names keep their case, so case-sensitive readers may"
                + " miss it.");
      }
      compareTypes(fieldPath, expectedField.type(), actualField.type(), scope);
    }
    for (Item removed : fields.unmatchedExpected()) {
      Path fieldPath = path.field(removed.name());
      add(
          RuleId.NESTED_FIELD_REMOVED,
          RuleId.NESTED_FIELD_REMOVED,
          fieldPath.toString(),
          removed.type().canonical(),
          null,
          "Struct field '" + fieldPath + "' is missing from Glue: queries that read it fail.");
    }
    for (Item extra : fields.unmatchedActual()) {
      Path fieldPath = path.field(extra.name());
      boolean inserted = fields.hasPairAfter(extra.index());
      RuleId rule = inserted ? RuleId.NESTED_FIELD_INSERTED : RuleId.NESTED_FIELD_ADDED;
      add(
          rule,
          rule,
          fieldPath.toString(),
          null,
          extra.type().canonical(),
          inserted
              ? "Struct field '"
                  + fieldPath
                  + "' is not in the contract and stands before"
                  + " contract fields: "
                  + positionalConsequence("later fields shift")
              : "Struct field '"
                  + fieldPath
                  + "' is not in the contract and comes last: "
                  + positionalConsequence("old files lack it and are read with a shorter struct"));
    }
    if (fields.isReordered()) {
      add(
          RuleId.NESTED_FIELDS_REORDERED,
          RuleId.NESTED_FIELDS_REORDERED,
          path.toString(),
          fields.expectedOrder(),
          fields.actualOrder(),
          "The fields of struct '"
              + path
              + "' are in another order: "
              + positionalConsequence("values land in the wrong fields"));
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

  // --------------------------------------------------------------------- table and storage

  private void compareStorage() {
    ContractFormat recognised = profile.recognisedFormat();
    ContractFormat format = contract.format();
    boolean sameFormat =
        recognised == null
            || recognised == format
            || (recognised == ContractFormat.CSV && format == ContractFormat.TSV);
    if (!sameFormat) {
      add(
          RuleId.STORAGE_FORMAT_CHANGED,
          RuleId.STORAGE_FORMAT_CHANGED,
          "@format",
          format.jsonName(),
          recognised.jsonName(),
          "The table is now "
              + profile.describe()
              + " but the contract promises "
              + format.jsonName()
              + ": existing files cannot be read with the new definition.");
    }
    compareTableType();
    compareLocation();
    if (sameFormat && recognised != null) {
      compareColumnAccess();
      SerdeOptions.compare(
          contract,
          table,
          new SerdeOptions.Sink() {
            @Override
            public void differs(String option, String expected, String actual, boolean structural) {
              addSerdeChange(option, expected, actual, structural);
            }
          });
    }
  }

  private void compareTableType() {
    String expected = contract.format() == ContractFormat.ICEBERG ? "ICEBERG" : "EXTERNAL_TABLE";
    String actual = table.effectiveTableType();
    if (actual != null && !actual.equals(expected)) {
      add(
          RuleId.TABLE_TYPE_CHANGED,
          RuleId.TABLE_TYPE_CHANGED,
          "@table",
          expected,
          actual,
          "The Glue table type is "
              + actual
              + ", not "
              + expected
              + ": engines may treat the"
              + " table differently (writes, time travel, views).");
    }
  }

  private void compareLocation() {
    String expected = normaliseLocation(contract.dataLocation());
    String actual = normaliseLocation(table.location());
    if (!Objects.equals(expected, actual)) {
      add(
          RuleId.TABLE_LOCATION_CHANGED,
          RuleId.TABLE_LOCATION_CHANGED,
          "@location",
          contract.dataLocation(),
          table.location(),
          "The table now reads files from "
              + (table.location() == null ? "no location" : table.location())
              + ", not from the contract's data_location: consumers may see other data.");
    }
  }

  /** s3a:// and s3n:// are s3://, and a trailing slash does not make another location. */
  static String normaliseLocation(String location) {
    if (location == null) {
      return null;
    }
    String normal = location.strip();
    if (normal.startsWith("s3a://") || normal.startsWith("s3n://")) {
      normal = "s3://" + normal.substring(6);
    }
    while (normal.endsWith("/")) {
      normal = normal.substring(0, normal.length() - 1);
    }
    return normal;
  }

  private void compareColumnAccess() {
    var access = contract.formatOptions().columnAccess();
    if (access == null || profile.profile() == FormatProfile.ICEBERG) {
      return;
    }
    if (profile.family() != FileFamily.PARQUET && profile.family() != FileFamily.ORC) {
      return;
    }
    String expected = access.name().toLowerCase(Locale.ROOT);
    String actual = profile.profile() == FormatProfile.BY_NAME ? "name" : "index";
    if (!expected.equals(actual)) {
      add(
          RuleId.COLUMN_ACCESS_CHANGED,
          RuleId.COLUMN_ACCESS_CHANGED,
          "@format.column_access",
          expected,
          actual,
          "The table now resolves "
              + profile.family().jsonName()
              + " columns by "
              + actual
              + ", not by "
              + expected
              + ": files written for one mode are read wrongly in the"
              + " other.");
    }
  }

  private void addSerdeChange(String option, String expected, String actual, boolean structural) {
    if (profile.profile() == FormatProfile.ICEBERG) {
      return;
    }
    Severity severity =
        profile.profile().judgedAs() == FormatProfile.POSITIONAL && structural
            ? Severity.BREAKING
            : Severity.RISKY;
    changes.add(
        Change.of(
            RuleId.SERDE_PARAMETER_CHANGED,
            severity,
            "@serde." + option,
            expected,
            actual,
            "SerDe option "
                + option
                + " is "
                + (actual == null ? "not set" : "'" + actual + "'")
                + " in Glue, not '"
                + expected
                + "' as the contract states: "
                + (severity == Severity.BREAKING
                    ? "existing files split into the wrong columns."
                    : "some rows may be read differently.")));
  }

  // ------------------------------------------------------------------------------ helpers

  private Severity severity(RuleId rule) {
    Severity severity = rule.baseSeverity(profile.profile()).orElse(null);
    if (severity == null) {
      throw new IllegalStateException(rule + " does not apply to " + profile.profile());
    }
    return severity;
  }

  private void add(
      RuleId rule, RuleId severityOf, String path, String expected, String actual, String reason) {
    String fullReason =
        profile.profile() == FormatProfile.UNKNOWN
            ? reason
                + " (SerDe "
                + (table.serdeLibrary() == null ? "missing" : "'" + table.serdeLibrary() + "'")
                + " not recognised: judged as read by position.)"
            : reason;
    changes.add(Change.of(rule, severity(severityOf), path, expected, actual, fullReason));
  }

  /**
   * Pairs the items of two lists: same name first, then same name ignoring case, then the rename
   * signals; remembers what is left on each side. Items are addressed by their index, so every step
   * is linear in the number of columns.
   */
  private static final class Matching {
    /** How far past the previous match the aligned pass looks for a name before hashing. */
    private static final int LOOKAHEAD = 8;

    private final Items expected;
    private final Items actual;
    private final int[] partner;
    private String[] evidence;
    private final boolean[] actualPaired;
    private final boolean[] expectedDropped;
    private final boolean[] actualDropped;
    private int paired;
    private int expectedDroppedCount;
    private int actualDroppedCount;
    private int maxPairedActual = -1;
    private List<Item> unmatchedExpected;
    private List<Item> unmatchedActual;

    private Matching(Items expected, Items actual) {
      this.expected = expected;
      this.actual = actual;
      this.partner = new int[expected.size()];
      java.util.Arrays.fill(partner, -1);
      this.actualPaired = new boolean[actual.size()];
      this.expectedDropped = new boolean[expected.size()];
      this.actualDropped = new boolean[actual.size()];
    }

    /**
     * Pairs by exact name, then by name ignoring case.
     *
     * @param uniqueActualNames true when no two actual items share a name (top-level columns and
     *     partition keys, once duplicates ignoring case are rejected); it allows the aligned pass
     */
    static Matching byName(Items expected, Items actual, boolean uniqueActualNames) {
      Matching matching = new Matching(expected, actual);
      // Most columns stand where the contract puts them. While the names agree position by
      // position, the first free item of that name is the one at the same position (every
      // earlier one is taken), so the common prefix pairs without hashing.
      int prefix = 0;
      int common = Math.min(expected.size(), actual.size());
      while (prefix < common && expected.names[prefix].equals(actual.names[prefix])) {
        matching.pair(prefix, prefix, null);
        prefix++;
      }
      if (prefix == expected.size()) {
        return matching;
      }
      if (uniqueActualNames) {
        matching.pairAligned(prefix);
      } else {
        matching.pairHashed(prefix);
      }
      if (matching.paired == expected.size() || matching.paired == actual.size()) {
        return matching;
      }
      // Items paired above can never be chosen again: fold only the names of those left over.
      Map<String, List<Item>> folded = new HashMap<>();
      for (int index = 0; index < actual.size(); index++) {
        if (!matching.actualPaired[index]) {
          Item item = actual.get(index);
          String key = item.name().toLowerCase(Locale.ROOT);
          List<Item> same = folded.get(key);
          if (same == null) {
            same = new ArrayList<>(1);
            folded.put(key, same);
          }
          same.add(item);
        }
      }
      for (int index = 0; index < expected.size(); index++) {
        if (matching.partner[index] < 0) {
          Item item = expected.get(index);
          Item match = matching.firstFree(folded.get(item.name().toLowerCase(Locale.ROOT)));
          if (match != null) {
            matching.pair(item, match, null);
          }
        }
      }
      return matching;
    }

    /**
     * Exact names when every actual name is unique: an expected item's match is the one actual item
     * of its name, if that is still free. It is looked for just after the previous match (columns
     * mostly keep their order); a name not found there is resolved by hashing afterwards, in
     * contract order, and so is every later item of the same name, so that the first item of a name
     * still gets the first claim.
     */
    private void pairAligned(int from) {
      int next = from;
      List<Item> deferred = null;
      java.util.Set<String> deferredNames = null;
      for (int index = from; index < expected.size(); index++) {
        String name = expected.names[index];
        int found = -1;
        if (deferredNames == null || !deferredNames.contains(name)) {
          int limit = Math.min(actual.size(), next + LOOKAHEAD);
          for (int at = next; at < limit; at++) {
            if (actual.names[at].equals(name)) {
              found = at;
              break;
            }
          }
        }
        if (found >= 0) {
          if (!actualPaired[found]) {
            pair(index, found, null);
          }
          next = found + 1;
        } else {
          if (deferred == null) {
            deferred = new ArrayList<>();
            deferredNames = new java.util.HashSet<>();
          }
          deferred.add(expected.get(index));
          deferredNames.add(name);
        }
      }
      if (deferred == null) {
        return;
      }
      Map<String, Item> free = new HashMap<>();
      for (int index = 0; index < actual.size(); index++) {
        if (!actualPaired[index]) {
          free.put(actual.get(index).name(), actual.get(index));
        }
      }
      for (Item item : deferred) {
        Item match = freeOrNull(free.get(item.name()));
        if (match != null) {
          pair(item, match, null);
        }
      }
    }

    /** Exact names when actual names may repeat: the first free item of the name. */
    private void pairHashed(int prefix) {
      // One item per name; the rare names held by several items keep them all, in order.
      Map<String, Item> firstByName = new HashMap<>((actual.size() - prefix) * 2);
      Map<String, List<Item>> shared = null;
      for (Item item : actual.subList(prefix, actual.size())) {
        Item first = firstByName.putIfAbsent(item.name(), item);
        if (first != null) {
          if (shared == null) {
            shared = new HashMap<>();
          }
          List<Item> same = shared.get(item.name());
          if (same == null) {
            same = new ArrayList<>(List.of(first));
            shared.put(item.name(), same);
          }
          same.add(item);
        }
      }
      for (Item item : expected.subList(prefix, expected.size())) {
        List<Item> several = shared == null ? null : shared.get(item.name());
        Item match =
            several != null ? firstFree(several) : freeOrNull(firstByName.get(item.name()));
        if (match != null) {
          pair(item, match, null);
        }
      }
    }

    private Item freeOrNull(Item candidate) {
      return candidate == null
              || actualPaired[candidate.index()]
              || actualDropped[candidate.index()]
          ? null
          : candidate;
    }

    private Item firstFree(List<Item> candidates) {
      if (candidates == null) {
        return null;
      }
      for (Item candidate : candidates) {
        if (!actualPaired[candidate.index()] && !actualDropped[candidate.index()]) {
          return candidate;
        }
      }
      return null;
    }

    void pair(Item expectedItem, Item actualItem, String why) {
      pair(expectedItem.index(), actualItem.index(), why);
    }

    private void pair(int expectedIndex, int actualIndex, String why) {
      partner[expectedIndex] = actualIndex;
      if (why != null) {
        if (evidence == null) {
          evidence = new String[partner.length];
        }
        evidence[expectedIndex] = why;
      }
      actualPaired[actualIndex] = true;
      paired++;
      unmatchedExpected = null;
      unmatchedActual = null;
      maxPairedActual = Math.max(maxPairedActual, actualIndex);
    }

    /** The actual item paired with the expected item at {@code index}, or null. */
    Item partnerOf(int index) {
      int at = partner[index];
      return at < 0 ? null : actual.get(at);
    }

    /** Why the expected item at {@code index} was paired under another name, or null. */
    String evidenceOf(int index) {
      return evidence == null ? null : evidence[index];
    }

    /** The expected items not paired or dropped, in order (kept until the next change). */
    List<Item> unmatchedExpected() {
      if (unmatchedExpected == null) {
        if (paired + expectedDroppedCount == expected.size()) {
          unmatchedExpected = List.of();
        } else {
          List<Item> unmatched = new ArrayList<>();
          for (int index = 0; index < partner.length; index++) {
            if (partner[index] < 0 && !expectedDropped[index]) {
              unmatched.add(expected.get(index));
            }
          }
          unmatchedExpected = java.util.Collections.unmodifiableList(unmatched);
        }
      }
      return unmatchedExpected;
    }

    /** The actual items not paired or taken, in order (kept until the next change). */
    List<Item> unmatchedActual() {
      if (unmatchedActual == null) {
        if (paired + actualDroppedCount == actual.size()) {
          unmatchedActual = List.of();
        } else {
          List<Item> unmatched = new ArrayList<>();
          for (int index = 0; index < actualPaired.length; index++) {
            if (!actualPaired[index] && !actualDropped[index]) {
              unmatched.add(actual.get(index));
            }
          }
          unmatchedActual = java.util.Collections.unmodifiableList(unmatched);
        }
      }
      return unmatchedActual;
    }

    void dropExpected(Item item) {
      if (!expectedDropped[item.index()]) {
        expectedDropped[item.index()] = true;
        expectedDroppedCount++;
        unmatchedExpected = null;
      }
    }

    Item takeUnmatchedActual(String name) {
      for (int index = 0; index < actualPaired.length; index++) {
        Item item;
        if (!actualPaired[index]
            && !actualDropped[index]
            && (item = actual.get(index)).name().equalsIgnoreCase(name)) {
          actualDropped[item.index()] = true;
          actualDroppedCount++;
          unmatchedActual = null;
          return item;
        }
      }
      return null;
    }

    void pairByPreviousNames() {
      for (Item item : unmatchedExpected()) {
        if (item.promised() == null || item.promised().previousNames().isEmpty()) {
          continue;
        }
        for (Item candidate : unmatchedActual()) {
          boolean named = false;
          for (String previous : item.promised().previousNames()) {
            if (previous.equalsIgnoreCase(candidate.name())) {
              named = true;
              break;
            }
          }
          if (named) {
            pair(item, candidate, "previous_names");
            break;
          }
        }
      }
    }

    /** The heuristic: exactly one removed and one added, same position, same type. */
    void pairByPositionAndType() {
      List<Item> removed = unmatchedExpected();
      if (removed.size() != 1) {
        return;
      }
      List<Item> added = unmatchedActual();
      if (added.size() == 1) {
        Item from = removed.getFirst();
        Item to = added.getFirst();
        if (from.index() == to.index() && from.type().equals(to.type())) {
          pair(from, to, "position_and_type");
        }
      }
    }

    boolean hasPairAfter(int actualIndex) {
      return maxPairedActual > actualIndex;
    }

    boolean isReordered() {
      int last = -1;
      for (int at : partner) {
        if (at >= 0) {
          if (at < last) {
            return true;
          }
          last = at;
        }
      }
      return false;
    }

    String expectedOrder() {
      StringBuilder order = new StringBuilder();
      String separator = "";
      for (int index = 0; index < partner.length; index++) {
        if (partner[index] >= 0) {
          order.append(separator).append(expected.get(index).name());
          separator = ",";
        }
      }
      return order.toString();
    }

    String actualOrder() {
      StringBuilder order = new StringBuilder();
      String separator = "";
      for (int index = 0; index < actualPaired.length; index++) {
        if (actualPaired[index]) {
          order.append(separator).append(actual.get(index).name());
          separator = ",";
        }
      }
      return order.toString();
    }
  }
}
