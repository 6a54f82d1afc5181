package dev.schemadrift.contract;

import dev.schemadrift.rule.RuleId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a team wants its findings judged. Scalar settings are null when not stated, so that a
 * contract's policy can be layered over the registry's defaults ({@link #over}).
 *
 * @param partitionSample how many partitions of a partitioned table are read and compared with it
 *     (0 turns the check off)
 */
public record Policy(
    ExtraColumns extraColumns,
    Widening widening,
    Boolean compareComments,
    Boolean createIfMissing,
    List<SeverityOverride> severityOverrides,
    List<Waiver> waivers,
    Integer partitionSample) {

  /** The partition sample when neither the contract nor the registry sets one. */
  public static final int DEFAULT_PARTITION_SAMPLE = 100;

  /** Glue's largest {@code MaxResults} for GetPartitions: one call reads at most this many. */
  public static final int MAX_PARTITION_SAMPLE = 1000;

  public static final Policy EMPTY = new Policy(null, null, null, null, List.of(), List.of());

  public Policy {
    severityOverrides = severityOverrides == null ? List.of() : List.copyOf(severityOverrides);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    if (partitionSample != null
        && (partitionSample < 0 || partitionSample > MAX_PARTITION_SAMPLE)) {
      throw new IllegalArgumentException("partition_sample must be 0.." + MAX_PARTITION_SAMPLE);
    }
  }

  /** A policy that leaves the partition sample to the defaults. */
  public Policy(
      ExtraColumns extraColumns,
      Widening widening,
      Boolean compareComments,
      Boolean createIfMissing,
      List<SeverityOverride> severityOverrides,
      List<Waiver> waivers) {
    this(
        extraColumns, widening, compareComments, createIfMissing, severityOverrides, waivers, null);
  }

  /**
   * This policy layered over defaults: stated settings win, and this policy's overrides and waivers
   * are consulted before the defaults'.
   */
  public Policy over(Policy defaults) {
    List<SeverityOverride> overrides = new ArrayList<>(severityOverrides);
    overrides.addAll(defaults.severityOverrides);
    List<Waiver> allWaivers = new ArrayList<>(waivers);
    allWaivers.addAll(defaults.waivers);
    return new Policy(
        extraColumns != null ? extraColumns : defaults.extraColumns,
        widening != null ? widening : defaults.widening,
        compareComments != null ? compareComments : defaults.compareComments,
        createIfMissing != null ? createIfMissing : defaults.createIfMissing,
        overrides,
        allWaivers,
        partitionSample != null ? partitionSample : defaults.partitionSample);
  }

  public ExtraColumns effectiveExtraColumns() {
    return extraColumns == null ? ExtraColumns.ALLOW : extraColumns;
  }

  public Widening effectiveWidening() {
    return widening == null ? Widening.RISKY : widening;
  }

  public boolean effectiveCompareComments() {
    return Boolean.TRUE.equals(compareComments);
  }

  public boolean effectiveCreateIfMissing() {
    return !Boolean.FALSE.equals(createIfMissing);
  }

  public int effectivePartitionSample() {
    return partitionSample == null ? DEFAULT_PARTITION_SAMPLE : partitionSample;
  }

  /** What to do with columns the contract does not list. */
  public enum ExtraColumns {
    ALLOW,
    WARN,
    FORBID
  }

  /** How type widenings are judged. */
  public enum Widening {
    RISKY,
    SAFE
  }

  /** The level a severity override sets; OFF drops the finding. */
  public enum OverrideLevel {
    SAFE,
    RISKY,
    BREAKING,
    OFF
  }

  /** Rule id plus optional path glob → a severity (or OFF). */
  public record SeverityOverride(RuleId rule, String path, OverrideLevel severity) {
    public SeverityOverride {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(severity, "severity");
      path = path == null ? "*" : path;
    }
  }

  /** An accepted finding, with who accepted it, why and until when. */
  public record Waiver(RuleId rule, String path, String reason, String owner, LocalDate expires) {
    public Waiver {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(expires, "expires");
    }
  }
}
