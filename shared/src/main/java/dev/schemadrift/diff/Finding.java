package dev.schemadrift.diff;

import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.util.Comparator;
import java.util.Objects;

/** A change after policy: what the artifact and the reports show. */
public record Finding(
    RuleId rule,
    Severity severity,
    Severity defaultSeverity,
    String path,
    String expected,
    String actual,
    String reason,
    RenameEvidence evidence,
    String fingerprint,
    AppliedWaiver waiver) {

  /** Artifact order: path, rule, expected, actual (nulls first). */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparing(finding -> finding.rule().name())
          .thenComparing(Finding::expected, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::actual, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Whether the finding counts toward the table's status (no live waiver covers it). */
  public boolean counts() {
    return waiver == null || waiver.state() == AppliedWaiver.State.EXPIRED;
  }
}
