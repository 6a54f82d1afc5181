package dev.schemadrift.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's priming before Lambda SnapStart takes its snapshot (CRaC {@code
 * beforeCheckpoint}), so that what the first invocation would pay is in the snapshot instead. The
 * priming must be pure: no network, no clock, no randomness, since the snapshot is shared by every
 * restore; nothing is renewed after a restore.
 */
public final class SnapStartPriming implements Resource {
  private final Runnable priming;

  private SnapStartPriming(Runnable priming) {
    this.priming = priming;
  }

  /**
   * Registers {@code priming} with the CRaC context (a no-op on JVMs without checkpointing). Keep
   * the result in a field of the handler: the context holds resources only weakly.
   */
  public static SnapStartPriming register(Runnable priming) {
    SnapStartPriming resource = new SnapStartPriming(priming);
    Core.getGlobalContext().register(resource);
    return resource;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    priming.run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: priming made no connections and read no clock.
  }
}
