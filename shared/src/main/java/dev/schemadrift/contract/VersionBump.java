package dev.schemadrift.contract;

import java.util.Locale;

/** How far a contract version moved from the one before, ordered from none to major. */
public enum VersionBump {
  NONE,
  PATCH,
  MINOR,
  MAJOR;

  /** The spelling in options and JSON: {@code major}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
