package dev.schemadrift.rule;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a rule's default severity may depend on besides the rule itself: how the table's files
 * are read, whether it is partitioned, where a type sits, and two facts about the change.
 *
 * @param inMapKey the changed type is (inside) the key of a map
 * @param widening the type change is a widening its readers accept: for columns any widening,
 *     decimal precision or length increase; for an Iceberg partition key only Iceberg's own
 *     promotions (int→bigint, float→double, decimal precision increase)
 * @param structuralOption the changed SerDe option decides how a line splits into columns
 *     (delimiter, quote, escape, SerDe, input.regex) rather than how a value is read
 * @param partitionRead how Athena reads a sampled partition's differing column ({@link
 *     PartitionRead#NONE} for every difference between the contract and the table)
 */
public record RuleContext(
    FormatProfile profile,
    FileFamily family,
    boolean partitioned,
    boolean inMapKey,
    boolean widening,
    boolean structuralOption,
    PartitionRead partitionRead) {

  public RuleContext {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(partitionRead, "partitionRead");
  }

  /** A context of a difference between the contract and the table (no partition involved). */
  public RuleContext(
      FormatProfile profile,
      FileFamily family,
      boolean partitioned,
      boolean inMapKey,
      boolean widening,
      boolean structuralOption) {
    this(profile, family, partitioned, inMapKey, widening, structuralOption, PartitionRead.NONE);
  }

  /** The context of a difference in a table with this profile, before any per-change fact. */
  public static RuleContext of(TableProfile table) {
    return new RuleContext(
        table.profile(), table.family(), table.partitioned(), false, false, false);
  }

  /**
   * The context of a change between a view and a table, in either direction: judged as a view
   * ({@link FileFamily#VIEW}, by name) whichever side the view is on, so that one model case covers
   * both.
   */
  public RuleContext betweenViewAndTable() {
    return new RuleContext(
        FormatProfile.BY_NAME, FileFamily.VIEW, partitioned, false, false, false);
  }

  /** The same table, for a type inside a map key. */
  public RuleContext insideMapKey() {
    return new RuleContext(
        profile, family, partitioned, true, widening, structuralOption, partitionRead);
  }

  /** The same table and place, for a change that is (or is not) an accepted widening. */
  public RuleContext withWidening(boolean isWidening) {
    return isWidening == widening
        ? this
        : new RuleContext(
            profile, family, partitioned, inMapKey, isWidening, structuralOption, partitionRead);
  }

  /** The same table, for a SerDe option that is (or is not) structural. */
  public RuleContext withStructuralOption(boolean structural) {
    return new RuleContext(
        profile, family, partitioned, inMapKey, widening, structural, partitionRead);
  }

  /** The same table, for a sampled partition's column that Athena reads this way. */
  public RuleContext withPartitionRead(PartitionRead read) {
    return new RuleContext(
        profile, family, partitioned, inMapKey, widening, structuralOption, read);
  }

  /**
   * Every context a rule can be judged in: each pairing of profile and file family that {@link
   * TableProfile#of} can derive, with every combination of the four flags and every {@link
   * PartitionRead}. The rule table in docs/RULES.md and the severity matrix test are made from this
   * list.
   */
  public static List<RuleContext> all() {
    FileFamily[][] familiesByProfile = {
      {FileFamily.TEXT, FileFamily.PARQUET, FileFamily.ORC},
      {
        FileFamily.PARQUET,
        FileFamily.ORC,
        FileFamily.JSON,
        FileFamily.ION,
        FileFamily.AVRO,
        FileFamily.VIEW
      },
      {FileFamily.ICEBERG},
      {FileFamily.UNKNOWN}
    };
    FormatProfile[] profiles = {
      FormatProfile.POSITIONAL, FormatProfile.BY_NAME, FormatProfile.ICEBERG, FormatProfile.UNKNOWN
    };
    List<RuleContext> all = new ArrayList<>();
    for (int index = 0; index < profiles.length; index++) {
      for (FileFamily family : familiesByProfile[index]) {
        for (PartitionRead read : PartitionRead.values()) {
          for (int flags = 0; flags < 16; flags++) {
            all.add(
                new RuleContext(
                    profiles[index],
                    family,
                    (flags & 1) != 0,
                    (flags & 2) != 0,
                    (flags & 4) != 0,
                    (flags & 8) != 0,
                    read));
          }
        }
      }
    }
    return List.copyOf(all);
  }
}
