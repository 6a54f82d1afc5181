package dev.schemadrift.diff;

import dev.schemadrift.contract.Policy;

/** A waiver that matched a finding, and whether it was still live on the run's date. */
public record AppliedWaiver(Policy.Waiver waiver, State state) {
  /** ACCEPTED: the finding does not count. EXPIRED: it counts again. */
  public enum State {
    ACCEPTED,
    EXPIRED
  }
}
