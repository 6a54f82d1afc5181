package dev.schemadrift.rule;

import static dev.schemadrift.catalog.FileFamily.ORC;
import static dev.schemadrift.catalog.FileFamily.PARQUET;
import static dev.schemadrift.catalog.FileFamily.UNKNOWN;
import static dev.schemadrift.catalog.FileFamily.VIEW;
import static dev.schemadrift.catalog.FormatProfile.ICEBERG;
import static dev.schemadrift.catalog.FormatProfile.POSITIONAL;
import static dev.schemadrift.rule.Severity.BREAKING;
import static dev.schemadrift.rule.Severity.RISKY;
import static dev.schemadrift.rule.Severity.SAFE;
import static dev.schemadrift.rule.SeverityModel.Condition.acceptedWidening;
import static dev.schemadrift.rule.SeverityModel.Condition.families;
import static dev.schemadrift.rule.SeverityModel.Condition.insideMapKey;
import static dev.schemadrift.rule.SeverityModel.Condition.partitionRead;
import static dev.schemadrift.rule.SeverityModel.Condition.profiles;

import dev.schemadrift.catalog.FormatProfile;

/**
 * The catalogue of drift rules: each id is permanent (never renamed; deprecate and replace), with
 * its one-line summary and its {@link SeverityModel}, the only place a default severity is decided.
 * docs/RULES.md's rule table is generated from this enum ({@link RuleCatalogue}); the data cases
 * under {@code rules/} and the severity matrix pin the verdicts down.
 */
public enum RuleId {
  TABLE_MISSING("table (or database) absent and not created", SeverityModel.always(BREAKING)),
  COLUMN_REMOVED("contract column absent from catalog", SeverityModel.always(BREAKING)),
  COLUMN_ADDED("extra column after the last contract column", SeverityModel.always(SAFE)),
  COLUMN_INSERTED("extra column before a contract column", byPosition(BREAKING, SAFE)),
  COLUMNS_REORDERED("same columns, other order", byPosition(BREAKING, SAFE)),
  COLUMN_RENAMED(
      "one removed + one added column judged the same column", SeverityModel.always(BREAKING)),
  COLUMN_NAME_CASE_CHANGED(
      "names differ only in case, and Glue's lower-case folding does not explain it",
      SeverityModel.always(SAFE)),
  COLUMN_TYPE_WIDENED("tinyint→smallint→int→bigint, float→double", readerWidening()),
  COLUMN_DECIMAL_PRECISION_INCREASED("decimal(p,s)→decimal(p'>p,s)", readerWidening()),
  COLUMN_LENGTH_INCREASED(
      "varchar(n)→varchar(m>n), char(n)→varchar(m≥n), char/varchar→string",
      SeverityModel.when(insideMapKey(), RISKY).otherwise(SAFE)),
  COLUMN_LENGTH_DECREASED(
      "the reverse of COLUMN_LENGTH_INCREASED",
      // Measured against Trino (docs/ORACLE.md): longer values read truncated, wrong answers
      // rather than NULLs, in every format; the reason COLUMN_TYPE_NARROWED is BREAKING too.
      SeverityModel.always(BREAKING)),
  COLUMN_TYPE_NARROWED(
      "any reverse of a widening or precision increase", SeverityModel.always(BREAKING)),
  COLUMN_TYPE_CHANGED(
      "other family change (string↔numeric, int→double, decimal scale, date↔timestamp,"
          + " primitive↔complex)",
      SeverityModel.always(BREAKING)),
  NESTED_FIELD_ADDED(
      "extra struct field after the last expected one",
      // Measured against Trino (docs/ORACLE.md): a struct written without its last field reads
      // that field NULL and the others in place in every format, text ones included, as a row
      // without its last column does (COLUMN_ADDED).
      SeverityModel.always(SAFE)),
  NESTED_FIELD_INSERTED("extra struct field before an expected one", structFields(BREAKING)),
  NESTED_FIELDS_REORDERED("struct fields in another order", structFields(BREAKING)),
  NESTED_FIELD_REMOVED("expected struct field absent", SeverityModel.always(BREAKING)),
  NESTED_FIELD_RENAMED("as COLUMN_RENAMED, inside a struct", SeverityModel.always(BREAKING)),
  PARTITION_KEY_ADDED("a partition key the contract does not have", partitionLayout()),
  PARTITION_KEY_REMOVED("a contract partition key absent from catalog", partitionLayout()),
  PARTITION_KEY_RENAMED(
      "one removed + one added partition key judged the same key", partitionLayout()),
  PARTITION_KEYS_REORDERED("same partition keys, other order", partitionLayout()),
  PARTITION_KEY_TYPE_CHANGED(
      "partition key type differs",
      SeverityModel.when(acceptedWidening(), RISKY).otherwise(BREAKING)),
  COLUMN_MOVED_TO_PARTITION("a data column became a partition key", SeverityModel.always(BREAKING)),
  PARTITION_MOVED_TO_COLUMN("a partition key became a data column", SeverityModel.always(BREAKING)),
  PARTITION_SCHEMA_MISMATCH(
      "a sampled partition's column differs from the table's (Athena's partition schema check)",
      SeverityModel.notApplicableTo(ICEBERG)
          .notApplicableWhen(families(VIEW))
          .notApplicableWhen(partitionRead(PartitionRead.NONE))
          .when(partitionRead(PartitionRead.REJECTED, PartitionRead.SHIFTED), BREAKING)
          .when(partitionRead(PartitionRead.COERCED).notWidening(), RISKY)
          .otherwise(SAFE)),
  PARTITION_FORMAT_MISMATCH(
      "a sampled partition's SerDe or input format is another data format than the table's",
      SeverityModel.notApplicableTo(ICEBERG).notApplicableWhen(families(VIEW)).otherwise(BREAKING)),
  COLUMN_BECAME_OPTIONAL(
      "contract `required`, catalog optional (only Iceberg can say)", onlyIceberg(RISKY)),
  COLUMN_BECAME_REQUIRED("contract `required: false`, catalog required", onlyIceberg(SAFE)),
  COLUMN_COMMENT_CHANGED(
      "contract description ≠ Glue comment (only with policy `compare_comments: true`)",
      SeverityModel.always(SAFE)),
  STORAGE_FORMAT_CHANGED(
      "the SerDe / input format family is recognised and ≠ the contract's format",
      SeverityModel.always(BREAKING)),
  COLUMN_ACCESS_CHANGED(
      "`parquet/orc.column.index.access` ≠ the contract's",
      SeverityModel.notApplicableTo(ICEBERG).otherwise(BREAKING)),
  SERDE_PARAMETER_CHANGED(
      "a SerDe option the contract states in `format_options` differs",
      SeverityModel.notApplicableTo(ICEBERG)
          .when(profiles(POSITIONAL).structural(), BREAKING)
          .otherwise(RISKY)),
  TABLE_LOCATION_CHANGED("Glue `Location` ≠ contract `data_location`", SeverityModel.always(RISKY)),
  TABLE_TYPE_CHANGED(
      "e.g. EXTERNAL_TABLE → ICEBERG or MANAGED_TABLE; a table that became a view, or the reverse",
      // A view has no files and a table no defining query: writers, file readers and DDL that
      // relied on the one fail on the other. Any other type change keeps the files.
      SeverityModel.when(families(VIEW), BREAKING).otherwise(RISKY)),
  WAIVER_EXPIRED(
      "a waiver matched but its expiry date has passed (the finding is raised again too)",
      SeverityModel.always(RISKY));

