package dev.schemadrift.diff;

import dev.schemadrift.contract.Policy;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies a team's policy to the default verdicts, in a fixed order: widening, extra columns,
 * deprecation sunset, severity overrides (first match wins, OFF drops), then waivers. Policy never
 * changes a default severity's meaning: a finding keeps its default beside the severity it ends
 * with.
 */
public final class PolicyEvaluation {
  private PolicyEvaluation() {}

  /** The findings (sorted) and the waivers that matched nothing. */
  public record Outcome(List<Finding> findings, List<Policy.Waiver> unusedWaivers) {}

  public static Outcome apply(
      List<Change> changes, Policy policy, LocalDate today, String qualifiedTable) {
    List<Finding> findings = new ArrayList<>();
    Set<Policy.Waiver> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Change change : changes) {
      Severity severity = change.defaultSeverity();
      if (change.difference().context().widening()
          && policy.effectiveWidening() == Policy.Widening.SAFE) {
        severity = Severity.SAFE;
      }
      if (change.rule() == RuleId.COLUMN_ADDED || change.rule() == RuleId.COLUMN_INSERTED) {
        severity =
            switch (policy.effectiveExtraColumns()) {
              case ALLOW -> severity;
              case WARN -> severity.worse(Severity.RISKY);
              case FORBID -> Severity.BREAKING;
            };
      }
      if (change.difference().pastSunset(today)) {
        severity = Severity.SAFE;
      }
      Policy.OverrideLevel override = override(policy, change);
      if (override == Policy.OverrideLevel.OFF) {
        continue;
      }
      if (override != null) {
        severity = Severity.valueOf(override.name());
      }
      Policy.Waiver waiver = waiver(policy, change);
      AppliedWaiver applied = null;
      if (waiver != null) {
        used.add(waiver);
        boolean live = !today.isAfter(waiver.expires());
        applied =
            new AppliedWaiver(
                waiver, live ? AppliedWaiver.State.ACCEPTED : AppliedWaiver.State.EXPIRED);
        if (!live) {
          Difference lapsed =
              Difference.of(
                  RuleId.WAIVER_EXPIRED,
                  change.difference().subject(),
                  change.path(),
                  change.rule().name(),
                  waiver.expires().toString(),
                  change.difference().context());
          Change expired =
              new Change(
                  lapsed,
                  RuleId.WAIVER_EXPIRED.defaultSeverity(lapsed.context()),
                  Reasons.waiverExpired(change, waiver));
          Policy.OverrideLevel expiredOverride = override(policy, expired);
          if (expiredOverride != Policy.OverrideLevel.OFF) {
            Severity expiredSeverity =
                expiredOverride == null
                    ? expired.defaultSeverity()
                    : Severity.valueOf(expiredOverride.name());
            findings.add(finding(expired, expiredSeverity, null, qualifiedTable));
          }
        }
      }
      findings.add(finding(change, severity, applied, qualifiedTable));
    }
    findings.sort(Finding.ORDER);
    List<Policy.Waiver> unused;
    if (used.size() == policy.waivers().size()) {
      unused = List.of();
    } else {
      unused = new ArrayList<>(policy.waivers().size() - used.size());
      for (Policy.Waiver waiver : policy.waivers()) {
        if (!used.contains(waiver)) {
          unused.add(waiver);
        }
      }
      unused = Collections.unmodifiableList(unused);
    }
    return new Outcome(List.copyOf(findings), unused);
  }

  private static Finding finding(
      Change change, Severity severity, AppliedWaiver waiver, String qualifiedTable) {
    return new Finding(
        change.rule(),
        severity,
        change.defaultSeverity(),
        change.path(),
        change.expected(),
        change.actual(),
        change.reason(),
        change.difference().evidence(),
        Fingerprint.of(
            change.rule().name(),
            qualifiedTable,
            change.path(),
            change.expected(),
            change.actual()),
        waiver);
  }

  private static Policy.OverrideLevel override(Policy policy, Change change) {
    for (Policy.SeverityOverride override : policy.severityOverrides()) {
      if (override.rule() == change.rule() && Glob.matches(override.path(), change.path())) {
        return override.severity();
      }
    }
    return null;
  }

  private static Policy.Waiver waiver(Policy policy, Change change) {
    if (change.rule() == RuleId.WAIVER_EXPIRED) {
      return null;
    }
    for (Policy.Waiver waiver : policy.waivers()) {
      if (waiver.rule() == change.rule() && Glob.matches(waiver.path(), change.path())) {
        return waiver;
      }
    }
    return null;
  }
}
