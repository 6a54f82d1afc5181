package dev.schemadrift.oracle;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The rows an experiment writes: a value per column and row that differs from every other column's,
 * so that a column read from the wrong place shows; a bigint's last row does not fit an int, so
 * that a narrowing shows.
 */
final class SampleValues {
  static final int ROWS = 3;

  private SampleValues() {}

  /** The value written in {@code column} (0-based position) at {@code row} (1-based), as text. */
  static String value(Column column, int position, int row) {
    int small = 10 * (position + 1) + row;
    String type = baseType(column.type());
    return switch (type) {
      case "tinyint", "smallint", "int", "integer" -> Integer.toString(small);
      case "bigint" ->
          row == ROWS ? Long.toString(3_000_000_000L + position) : Integer.toString(small);
      case "float", "real", "double", "decimal" -> small + ".5";
      case "string", "varchar", "char" -> "c" + position + "r" + row;
      case "boolean" -> Boolean.toString(row % 2 == 1);
      case "date" -> "2026-01-0" + row;
      default ->
          throw new IllegalArgumentException(
              "column " + column.name() + ": no sample values for type " + column.type());
    };
  }

  /** A SQL expression of {@code value} as the Hive type {@code hiveType}. */
  static String literal(String value, String hiveType) {
    return "CAST('" + value.replace("'", "''") + "' AS " + trinoType(hiveType) + ")";
  }

  /** Trino's spelling of a Hive type string. */
  static String trinoType(String hiveType) {
    String type = hiveType.toLowerCase(Locale.ROOT).strip();
    return switch (baseType(type)) {
      case "string" -> "varchar";
      case "int" -> "integer";
      case "float" -> "real";
      default -> type;
    };
  }

  /**
   * A value as the comparison sees it: numbers without trailing zeros (an int 11 and a bigint 11
   * are the same answer), anything else as its text.
   */
  static String canonical(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    if (value instanceof Number || value.getClass().getSimpleName().equals("SqlDecimal")) {
      try {
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return text; // NaN or infinity: compared as text.
      }
    }
    return text;
  }

  private static String baseType(String type) {
    String lower = type.toLowerCase(Locale.ROOT).strip();
    int parenthesis = lower.indexOf('(');
    return parenthesis < 0 ? lower : lower.substring(0, parenthesis).strip();
  }
}
