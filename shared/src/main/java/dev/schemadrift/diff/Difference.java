package dev.schemadrift.diff;

import dev.schemadrift.rule.RuleContext;
import dev.schemadrift.rule.RuleId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One neutral fact found by the comparison: which rule it falls under, where, what the contract
 * promised and what Glue has, and the context its severity depends on. No verdict and no words:
 * {@link Judgement} adds the default severity and the reason, {@link PolicyEvaluation} the team's
 * policy.
 *
 * @param subject what the path names (a reason says "column" or "struct field")
 * @param evidence why a removed and an added item were judged one rename; null otherwise
 * @param deprecated the removed contract column was marked deprecated
 * @param sunset the deprecated column's announced removal date, or null
 */
public record Difference(
    RuleId rule,
    Subject subject,
    String path,
    String expected,
    String actual,
    RuleContext context,
    RenameEvidence evidence,
    boolean deprecated,
    LocalDate sunset) {

  /** What a difference is about. */
  public enum Subject {
    TABLE,
    COLUMN,
    PARTITION_KEY,
    STRUCT_FIELD,
    /** A sampled partition of the table, or one of its columns. */
    PARTITION
  }

  public Difference {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(context, "context");
  }

  static Difference of(
      RuleId rule,
      Subject subject,
      String path,
      String expected,
      String actual,
      RuleContext context) {
    return new Difference(rule, subject, path, expected, actual, context, null, false, null);
  }

  /** A deprecated column removed after its announced sunset date, as {@code today} sees it. */
  public boolean pastSunset(LocalDate today) {
    return deprecated && sunset != null && today.isAfter(sunset);
  }
}
