package dev.schemadrift.artifact;

import dev.schemadrift.contract.VersionBump;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.rule.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The version bump a contract change needs, by the worst severity among its changes; a change with
 * no counted finding needs none.
 */
public record BumpRequirements(VersionBump breaking, VersionBump risky, VersionBump safe) {

  /** BREAKING needs a new major version, RISKY a new minor one, SAFE none. */
  public static final BumpRequirements DEFAULT =
      new BumpRequirements(VersionBump.MAJOR, VersionBump.MINOR, VersionBump.NONE);

  public BumpRequirements {
    Objects.requireNonNull(breaking, "breaking");
    Objects.requireNonNull(risky, "risky");
    Objects.requireNonNull(safe, "safe");
  }

  /** The bump a change whose worst counted finding is {@code worst} (null: none) needs. */
  public VersionBump requiredFor(Severity worst) {
    if (worst == null) {
      return VersionBump.NONE;
    }
    return switch (worst) {
      case BREAKING -> breaking;
      case RISKY -> risky;
      case SAFE -> safe;
    };
  }

  /**
   * Parses {@code breaking=major,risky=minor} (any case, any subset; the rest keep their {@link
   * #DEFAULT}).
   *
   * @throws IllegalArgumentException naming the entry that is not {@code SEVERITY=BUMP}
   */
  public static BumpRequirements parse(String text) {
    Map<Severity, VersionBump> bumps = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      bumps.put(severity, DEFAULT.requiredFor(severity));
    }
    for (String entry : text.split(",", -1)) {
      int equals = entry.indexOf('=');
      Severity severity =
          equals < 0
              ? null
              : Spelling.ANY_CASE
                  .parse(Severity.class, entry.substring(0, equals).strip())
                  .orElse(null);
      VersionBump bump =
          equals < 0
              ? null
              : Spelling.ANY_CASE
                  .parse(VersionBump.class, entry.substring(equals + 1).strip())
                  .orElse(null);
      if (severity == null || bump == null) {
        throw new IllegalArgumentException(
            "'"
                + entry
                + "' is not SEVERITY=BUMP (SEVERITY: breaking, risky or safe; BUMP: major, minor,"
                + " patch or none), e.g. breaking=major,risky=minor");
      }
      bumps.put(severity, bump);
    }
    return new BumpRequirements(
        bumps.get(Severity.BREAKING), bumps.get(Severity.RISKY), bumps.get(Severity.SAFE));
  }

  @Override
  public String toString() {
    return "breaking="
        + breaking.jsonName()
        + ",risky="
        + risky.jsonName()
        + ",safe="
        + safe.jsonName();
  }
}
