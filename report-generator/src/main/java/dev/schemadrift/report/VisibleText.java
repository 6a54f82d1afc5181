package dev.schemadrift.report;

import java.util.Locale;

/**
 * Prepares user-supplied text (names, comments, reasons, values) for display: characters that
 * render invisibly or reorder what is around them (bidirectional overrides, zero-width and other
 * format characters, control characters) are shown as {@code ⟨U+202E⟩}, line breaks become spaces,
 * and very long values are cut with a note saying how much is left out. Escaping for HTML or
 * Markdown is the output format's job, after this.
 */
public final class VisibleText {
  /** Characters shown in a report cell before the rest is left to the diff JSON. */
  public static final int REPORT_LIMIT = 1_000;

  /** Characters shown in an index cell (owner, tag). */
  public static final int INDEX_LIMIT = 200;

  private VisibleText() {}

  /** The text as shown, or null for null; at most {@code limit} characters of the value. */
  public static String of(String value, int limit) {
    if (value == null) {
      return null;
    }
    StringBuilder shown = new StringBuilder(Math.min(value.length(), limit) + 16);
    int index = 0;
    int kept = 0;
    while (index < value.length() && kept < limit) {
      int codePoint = value.codePointAt(index);
      index += Character.charCount(codePoint);
      kept++;
      if (codePoint == '\r' && index < value.length() && value.charAt(index) == '\n') {
        index++;
      }
      if (isLineBreak(codePoint)) {
        shown.append(' ');
      } else if (isHidden(codePoint)) {
        shown.append(String.format(Locale.ROOT, "⟨U+%04X⟩", codePoint));
      } else {
        shown.appendCodePoint(codePoint);
      }
    }
    if (index < value.length()) {
      int left = value.codePointCount(index, value.length());
      shown.append(String.format(Locale.ROOT, "… (%,d more characters)", left));
    }
    return shown.toString();
  }

  private static boolean isLineBreak(int codePoint) {
    return codePoint == '\n'
        || codePoint == '\r'
        || codePoint == 0x85
        || codePoint == 0x2028
        || codePoint == 0x2029;
  }

  /**
   * Controls, format characters (bidi overrides and isolates, zero-width joiners, the BOM, soft
   * hyphen), unassigned and private-use code points, and lone surrogates: none has a visible shape
   * of its own, so each could hide or disguise text.
   */
  private static boolean isHidden(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
  }
}
