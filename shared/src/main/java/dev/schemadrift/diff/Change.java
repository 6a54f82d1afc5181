package dev.schemadrift.diff;

import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.util.Objects;

/**
 * A difference with the rule's default verdict in its context and the reason that explains it,
 * before the team's policy is applied.
 */
public record Change(Difference difference, Severity defaultSeverity, String reason) {

  public Change {
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(reason, "reason");
  }

  public RuleId rule() {
    return difference.rule();
  }

  public String path() {
    return difference.path();
  }

  public String expected() {
    return difference.expected();
  }

  public String actual() {
    return difference.actual();
  }
}
