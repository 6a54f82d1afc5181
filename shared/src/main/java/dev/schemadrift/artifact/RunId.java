package dev.schemadrift.artifact;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** A run's id: UTC, sortable, S3-safe ({@code 20261126T080000Z}); its date judges waivers. */
public record RunId(String value) {

  public RunId {
    if (value == null || !hasForm(value)) {
      throw new IllegalArgumentException(
          "run id '" + value + "' is not of the form 20261126T080000Z (UTC)");
    }
    try {
      // Strict, as the printer is: 20261131 and 240000 are refused, not rolled over.
      LocalDate.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8));
      LocalTime.of(digits(value, 9, 11), digits(value, 11, 13), digits(value, 13, 15));
    } catch (DateTimeException e) {
      // Callers (the CLI) handle IllegalArgumentException as a usage error.
      throw new IllegalArgumentException(
          "run id '" + value + "' is not a real UTC date and time of the form 20261126T080000Z", e);
    }
  }

  /**
   * Eight ASCII digits, T, six ASCII digits, Z; checked by hand: a run id is made on the first diff
   * of a fresh JVM, where loading java.util.regex and java.time.format costs milliseconds.
   */
  private static boolean hasForm(String value) {
    if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
      return false;
    }
    for (int index = 0; index < 15; index++) {
      char c = value.charAt(index);
      if (index != 8 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String value, int from, int to) {
    int number = 0;
    for (int index = from; index < to; index++) {
      number = number * 10 + (value.charAt(index) - '0');
    }
    return number;
  }

  public static RunId of(Instant instant) {
    return new RunId(Printer.PRINTER.format(instant));
  }

  /** The UTC day of the run. */
  public LocalDate date() {
    return LocalDate.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8));
  }

  /** The formatter, loaded only when a run id is made from a clock. */
  private static final class Printer {
    private static final DateTimeFormatter PRINTER =
        DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
  }

  @Override
  public String toString() {
    return value;
  }
}
