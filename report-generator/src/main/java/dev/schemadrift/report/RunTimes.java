package dev.schemadrift.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as reports show them, always derived from run ids and artifact fields (never the clock), so
 * that the same inputs give the same bytes.
 */
public final class RunTimes {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  private RunTimes() {}

  /** {@code 20261126T080000Z} as {@code 2026-11-26 08:00 UTC}. */
  public static String human(String runId) {
    return HUMAN.format(RUN_ID.parse(runId));
  }

  /** {@code 20261126T080000Z} as {@code 2026-11-26T08:00:00Z} (for {@code <time datetime>}). */
  public static String iso(String runId) {
    return ISO.format(RUN_ID.parse(runId));
  }

  /** An ISO-8601 instant from an artifact in the human form; anything else as it is. */
  public static String instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return HUMAN.format(Instant.parse(value).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return value;
    }
  }
}