  private final String summary;
  private final SeverityModel model;

  RuleId(String summary, SeverityModel model) {
    this.summary = summary;
    this.model = model;
  }

  public String summary() {
    return summary;
  }

  /** How the default severity is decided, case by case. */
  public SeverityModel model() {
    return model;
  }

  /**
   * The default severity of this rule in a context.
   *
   * @throws IllegalStateException when the rule does not apply there (a comparison bug)
   */
  public Severity defaultSeverity(RuleContext context) {
    Severity severity = model.severity(context);
    if (severity == null) {
      throw new IllegalStateException(this + " does not apply to " + context.profile());
    }
    return severity;
  }

  /** Readers that find columns by position feel an inserted or moved column; others do not. */
  private static SeverityModel byPosition(Severity positional, Severity otherwise) {
    return SeverityModel.when(profiles(POSITIONAL), positional).otherwise(otherwise);
  }

  /**
   * Struct fields: Parquet and ORC readers match them by name even when they read the columns by
   * index (measured against Trino, docs/ORACLE.md), so only the text SerDes (and an unrecognised
   * one) read them by position.
   */
  private static SeverityModel structFields(Severity positional) {
    return SeverityModel.when(families(PARQUET, ORC), SAFE)
        .when(profiles(POSITIONAL), positional)
        .otherwise(SAFE);
  }

  /**
   * A wider type: Athena reads Parquet and ORC files with the type they were written with and
   * accepts another only through partition schemas, so an unpartitioned table of those files
   * breaks; text, JSON, Ion, Avro and Iceberg readers convert. A map key's type is part of its
   * column's type, so a key follows the same rule as a value (docs/RULES.md, "Measured against
   * Trino").
   */
  private static SeverityModel readerWidening() {
    return SeverityModel.when(families(PARQUET, ORC, UNKNOWN).unpartitioned(), BREAKING)
        .otherwise(RISKY);
  }

  /** Hive-style partitions live in the paths of the data; Iceberg evolves its spec in place. */
  private static SeverityModel partitionLayout() {
    return SeverityModel.when(profiles(ICEBERG), RISKY).otherwise(BREAKING);
  }

  private static SeverityModel onlyIceberg(Severity severity) {
    return SeverityModel.notApplicableTo(FormatProfile.POSITIONAL, FormatProfile.BY_NAME)
        .otherwise(severity);
  }
}
