package dev.schemadrift.diff;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.time.LocalDate;

/**
 * Every reason sentence, in one place: why a difference matters for this table's format. A reason
 * explains the default verdict, so it may read the default severity; it never decides one.
 */
final class Reasons {
  private final TableProfile profile;
  private final String serdeLibrary;

  Reasons(TableProfile profile, String serdeLibrary) {
    this.profile = profile;
    this.serdeLibrary = serdeLibrary;
  }

  static String tableMissing(String qualifiedName, String whyNotCreated) {
    return "Table "
        + qualifiedName
        + " does not exist in Glue ("
        + whyNotCreated
        + "): every query against it fails.";
  }

  static String waiverExpired(Change change, Policy.Waiver waiver) {
    return "The waiver for "
        + change.rule()
        + " at '"
        + change.path()
        + "' (owner "
        + waiver.owner()
        + ") expired on "
        + waiver.expires()
        + ": the finding counts again until the waiver is renewed or the drift fixed.";
  }

  String explain(Difference difference, Severity severity, LocalDate today) {
    String reason = sentence(difference, severity, today);
    if (profile.profile() == FormatProfile.UNKNOWN && mentionsAssumedProfile(difference.rule())) {
      return reason
          + " (SerDe "
          + (serdeLibrary == null ? "missing" : "'" + serdeLibrary + "'")
          + " not recognised: judged as read by position.)";
    }
    return reason;
  }

