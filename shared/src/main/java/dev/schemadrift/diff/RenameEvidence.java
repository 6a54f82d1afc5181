package dev.schemadrift.diff;

import java.util.Locale;

/**
 * Why a removed and an added column (or key, or struct field) were judged one rename. The one
 * vocabulary of the diff artifact, the reasons and the reports.
 */
public enum RenameEvidence {
  /** The contract lists the Glue name under the column's {@code previous_names}. */
  PREVIOUS_NAMES("matched through the contract's previous_names"),
  /** An Iceberg history column of the contract name has the new column's field id. */
  ICEBERG_FIELD_ID("matched by Iceberg field id"),
  /** The only removed and the only added item, at the same position with the same type. */
  POSITION_AND_TYPE("matched by position and type");

  private final String reportWording;

  RenameEvidence(String reportWording) {
    this.reportWording = reportWording;
  }

  /** The value of a finding's {@code evidence} in the diff artifact: the name in lower case. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How a report states the evidence: "matched by position and type". */
  public String reportWording() {
    return reportWording;
  }

  /**
   * How a reason states the evidence, in parentheses after the new name.
   *
   * @param noun what was renamed ("column" or "field")
   */
  public String reasonWording(String noun) {
    return switch (this) {
      case PREVIOUS_NAMES -> "the contract lists it under previous_names";
      case ICEBERG_FIELD_ID -> "same Iceberg field id";
      case POSITION_AND_TYPE -> "the only removed and added " + noun + ", same position and type";
    };
  }
}
