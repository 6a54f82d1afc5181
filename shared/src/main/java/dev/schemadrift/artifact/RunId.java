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

  private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}Z");

  // Strict, as the printer is: 20261131 and 240000 are refused, not rolled over.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);

  public RunId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "run id '" + value + "' is not of the form 20261126T080000Z (UTC)");
    }
    try {
      FORMAT.parse(value);
    } catch (DateTimeException e) {
      // Callers (the CLI) handle IllegalArgumentException as a usage error.
      throw new IllegalArgumentException(
          "run id '" + value + "' is not a real UTC date and time of the form 20261126T080000Z", e);
    }
  }

  public static RunId of(Instant instant) {
    return new RunId(FORMAT.format(instant));
  }

  /** The UTC day of the run. */
  public LocalDate date() {
    return LocalDate.parse(value, FORMAT);
  }

  @Override
  public String toString() {
    return value;
  }
}
