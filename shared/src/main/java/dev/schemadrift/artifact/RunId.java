package dev.schemadrift.artifact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** A run's id: UTC, sortable, S3-safe ({@code 20261126T080000Z}); its date judges waivers. */
public record RunId(String value) {
  private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final DateTimeFormatter PRINTER =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RunId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "run id '" + value + "' is not of the form 20261126T080000Z (UTC)");
    }
    PRINTER.parse(value);
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
