package dev.schemadrift.artifact;

import dev.schemadrift.rule.Severity;

/** A table's outcome in one run. */
public enum Status {
  OK,
  SAFE,
  RISKY,
  BREAKING,
  /** No data files at the table's location: not drift, not OK. */
  NO_DATA,
  /** The monitor could not decide. */
  ERROR;

  public static Status of(Severity worst) {
    return switch (worst) {
      case SAFE -> SAFE;
      case RISKY -> RISKY;
      case BREAKING -> BREAKING;
    };
  }

  /** The severity a status stands for, or null for OK, NO_DATA and ERROR. */
  public Severity severity() {
    return switch (this) {
      case SAFE -> Severity.SAFE;
      case RISKY -> Severity.RISKY;
      case BREAKING -> Severity.BREAKING;
      case OK, NO_DATA, ERROR -> null;
    };
  }
}
