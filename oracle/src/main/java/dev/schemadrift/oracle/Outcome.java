package dev.schemadrift.oracle;

import java.util.Objects;

/** A verdict with its evidence: the engine's message, the differing values, or the findings. */
record Outcome(Verdict verdict, String evidence) {
  Outcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(evidence, "evidence");
  }
}