  private String sentence(Difference difference, Severity severity, LocalDate today) {
    String path = difference.path();
    String expected = difference.expected();
    String actual = difference.actual();
    return switch (difference.rule()) {
      case TABLE_MISSING, WAIVER_EXPIRED ->
          throw new IllegalArgumentException(difference.rule() + " has a reason of its own");
      case COLUMN_REMOVED -> columnRemoved(difference, today);
      case COLUMN_ADDED ->
          "Column '"
              + path
              + "' is not in the contract; it comes after every contract column, so existing"
              + " queries are unaffected.";
      case COLUMN_INSERTED ->
          "Column '"
              + path
              + "' is not in the contract and stands before contract columns: "
              + positionalConsequence("every later column shifts");
      case COLUMNS_REORDERED ->
          "The shared columns are in another order: "
              + positionalConsequence("values land in the wrong columns");
      case COLUMN_RENAMED ->
          "Column '"
              + expected
              + "' is now named '"
              + actual
              + "' ("
              + difference.evidence().reasonWording("column")
              + "): queries that use the contract name fail.";
      case COLUMN_NAME_CASE_CHANGED ->
          difference.subject() == Difference.Subject.STRUCT_FIELD
              ? "Struct field '"
                  + path
                  + "' is spelled '"
                  + actual
                  + "' in Glue; struct field names keep their case, so case-sensitive readers"
                  + " may miss it."
              : "Column '"
                  + expected
                  + "' is spelled '"
                  + actual
                  + "' in Glue, which normally folds names to lower case: case-sensitive readers"
                  + " may miss it.";
      case COLUMN_TYPE_WIDENED, COLUMN_DECIMAL_PRECISION_INCREASED ->
          severity == Severity.BREAKING
              // Inside a map key too: the key's type is part of the column's type.
              ? changed(
                  difference,
                  ": "
                      + profile.files()
                      + " keep the old type and Athena accepts a changed type only through"
                      + " partition schemas; this table is not partitioned.")
              : typeChanged(
                  difference,
                  ": readers of "
                      + profile.files()
                      + " accept the wider type, but consumers coded against "
                      + expected
                      + " may overflow.");
      case COLUMN_LENGTH_INCREASED -> typeChanged(difference, ": every old value still fits.");
      case COLUMN_LENGTH_DECREASED ->
          typeChanged(
              difference,
              ": values longer than the new length are truncated when read, so queries get"
                  + " other values than were written (and char pads shorter ones).");
      case COLUMN_TYPE_NARROWED ->
          typeChanged(difference, ": existing values may not fit the narrower type.");
      case COLUMN_TYPE_CHANGED ->
          typeChanged(
              difference, ": a different kind of type; existing data and queries no longer agree.");
      case NESTED_FIELD_ADDED ->
          "Struct field '"
              + path
              + "' is not in the contract and comes last: files written without it read it as"
              + " NULL, and every contract field still reads correctly.";
      case NESTED_FIELD_INSERTED ->
          "Struct field '"
              + path
              + "' is not in the contract and stands before contract fields: "
              + structFieldConsequence("later fields shift");
      case NESTED_FIELDS_REORDERED ->
          "The fields of struct '"
              + path
              + "' are in another order: "
              + structFieldConsequence("values land in the wrong fields");
      case NESTED_FIELD_REMOVED ->
          "Struct field '" + path + "' is missing from Glue: queries that read it fail.";
      case NESTED_FIELD_RENAMED ->
          "Struct field '"
              + path
              + "' is now named '"
              + actual
              + "' ("
              + difference.evidence().reasonWording("field")
              + "): queries that use the contract name fail.";
      case PARTITION_KEY_ADDED ->
          "Partition key '" + path + "' is not in the contract: " + partitionConsequence();
      case PARTITION_KEY_REMOVED ->
          "Partition key '" + path + "' is gone: " + partitionConsequence();
      case PARTITION_KEY_RENAMED ->
          "Partition key '"
              + expected
              + "' is now named '"
              + actual
              + "' ("
              + difference.evidence().reasonWording("column")
              + "): "
              + partitionConsequence();
      case PARTITION_KEYS_REORDERED ->
          "The partition keys are in another order: " + partitionConsequence();
      case PARTITION_KEY_TYPE_CHANGED ->
          "Partition key '"
              + path
              + "' changed type from "
              + expected
              + " to "
              + actual
              + (severity == Severity.RISKY
                  ? ": existing partition values still read, but consumers coded against the old"
                      + " type may overflow."
                  : ": existing partition values may no longer parse, and filters on the key"
                      + " change meaning.");
      case COLUMN_MOVED_TO_PARTITION ->
          "Column '"
              + path
              + "' became a partition key: its values now come from the file paths and the column"
              + " list shifts.";
      case PARTITION_MOVED_TO_COLUMN ->
          "Partition key '"
              + path
              + "' became a data column: partition pruning on it stops working and the column"
              + " list shifts.";
      case COLUMN_BECAME_OPTIONAL ->
          "Column '"
              + path
              + "' is promised required but Iceberg now allows nulls: consumers that assume a"
              + " value may fail.";
      case COLUMN_BECAME_REQUIRED ->
          "Column '"
              + path
              + "' is promised optional and Iceberg now requires it: readers are unaffected.";
      case COLUMN_COMMENT_CHANGED ->
          "The Glue comment of '" + path + "' differs from the contract's description.";
      case STORAGE_FORMAT_CHANGED ->
          "The table is now "
              + profile.describe()
              + " but the contract promises "
              + expected
              + ": existing files cannot be read with the new definition.";
      case COLUMN_ACCESS_CHANGED ->
          "The table now resolves "
              + profile.family().jsonName()
              + " columns by "
              + actual
              + ", not by "
              + expected
              + ": files written for one mode are read wrongly in the other.";
      case SERDE_PARAMETER_CHANGED ->
          "SerDe option "
              + path.substring(SerdeOptions.PATH_PREFIX.length())
              + " is "
              + (actual == null ? "not set" : "'" + actual + "'")
              + " in Glue, not '"
              + expected
              + "' as the contract states: "
              + (severity == Severity.BREAKING
                  ? "existing files split into the wrong columns."
                  : "some rows may be read differently.");
      case PARTITION_SCHEMA_MISMATCH -> partitionSchemaMismatch(difference);
      case PARTITION_FORMAT_MISMATCH ->
          "Partition "
              + PartitionComparison.partitionOf(path)
              + " is stored as "
              + actual
              + " but the table as "
              + expected
              + ": Athena requires a table and its partitions to share a data format, so queries"
              + " that read this partition fail or misread its files.";
      case TABLE_LOCATION_CHANGED ->
          "The table now reads files from "
              + (actual == null ? "no location" : actual)
              + ", not from the contract's data_location: consumers may see other data.";
      case TABLE_TYPE_CHANGED ->
          severity == Severity.BREAKING
              ? "The Glue table type is "
                  + actual
                  + ", not "
                  + expected
                  + (GlueTable.VIRTUAL_VIEW.equals(actual)
                      ? ": the table became a view, which has no files: writers and engines that"
                          + " read its data location, INSERT or MSCK REPAIR fail."
                      : ": the view became a table, which no longer runs the view's query:"
                          + " its columns come from files now.")
              : "The Glue table type is "
                  + actual
                  + ", not "
                  + expected
                  + ": engines may treat the table differently (writes, time travel, views).";
    };
  }

