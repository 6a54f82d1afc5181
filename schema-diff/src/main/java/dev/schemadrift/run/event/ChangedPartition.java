package dev.schemadrift.run.event;

import java.util.List;

/**
 * The values of one partition a Glue Table State Change event names in {@code changedPartitions},
 * one per partition key in key order: {@code [2024, 01]} is 2024 and 01.
 *
 * @param values the partition's values, as BatchGetPartition takes them
 */
public record ChangedPartition(List<String> values) {
  /** Glue separates the values of one partition with a comma and a space. */
  private static final String SEPARATOR = ", ";

  public ChangedPartition {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a partition has at least one value");
    }
  }

  /**
   * Reads one entry of {@code changedPartitions} as Glue writes it: the values in brackets,
   * separated by a comma and a space. Glue does not escape a value that itself holds {@code ", "};
   * such a value reads as two, and the check then finds no partition with those values.
   *
   * @throws IllegalArgumentException naming what is wrong with the entry
   */
  public static ChangedPartition parse(String listed) {
    if (listed == null || listed.length() < 3 || !listed.startsWith("[") || !listed.endsWith("]")) {
      throw new IllegalArgumentException(
          "'" + listed + "' is not a partition's values in brackets, such as [2024, 01]");
    }
    return new ChangedPartition(
        List.of(listed.substring(1, listed.length() - 1).split(SEPARATOR, -1)));
  }
}
