package dev.schemadrift.rule;

/**
 * How Athena reads a column of a sampled partition that differs from the table's column: the fact a
 * partition rule's severity depends on. Every difference that is not about a partition is {@link
 * #NONE}.
 */
public enum PartitionRead {
  /** Not a partition's column: the difference is between the contract and the table. */
  NONE,
  /** Athena fails every query that reads the partition with HIVE_PARTITION_SCHEMA_MISMATCH. */
  REJECTED,
  /** Read by position into another table column, silently. */
  SHIFTED,
  /**
   * Read and converted to the table's type; {@link RuleContext#widening} says whether losslessly.
   */
  COERCED,
  /** Read by position under the table's name for that position. */
  RENAMED;

  /** How the case reads in docs/RULES.md's notes. */
  String describe() {
    return switch (this) {
      case NONE -> "not a partition's column";
      case REJECTED -> "Athena rejects the partition (HIVE_PARTITION_SCHEMA_MISMATCH)";
      case SHIFTED -> "the partition's values land in another column";
      case COERCED -> "Athena converts the partition's values";
      case RENAMED -> "the partition's column is read by position under the table's name";
    };
  }
}
