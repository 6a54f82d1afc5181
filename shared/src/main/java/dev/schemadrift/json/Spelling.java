package dev.schemadrift.json;

import java.util.Locale;
import java.util.Optional;

/**
 * How a document spells an enum constant, and the one parser of constants by that spelling: every
 * reader finds statuses, rules, formats and policy choices by name here.
 */
public enum Spelling {
  /** The constant's name: {@code BREAKING}, {@code COLUMN_TYPE_WIDENED}. */
  NAME,
  /** The name in lower case: {@code parquet}, {@code allow}. */
  LOWER_CASE,
  /** The name in any case: {@code Timestamp}, {@code INTEGER} (ODCS logical types). */
  ANY_CASE;

  /**
   * The constant of {@code type} spelled {@code text}, or empty when there is none (or no text).
   */
  public <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (spells(constant.name(), text)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  private boolean spells(String name, String text) {
    return switch (this) {
      case NAME -> name.equals(text);
      case LOWER_CASE -> name.toLowerCase(Locale.ROOT).equals(text);
      case ANY_CASE -> name.equalsIgnoreCase(text);
    };
  }
}