  /**
   * Whether a reason on an unrecognised SerDe says that position was assumed. The rules whose
   * reasons already follow from the type or the name alone (renames, removals, type changes, SerDe
   * options) do not repeat it.
   */
  private static boolean mentionsAssumedProfile(RuleId rule) {
    return switch (rule) {
      case COLUMN_ADDED,
          COLUMN_INSERTED,
          COLUMNS_REORDERED,
          COLUMN_NAME_CASE_CHANGED,
          NESTED_FIELD_ADDED,
          NESTED_FIELD_INSERTED,
          NESTED_FIELDS_REORDERED,
          NESTED_FIELD_REMOVED,
          PARTITION_KEY_ADDED,
          PARTITION_KEY_REMOVED,
          PARTITION_KEYS_REORDERED,
          COLUMN_MOVED_TO_PARTITION,
          PARTITION_MOVED_TO_COLUMN,
          COLUMN_BECAME_OPTIONAL,
          COLUMN_BECAME_REQUIRED,
          COLUMN_COMMENT_CHANGED,
          STORAGE_FORMAT_CHANGED,
          COLUMN_ACCESS_CHANGED,
          TABLE_LOCATION_CHANGED,
          TABLE_TYPE_CHANGED ->
          true;
      case TABLE_MISSING,
          COLUMN_REMOVED,
          COLUMN_RENAMED,
          COLUMN_TYPE_WIDENED,
          COLUMN_DECIMAL_PRECISION_INCREASED,
          COLUMN_LENGTH_INCREASED,
          COLUMN_LENGTH_DECREASED,
          COLUMN_TYPE_NARROWED,
          COLUMN_TYPE_CHANGED,
          NESTED_FIELD_RENAMED,
          PARTITION_KEY_RENAMED,
          PARTITION_KEY_TYPE_CHANGED,
          PARTITION_SCHEMA_MISMATCH,
          PARTITION_FORMAT_MISMATCH,
          SERDE_PARAMETER_CHANGED,
          WAIVER_EXPIRED ->
          false;
    };
  }

