package dev.schemadrift.rule;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule's default severity as an ordered list of cases: the first case whose condition holds in
 * the {@link RuleContext} decides; a case without a severity means the rule does not apply there.
 * The same list renders the rule's row and note in docs/RULES.md, so the documentation is what
 * runs.
 */
public final class SeverityModel {
  private final List<Case> cases;

  private SeverityModel(List<Case> cases) {
    this.cases = List.copyOf(cases);
  }

  /** One line of the list: a condition and the verdict it gives (null: not applicable). */
  public record Case(Condition condition, Severity severity) {
    public Case {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /** The same severity in every context. */
  public static SeverityModel always(Severity severity) {
    return new Builder().otherwise(severity);
  }

  /** Starts a list with its first case. */
  public static Builder when(Condition condition, Severity severity) {
    return new Builder().when(condition, severity);
  }

  /** Starts a list whose first case says that the rule does not apply to these profiles. */
  public static Builder notApplicableTo(FormatProfile... profiles) {
    return new Builder().notApplicableTo(profiles);
  }

  /** Builds a list case by case; {@link #otherwise} ends it. */
  public static final class Builder {
    private final List<Case> cases = new ArrayList<>();

    private Builder() {}

    public Builder when(Condition condition, Severity severity) {
      cases.add(new Case(condition, Objects.requireNonNull(severity, "severity")));
      return this;
    }

    public Builder notApplicableTo(FormatProfile... profiles) {
      cases.add(new Case(Condition.profiles(profiles), null));
      return this;
    }

    /** A case saying that the rule does not apply where the condition holds. */
    public Builder notApplicableWhen(Condition condition) {
      cases.add(new Case(condition, null));
      return this;
    }

    /** The verdict when no earlier case holds. */
    public SeverityModel otherwise(Severity severity) {
      cases.add(new Case(Condition.ANY, Objects.requireNonNull(severity, "severity")));
      return new SeverityModel(cases);
    }
  }

  /** The default severity in a context; null when the rule does not apply there. */
  public Severity severity(RuleContext context) {
    for (Case rule : cases) {
      if (rule.condition().holds(context)) {
        return rule.severity();
      }
    }
    throw new IllegalStateException("a severity model ends with an unconditional case");
  }

  public List<Case> cases() {
    return cases;
  }

  /** The list in words, for the note under the rule table: "inside a map key: RISKY; …". */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Case rule : cases) {
      if (!out.isEmpty()) {
        out.append("; ");
      }
      String verdict = rule.severity() == null ? "not applicable" : rule.severity().name();
      if (rule.condition().equals(Condition.ANY)) {
        out.append(cases.size() == 1 ? "" : "otherwise ").append(verdict);
      } else {
        out.append(rule.condition().describe()).append(": ").append(verdict);
      }
    }
    return out.toString();
  }

  /**
   * A conjunction over the context; an empty set or a null flag places no constraint.
   *
   * @param profiles profiles as judged (UNKNOWN counts as POSITIONAL)
   */
  public record Condition(
      Set<FormatProfile> profiles,
      Set<FileFamily> families,
      Boolean whenPartitioned,
      Boolean whenInMapKey,
      Boolean whenWidening,
      Boolean whenStructuralOption,
      Set<PartitionRead> partitionReads) {

    /** The condition that always holds. */
    public static final Condition ANY =
        new Condition(Set.of(), Set.of(), null, null, null, null, Set.of());

    public Condition {
      profiles = profiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(profiles));
      families = families.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(families));
      partitionReads =
          partitionReads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(partitionReads));
      for (FormatProfile profile : profiles) {
        if (profile.judgedAs() != profile) {
          throw new IllegalArgumentException(profile + " is judged as " + profile.judgedAs());
        }
      }
    }

    public static Condition profiles(FormatProfile... judgedAs) {
      return new Condition(Set.of(judgedAs), Set.of(), null, null, null, null, Set.of());
    }

    public static Condition families(FileFamily... families) {
      return new Condition(Set.of(), Set.of(families), null, null, null, null, Set.of());
    }

    public static Condition insideMapKey() {
      return new Condition(Set.of(), Set.of(), null, true, null, null, Set.of());
    }

    public static Condition acceptedWidening() {
      return new Condition(Set.of(), Set.of(), null, null, true, null, Set.of());
    }

    /** A sampled partition's column that Athena reads in one of these ways. */
    public static Condition partitionRead(PartitionRead... reads) {
      return new Condition(Set.of(), Set.of(), null, null, null, null, Set.of(reads));
    }

    public Condition unpartitioned() {
      return new Condition(
          profiles,
          families,
          false,
          whenInMapKey,
          whenWidening,
          whenStructuralOption,
          partitionReads);
    }

    public Condition structural() {
      return new Condition(
          profiles, families, whenPartitioned, whenInMapKey, whenWidening, true, partitionReads);
    }

    /** The same condition, only for a change that is not an accepted widening. */
    public Condition notWidening() {
      return new Condition(
          profiles,
          families,
          whenPartitioned,
          whenInMapKey,
          false,
          whenStructuralOption,
          partitionReads);
    }

    boolean holds(RuleContext context) {
      return (profiles.isEmpty() || profiles.contains(context.profile().judgedAs()))
          && (families.isEmpty() || families.contains(context.family()))
          && (whenPartitioned == null || whenPartitioned == context.partitioned())
          && (whenInMapKey == null || whenInMapKey == context.inMapKey())
          && (whenWidening == null || whenWidening == context.widening())
          && (whenStructuralOption == null || whenStructuralOption == context.structuralOption())
          && (partitionReads.isEmpty() || partitionReads.contains(context.partitionRead()));
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      if (!partitionReads.isEmpty()) {
        List<String> reads = new ArrayList<>();
        for (PartitionRead read : EnumSet.copyOf(partitionReads)) {
          reads.add(read.describe());
        }
        parts.add(alternatives(reads));
      }
      if (!profiles.isEmpty()) {
        parts.add(names(profiles) + " tables");
      }
      if (families.equals(Set.of(FileFamily.VIEW))) {
        // A view has no files: its family stands for "a view on either side of the change".
        parts.add("a view (on either side)");
      } else if (!families.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (FileFamily family : EnumSet.copyOf(families)) {
          names.add(family.displayName());
        }
        parts.add(alternatives(names) + " files");
      }
      if (whenPartitioned != null) {
        parts.add(whenPartitioned ? "partitioned" : "not partitioned");
      }
      if (whenInMapKey != null) {
        parts.add(whenInMapKey ? "inside a map key" : "outside map keys");
      }
      if (whenWidening != null) {
        parts.add(
            whenWidening
                ? "a widening its readers accept (for Iceberg partition keys: int→bigint,"
                    + " float→double, decimal precision increase)"
                : "not a widening (a conversion that may lose values)");
      }
      if (whenStructuralOption != null) {
        parts.add(
            whenStructuralOption
                ? "delimiter, quote, escape, SerDe or input.regex"
                : "other SerDe options");
      }
      return String.join(", ", parts);
    }

    /** "a", "a or b", "a, b or c". */
    private static String alternatives(List<String> names) {
      int last = names.size() - 1;
      return last == 0
          ? names.getFirst()
          : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }

    private static String names(Set<FormatProfile> profiles) {
      List<String> names = new ArrayList<>();
      for (FormatProfile profile : EnumSet.copyOf(profiles)) {
        names.add(profile.name());
      }
      return String.join(" and ", names);
    }
  }
}
