package dev.schemadrift.artifact;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** A run's id: UTC, sortable, S3-safe ({@code 20261126T080000Z}); its date judges waivers. */
public record RunId(String value) {
  private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z");
  // STRICT: the default SMART style would turn 20261131 into November 30 and 240000 into the next
  // day, so that date() would then disagree with the id or fail.
  private static final DateTimeFormatter PRINTER =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);

  public RunId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "run id '" + value + "' is not of the form 20261126T080000Z (UTC)");
    }
    try {
      PRINTER.parse(value);
    } catch (DateTimeException e) {
      // Callers (the CLI) handle IllegalArgumentException as a usage error.
      throw new IllegalArgumentException(
          "run id '" + value + "' is not a real UTC date and time of the form 20261126T080000Z", e);
    }
  }

  public static RunId of(Instant instant) {
    return new RunId(PRINTER.format(instant));
  }

  /** The UTC day of the run. */
  public LocalDate date() {
    return LocalDate.parse(
        value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8));
  }

  @Override
  public String toString() {
    return value;
  }
}
