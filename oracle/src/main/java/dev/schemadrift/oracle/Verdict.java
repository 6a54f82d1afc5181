package dev.schemadrift.oracle;

import dev.schemadrift.rule.Severity;

/** What a consumer sees after the change, or that it could not be decided. */
enum Verdict {
  /** The same answers as before the change. */
  SAFE,
  /** NULLs (or defaults) where values were, or a number answered as another number type. */
  RISKY,
  /** An error or wrong values. */
  BREAKING,
  /** The experiment could not be set up, or the rule engine did not judge the pair. */
  UNDECIDED;

  static Verdict of(Severity severity) {
    return switch (severity) {
      case SAFE -> SAFE;
      case RISKY -> RISKY;
      case BREAKING -> BREAKING;
    };
  }

  Verdict worse(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
