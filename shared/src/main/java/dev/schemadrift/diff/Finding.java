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
  public static final Comparator<Finding> ORDER = new Order();

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

  /**
   * {@link #ORDER}, written out rather than composed from lambdas: each lambda is bootstrapped on
   * first use, which is slow on the first diff in a fresh JVM.
   */
  private static final class Order implements Comparator<Finding> {
    @Override
    public int compare(Finding left, Finding right) {
      int order = left.path.compareTo(right.path);
      if (order == 0) {
        order = left.rule.name().compareTo(right.rule.name());
      }
      if (order == 0) {
        order = nullsFirst(left.expected, right.expected);
      }
      if (order == 0) {
        order = nullsFirst(left.actual, right.actual);
      }
      return order;
    }

    private static int nullsFirst(String left, String right) {
      if (left == null) {
        return right == null ? 0 : -1;
      }
      return right == null ? 1 : left.compareTo(right);
    }
  }
}
