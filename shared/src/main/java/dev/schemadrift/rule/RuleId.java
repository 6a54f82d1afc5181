package dev.schemadrift.rule;

import dev.schemadrift.catalog.FormatProfile;
import java.util.Optional;

/**
 * The catalogue of drift rules: each id is permanent (never renamed; deprecate and replace), with
 * its one-line summary and its default severity per profile. Where the default depends on more than
 * the profile (file family, partitioning, a map key), {@link #contextual} says how, and the
 * classifier decides; the data cases under {@code rules/} pin those verdicts down.
 */
public enum RuleId {
  TABLE_MISSING("table (or database) absent and not created", "B", "B", "B"),
  COLUMN_REMOVED("contract column absent from catalog", "B", "B", "B"),
  COLUMN_ADDED("extra column after the last contract column", "S", "S", "S"),
  COLUMN_INSERTED("extra column before a contract column", "B", "S", "S"),
  COLUMNS_REORDERED("same columns, other order", "B", "S", "S"),
  COLUMN_RENAMED("one removed + one added column judged the same column", "B", "B", "B"),
  COLUMN_NAME_CASE_CHANGED(
      "names differ only in case, and Glue's lower-case folding does not explain it",
      "S",
      "S",
      "S"),
  COLUMN_TYPE_WIDENED(
      "tinyint→smallint→int→bigint, float→double",
      "R¹",
      "R¹",
      "R",
      "¹ RISKY for text, JSON, Ion and Avro files; Parquet and ORC: RISKY when partitioned, else"
          + " BREAKING (Athena reads a changed type only through partition schemas); inside a map"
          + " key always RISKY"),
  COLUMN_DECIMAL_PRECISION_INCREASED(
      "decimal(p,s)→decimal(p'>p,s)", "R¹", "R¹", "R", "¹ as COLUMN_TYPE_WIDENED"),
  COLUMN_LENGTH_INCREASED(
      "varchar(n)→varchar(m>n), char(n)→varchar(m≥n), char/varchar→string", "S", "S", "S"),
  COLUMN_LENGTH_DECREASED("the reverse of COLUMN_LENGTH_INCREASED", "R", "R", "R"),
  COLUMN_TYPE_NARROWED("any reverse of a widening or precision increase", "B", "B", "B"),
  COLUMN_TYPE_CHANGED(
      "other family change (string↔numeric, int→double, decimal scale, date↔timestamp,"
          + " primitive↔complex)",
      "B",
      "B",
      "B"),
  NESTED_FIELD_ADDED("extra struct field after the last expected one", "R", "S", "S"),
  NESTED_FIELD_INSERTED("extra struct field before an expected one", "B", "S", "S"),
  NESTED_FIELDS_REORDERED("struct fields in another order", "B", "S", "S"),
  NESTED_FIELD_REMOVED("expected struct field absent", "B", "B", "B"),
  NESTED_FIELD_RENAMED("as COLUMN_RENAMED, inside a struct", "B", "B", "B"),
  PARTITION_KEY_ADDED("a partition key the contract does not have", "B", "B", "R"),
  PARTITION_KEY_REMOVED("a contract partition key absent from catalog", "B", "B", "R"),
  PARTITION_KEY_RENAMED("one removed + one added partition key judged the same key", "B", "B", "R"),
  PARTITION_KEYS_REORDERED("same partition keys, other order", "B", "B", "R"),
  PARTITION_KEY_TYPE_CHANGED(
      "partition key type differs",
      "B²",
      "B²",
      "B³",
      "² RISKY when it would be a widening, decimal precision increase or length increase for a"
          + " column; ³ RISKY for a valid Iceberg promotion (int→bigint, float→double, decimal"
          + " precision increase)"),
  COLUMN_MOVED_TO_PARTITION("a data column became a partition key", "B", "B", "B"),
  PARTITION_MOVED_TO_COLUMN("a partition key became a data column", "B", "B", "B"),
  COLUMN_BECAME_OPTIONAL(
      "contract `required`, catalog optional (only Iceberg can say)", "–", "–", "R"),
  COLUMN_BECAME_REQUIRED("contract `required: false`, catalog required", "–", "–", "S"),
  COLUMN_COMMENT_CHANGED(
      "contract description ≠ Glue comment (only with policy `compare_comments: true`)",
      "S",
      "S",
      "S"),
  STORAGE_FORMAT_CHANGED(
      "the SerDe / input format family is recognised and ≠ the contract's format", "B", "B", "B"),
  COLUMN_ACCESS_CHANGED("`parquet/orc.column.index.access` ≠ the contract's", "B", "B", "–"),
  SERDE_PARAMETER_CHANGED(
      "a SerDe option the contract states in `format_options` differs",
      "B/R⁴",
      "R",
      "–",
      "⁴ BREAKING for delimiter, quote, escape, serde and input.regex; RISKY for header, JSON key"
          + " mapping and ignore_malformed"),
  TABLE_LOCATION_CHANGED("Glue `Location` ≠ contract `data_location`", "R", "R", "R"),
  TABLE_TYPE_CHANGED("e.g. EXTERNAL_TABLE → ICEBERG or → VIRTUAL_VIEW", "R", "R", "R"),
  WAIVER_EXPIRED(
      "a waiver matched but its expiry date has passed (the finding is raised again too)",
      "R",
      "R",
      "R");

  private final String summary;
  private final String positional;
  private final String byName;
  private final String iceberg;
  private final String contextual;

  RuleId(String summary, String positional, String byName, String iceberg) {
    this(summary, positional, byName, iceberg, null);
  }

  RuleId(String summary, String positional, String byName, String iceberg, String contextual) {
    this.summary = summary;
    this.positional = positional;
    this.byName = byName;
    this.iceberg = iceberg;
    this.contextual = contextual;
  }

  public String summary() {
    return summary;
  }

  /** The catalogue cell for a profile: a letter, a letter with a note mark, or "–". */
  public String cell(FormatProfile profile) {
    return switch (profile.judgedAs()) {
      case POSITIONAL, UNKNOWN -> positional;
      case BY_NAME -> byName;
      case ICEBERG -> iceberg;
    };
  }

  /** The note explaining a context-dependent default, if the rule has one. */
  public Optional<String> contextual() {
    return Optional.ofNullable(contextual);
  }

  /**
   * The default severity for a profile when it depends on nothing else; empty when the rule does
   * not apply to the profile ("–").
   */
  public Optional<Severity> baseSeverity(FormatProfile profile) {
    String cell = cell(profile);
    if (cell.startsWith("–")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (cell.charAt(0)) {
          case 'S' -> Severity.SAFE;
          case 'R' -> Severity.RISKY;
          case 'B' -> Severity.BREAKING;
          default -> throw new IllegalStateException("bad catalogue cell " + cell + " of " + this);
        });
  }
}
