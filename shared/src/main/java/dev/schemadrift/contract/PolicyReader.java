package dev.schemadrift.contract;

import dev.schemadrift.json.Problems;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.rule.RuleId;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads a policy object strictly (a contract's, or the registry defaults'): extra columns,
 * widening, the switches, severity overrides and waivers.
 */
final class PolicyReader {
  private PolicyReader() {}

  static Policy read(StrictObject object) {
    Problems problems = object.problems();
    Policy.ExtraColumns extra =
        choice(object, "extra_columns", Policy.ExtraColumns.class, "allow, warn, forbid");
    Policy.Widening widening = choice(object, "widening", Policy.Widening.class, "risky, safe");
    Boolean compareComments = object.optionalBoolean("compare_comments");
    Boolean createIfMissing = object.optionalBoolean("create_if_missing");
    Integer partitionSample = object.optionalInteger("partition_sample");
    if (partitionSample != null
        && (partitionSample < 0 || partitionSample > Policy.MAX_PARTITION_SAMPLE)) {
      problems.add(
          object.childPath("partition_sample"),
          "must be 0 (off) to "
              + Policy.MAX_PARTITION_SAMPLE
              + " (Glue's most partitions per call) but is "
              + partitionSample);
      partitionSample = null;
    }
    List<Policy.SeverityOverride> overrides =
        object.optionalList(
            "severity_overrides",
            element -> {
              StrictObject override = StrictObject.of(element.node(), element.path(), problems);
              if (override == null) {
                return null;
              }
              RuleId rule = ruleId(override);
              String path = glob(override, false);
              String level = override.requiredString("severity");
              Policy.OverrideLevel severity =
                  Spelling.NAME.parse(Policy.OverrideLevel.class, level).orElse(null);
              if (level != null && severity == null) {
                problems.add(
                    override.childPath("severity"),
                    "unknown severity '" + level + "'; expected SAFE, RISKY, BREAKING or OFF");
              }
              override.rejectUnknownFields();
              return rule == null || severity == null
                  ? null
                  : new Policy.SeverityOverride(rule, path, severity);
            });
    List<Policy.Waiver> waivers =
        object.optionalList(
            "waivers",
            element -> {
              StrictObject waiver = StrictObject.of(element.node(), element.path(), problems);
              if (waiver == null) {
                return null;
              }
              RuleId rule = ruleId(waiver);
              String path = glob(waiver, true);
              String reason = nonBlank(waiver, "reason");
              String owner = nonBlank(waiver, "owner");
              LocalDate expires = ContractConstraints.date(waiver, "expires");
              if (expires == null && waiver.field("expires") == null) {
                problems.add(waiver.childPath("expires"), "required field is missing");
              }
              waiver.rejectUnknownFields();
              return rule == null
                      || path == null
                      || reason == null
                      || owner == null
                      || expires == null
                  ? null
                  : new Policy.Waiver(rule, path, reason, owner, expires);
            });
    object.rejectUnknownFields();
    return new Policy(
        extra, widening, compareComments, createIfMissing, overrides, waivers, partitionSample);
  }

  private static String nonBlank(StrictObject object, String field) {
    String value = object.requiredString(field);
    if (value != null && value.isBlank()) {
      object.problems().add(object.childPath(field), "must not be empty");
      return null;
    }
    return value;
  }

  private static String glob(StrictObject object, boolean required) {
    String path = required ? object.requiredString("path") : object.optionalString("path");
    if (path != null && path.isEmpty()) {
      object.problems().add(object.childPath("path"), "must not be empty (use * for every path)");
      return null;
    }
    return path;
  }

  private static RuleId ruleId(StrictObject object) {
    String name = object.requiredString("rule");
    RuleId rule = Spelling.NAME.parse(RuleId.class, name).orElse(null);
    if (name != null && rule == null) {
      object.problems().add(object.childPath("rule"), "unknown rule id '" + name + "'");
    }
    return rule;
  }

  private static <E extends Enum<E>> E choice(
      StrictObject object, String field, Class<E> type, String expected) {
    String value = object.optionalString(field);
    E constant = Spelling.LOWER_CASE.parse(type, value).orElse(null);
    if (value != null && constant == null) {
      object
          .problems()
          .add(
              object.childPath(field),
              "unknown value '" + value + "'; expected one of " + expected);
    }
    return constant;
  }
}
