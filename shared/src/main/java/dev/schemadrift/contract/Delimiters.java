package dev.schemadrift.contract;

/**
 * Decodes and prints SerDe delimiter characters, which Glue and contracts spell in several ways:
 * the character itself, a backslash escape ({@code \t}, {@code \\u0001}, {@code \001}) or a decimal
 * byte value as Hive reads it ({@code 1} is {@code \\u0001}).
 */
public final class Delimiters {
  private Delimiters() {}

  /** The character(s) meant by a spelling; unknown spellings are returned unchanged. */
  public static String decode(String spelling) {
    if (spelling == null) {
      return null;
    }
    switch (spelling) {
      case "\\t":
        return "\t";
      case "\\n":
        return "\n";
      case "\\r":
        return "\r";
      case "\\\\":
        return "\\";
      default:
        break;
    }
    if (spelling.matches("\\\\u[0-9a-fA-F]{4}")) {
      return String.valueOf((char) Integer.parseInt(spelling.substring(2), 16));
    }
    if (spelling.matches("\\\\[0-7]{1,3}")) {
      return String.valueOf((char) Integer.parseInt(spelling.substring(1), 8));
    }
    if (spelling.matches("\\d{1,3}")) {
      // Hive reads a numeric delimiter as a byte value: "1" is byte 1, "44" is a comma.
      int code = Integer.parseInt(spelling);
      if (code < 128) {
        return String.valueOf((char) code);
      }
    }
    return spelling;
  }

  /** A readable, unambiguous spelling for reports: control characters as \\uXXXX. */
  public static String print(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
