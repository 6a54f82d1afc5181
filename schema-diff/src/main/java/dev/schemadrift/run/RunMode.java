package dev.schemadrift.run;

import java.util.Locale;

/** How a run chose its contracts, as the run manifest's {@code mode} names it. */
public enum RunMode {
  /** The event listed contract keys. */
  EXPLICIT,
  /** One contract: the event's {@code contract_key} or the configured CONTRACT_KEY. */
  SINGLE,
  /** The registry's enabled entries for the tables the event named. */
  SUBSET,
  /** The registry's next slice of enabled entries, from the saved cursor. */
  REGISTRY,
  /** The registry entries that Glue or S3 change events named (the change-events queue). */
  EVENT;

  /** The lower-case name written in the manifest. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
