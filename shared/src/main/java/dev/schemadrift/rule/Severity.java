package dev.schemadrift.rule;

/** How bad a finding is for consumers, ordered from harmless to harmful. */
public enum Severity {
  SAFE,
  RISKY,
  BREAKING;

  /** The worse of two severities. */
  public Severity worse(Severity other) {
    return other.compareTo(this) > 0 ? other : this;
  }

  /** One-letter code used in the rule catalogue table. */
  public String letter() {
    return name().substring(0, 1);
  }
}
