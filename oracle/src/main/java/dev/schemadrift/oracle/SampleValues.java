package dev.schemadrift.oracle;

import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows an experiment writes: a value per column (or struct field) and row that differs from
 * every other's, so that a value read from the wrong place shows; a bigint's last row does not fit
 * an int, so that a narrowing shows. A column's or field's {@code seed} makes its values its own.
 */
final class SampleValues {
  static final int ROWS = 3;

  private SampleValues() {}

  /** The seed of field {@code index} of a struct whose own seed is {@code seed}. */
  static int fieldSeed(int seed, int index) {
    return 10 * (seed + 1) + index;
  }

  /** The value of a primitive type at {@code row} (1-based), as text. */
  static String value(DataType type, int seed, int row) {
    int small = 10 * (seed + 1) + row;
    String text = "c" + seed + "r" + row;
    return switch (type) {
      case DataType.Primitive primitive ->
          switch (primitive.kind()) {
            case TINYINT, SMALLINT, INT -> Integer.toString(small);
            case BIGINT ->
                row == ROWS ? Long.toString(3_000_000_000L + seed) : Integer.toString(small);
            case FLOAT, DOUBLE -> small + ".5";
            case STRING -> text;
            case BOOLEAN -> Boolean.toString(row % 2 == 1);
            case DATE -> "2026-01-0" + row;
            case BINARY, TIMESTAMP -> throw unsupported(type);
          };
      case DataType.Decimal decimal -> decimal.scale() > 0 ? small + ".5" : Integer.toString(small);
      case DataType.Char character -> text;
      case DataType.Varchar varchar -> text;
      case DataType.Array array -> throw unsupported(type);
      case DataType.Map map -> throw unsupported(type);
      case DataType.Struct struct -> throw unsupported(type);
      case DataType.Union union -> throw unsupported(type);
    };
  }

  /** The value as the comparison expects to read it back (see {@link #canonical}). */
  static String expected(DataType type, int seed, int row) {
    String value = value(type, seed, row);
    return isNumber(type) ? canonical(new BigDecimal(value)) : value;
  }

  /**
   * A SQL expression of the value at {@code row}: a cast literal; a ROW of its fields; an array of
   * one element; a map of one entry. An element, a key and a value take the seeds of fields 0, 0
   * and 1, so that each has values of its own and {@link Measurement#leaves} finds them.
   */
  static String expression(DataType type, int seed, int row) {
    return switch (type) {
      case DataType.Struct struct -> {
        List<String> fields = new ArrayList<>();
        for (int index = 0; index < struct.fields().size(); index++) {
          fields.add(expression(struct.fields().get(index).type(), fieldSeed(seed, index), row));
        }
        yield "CAST(ROW(" + String.join(", ", fields) + ") AS " + trinoType(type) + ")";
      }
      case DataType.Array array ->
          "ARRAY[" + expression(array.element(), fieldSeed(seed, 0), row) + "]";
      case DataType.Map map ->
          "MAP(ARRAY["
              + expression(map.key(), fieldSeed(seed, 0), row)
              + "], ARRAY["
              + expression(map.value(), fieldSeed(seed, 1), row)
              + "])";
      case DataType.Primitive primitive -> literal(type, seed, row);
      case DataType.Decimal decimal -> literal(type, seed, row);
      case DataType.Char character -> literal(type, seed, row);
      case DataType.Varchar varchar -> literal(type, seed, row);
      case DataType.Union union -> throw unsupported(type);
    };
  }

  private static String literal(DataType type, int seed, int row) {
    return "CAST('" + value(type, seed, row).replace("'", "''") + "' AS " + trinoType(type) + ")";
  }

  /** Trino's spelling of a Hive type string. */
  static String trinoType(String hiveType) {
    return trinoType(TypeParser.parse(hiveType));
  }

  static String trinoType(DataType type) {
    return switch (type) {
      case DataType.Primitive primitive ->
          switch (primitive.kind()) {
            case INT -> "integer";
            case FLOAT -> "real";
            case STRING -> "varchar";
            case BINARY -> "varbinary";
            case BOOLEAN, TINYINT, SMALLINT, BIGINT, DOUBLE, DATE, TIMESTAMP ->
                primitive.kind().typeName();
          };
      case DataType.Decimal decimal ->
          "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
      case DataType.Char character -> "char(" + character.length() + ")";
      case DataType.Varchar varchar -> "varchar(" + varchar.length() + ")";
      case DataType.Array array -> "array(" + trinoType(array.element()) + ")";
      case DataType.Map map -> "map(" + trinoType(map.key()) + ", " + trinoType(map.value()) + ")";
      case DataType.Struct struct -> {
        List<String> fields = new ArrayList<>();
        for (DataType.Field field : struct.fields()) {
          fields.add(field.name() + " " + trinoType(field.type()));
        }
        yield "row(" + String.join(", ", fields) + ")";
      }
      case DataType.Union union -> throw unsupported(type);
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

  private static boolean isNumber(DataType type) {
    return switch (type) {
      case DataType.Primitive primitive ->
          switch (primitive.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE -> true;
            case STRING, BOOLEAN, DATE, BINARY, TIMESTAMP -> false;
          };
      case DataType.Decimal decimal -> true;
      case DataType.Char character -> false;
      case DataType.Varchar varchar -> false;
      case DataType.Array array -> false;
      case DataType.Map map -> false;
      case DataType.Struct struct -> false;
      case DataType.Union union -> false;
    };
  }

  private static IllegalArgumentException unsupported(DataType type) {
    return new IllegalArgumentException("no sample values for type " + type.canonical() + " yet");
  }
}
