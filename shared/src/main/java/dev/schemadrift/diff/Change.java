package dev.schemadrift.diff;

import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.util.Objects;

/**
 * One difference with its default verdict, before the team's policy is applied.
 *
 * @param defaultSeverity the verdict of the rule for this table's profile and context
 * @param evidence why a removed and an added column were judged one rename; null otherwise
 * @param widening true when the change is a widening, so that {@code widening: safe} applies
 * @param pastSunset true for the removal of a deprecated column whose sunset date has passed
 */
public record Change(
    RuleId rule,
    Severity defaultSeverity,
    String path,
    String expected,
    String actual,
    String reason,
    String evidence,
    boolean widening,
    boolean pastSunset) {

  public Change {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  static Change of(
      RuleId rule, Severity severity, String path, String expected, String actual, String reason) {
    return new Change(rule, severity, path, expected, actual, reason, null, false, false);
  }
}