  /** What Athena does with a sampled partition's column that differs from the table's. */
  private String partitionSchemaMismatch(Difference difference) {
    String partition = "partition " + PartitionComparison.partitionOf(difference.path());
    String column = PartitionComparison.columnOf(difference.path());
    String matched =
        PartitionComparison.matchesByName(profile)
            ? "Athena matches the partition's columns to the table's by name"
            : "Athena matches the partition's columns to the table's by position";
    String expected = difference.expected();
    String actual = difference.actual();
    return switch (difference.context().partitionRead()) {
      case NONE -> throw new IllegalArgumentException("a partition finding without a read");
      case REJECTED ->
          expected == null
              ? "The "
                  + partition
                  + " still has column '"
                  + column
                  + "' after the table's last column, and CSV/TSV tables do not allow removing"
                  + " columns: Athena fails every query that reads it with"
                  + " HIVE_PARTITION_SCHEMA_MISMATCH."
              : "The "
                  + partition
                  + " declares '"
                  + column
                  + "' as "
                  + actual
                  + " and the table as "
                  + expected
                  + (isNested(expected, actual)
                      ? ", and Athena does not convert nested types"
                      : ", a type Athena cannot read as the table's")
                  + ": every query that reads the partition fails with"
                  + " HIVE_PARTITION_SCHEMA_MISMATCH.";
      case SHIFTED ->
          matched
              + ": the "
              + partition
              + " has '"
              + actual
              + "' where the table has '"
              + expected
              + "', so Athena silently reads the values of '"
              + actual
              + "' as '"
              + expected
              + "'.";
      case RENAMED ->
          matched
              + ": the "
              + partition
              + " names the column '"
              + actual
              + "' where the table has '"
              + expected
              + "', and its values still read as '"
              + expected
              + "'.";
      case COERCED ->
          "The "
              + partition
              + " declares '"
              + column
              + "' as "
              + actual
              + " and the table as "
              + expected
              + (difference.context().widening()
                  ? ": Athena converts the partition's values to the wider type without loss."
                  : ": Athena converts the partition's values, and those that do not fit read as"
                      + " null or truncated.");
    };
  }

  private static boolean isNested(String expected, String actual) {
    return expected.contains("<") || actual.contains("<");
  }

  private static String columnRemoved(Difference difference, LocalDate today) {
    String name = difference.path();
    if (difference.pastSunset(today)) {
      return "Deprecated column '"
          + name
          + "' was removed after its sunset date "
          + difference.sunset()
          + ", as announced.";
    }
    String reason =
        "Column '"
            + name
            + "' is promised by the contract but missing from Glue: queries that select it fail.";
    if (difference.deprecated()) {
      reason +=
          " It is deprecated, but "
              + (difference.sunset() == null
                  ? "has no sunset date."
                  : "its sunset date " + difference.sunset() + " has not passed.");
    }
    return reason;
  }

  /** A scalar type change; inside a map key the key's own sentence replaces the consequence. */
  private static String typeChanged(Difference difference, String consequence) {
    if (difference.context().inMapKey()) {
      return "The map key type at '"
          + difference.path()
          + "' changed from "
          + difference.expected()
          + " to "
          + difference.actual()
          + (difference.context().widening()
              ? ": existing keys still read, but lookups coded against the old key type may miss."
              : ": existing keys may not read and lookups change meaning.");
    }
    return changed(difference, consequence);
  }

  /** A type change at any path, with its consequence. */
  private static String changed(Difference difference, String consequence) {
    return "'"
        + difference.path()
        + "' changed from "
        + difference.expected()
        + " to "
        + difference.actual()
        + consequence;
  }

  private String positionalConsequence(String whatHappens) {
    return switch (profile.profile()) {
      case POSITIONAL, UNKNOWN -> profile.howRead() + ", so " + whatHappens + ".";
      case BY_NAME, ICEBERG -> profile.howRead() + ", so the other columns still read correctly.";
    };
  }

  /**
   * Struct fields of Parquet and ORC files are matched by name whatever the column access, so the
   * table's profile decides only for the other formats.
   */
  private String structFieldConsequence(String whatHappens) {
    return switch (profile.family()) {
      case PARQUET, ORC ->
          profile.profile() == FormatProfile.BY_NAME
              ? positionalConsequence(whatHappens)
              : profile.family().displayName()
                  + " matches struct fields by name, even when columns are read by index, so the"
                  + " other fields still read correctly.";
      case TEXT, AVRO, JSON, ION, ICEBERG, VIEW, UNKNOWN -> positionalConsequence(whatHappens);
    };
  }

  private String partitionConsequence() {
    return profile.profile() == FormatProfile.ICEBERG
        ? "Iceberg evolves its partition spec without rewriting files, but queries and writers that"
            + " rely on the old layout need review."
        : "the partition layout no longer matches the paths of existing data, and queries that"
            + " filter on partitions break.";
  }
}
