package dev.schemadrift.diff;

import dev.schemadrift.type.DataType;
import dev.schemadrift.type.PrimitiveKind;

/**
 * How one scalar type became another. The whole promotion policy lives in {@link #between}: one
 * short method to review.
 */
enum TypeChange {
  NONE,
  WIDENED,
  DECIMAL_PRECISION_INCREASED,
  LENGTH_INCREASED,
  LENGTH_DECREASED,
  NARROWED,
  CHANGED;

  /** Classifies a change between two types (complex types only as a whole: CHANGED). */
  static TypeChange between(DataType expected, DataType actual) {
    if (expected.equals(actual)) {
      return NONE;
    }
    if (expected instanceof DataType.Primitive from && actual instanceof DataType.Primitive to) {
      int fromRank = integerRank(from.kind());
      int toRank = integerRank(to.kind());
      if (fromRank > 0 && toRank > 0) {
        return toRank > fromRank ? WIDENED : NARROWED;
      }
      if (from.kind() == PrimitiveKind.FLOAT && to.kind() == PrimitiveKind.DOUBLE) {
        return WIDENED;
      }
      if (from.kind() == PrimitiveKind.DOUBLE && to.kind() == PrimitiveKind.FLOAT) {
        return NARROWED;
      }
    }
    if (expected instanceof DataType.Decimal from && actual instanceof DataType.Decimal to) {
      if (from.scale() != to.scale()) {
        return CHANGED;
      }
      return to.precision() > from.precision() ? DECIMAL_PRECISION_INCREASED : NARROWED;
    }
    int fromCapacity = characterCapacity(expected);
    int toCapacity = characterCapacity(actual);
    if (fromCapacity > 0 && toCapacity > 0) {
      boolean toFixed = actual instanceof DataType.Char;
      boolean fromFixed = expected instanceof DataType.Char;
      if (toFixed && !fromFixed) {
        return LENGTH_DECREASED;
      }
      if (toCapacity == fromCapacity) {
        return fromFixed && !toFixed ? LENGTH_INCREASED : LENGTH_DECREASED;
      }
      return toCapacity > fromCapacity ? LENGTH_INCREASED : LENGTH_DECREASED;
    }
    return CHANGED;
  }

  /** Whether readers accept the new type for old data: widenings and capacity increases. */
  boolean isWidening() {
    return this == WIDENED || this == DECIMAL_PRECISION_INCREASED || this == LENGTH_INCREASED;
  }

  /** Iceberg's own promotion list: int→long, float→double, decimal precision increase. */
  static boolean isIcebergPromotion(DataType expected, DataType actual) {
    if (expected instanceof DataType.Primitive from && actual instanceof DataType.Primitive to) {
      return (from.kind() == PrimitiveKind.INT && to.kind() == PrimitiveKind.BIGINT)
          || (from.kind() == PrimitiveKind.FLOAT && to.kind() == PrimitiveKind.DOUBLE);
    }
    return between(expected, actual) == DECIMAL_PRECISION_INCREASED;
  }

  private static int integerRank(PrimitiveKind kind) {
    return switch (kind) {
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INT -> 3;
      case BIGINT -> 4;
      case BOOLEAN, FLOAT, DOUBLE, STRING, BINARY, DATE, TIMESTAMP -> 0;
    };
  }

  /** char/varchar length, string unbounded; 0 for types outside the character family. */
  private static int characterCapacity(DataType type) {
    return switch (type) {
      case DataType.Char fixed -> fixed.length();
      case DataType.Varchar varying -> varying.length();
      case DataType.Primitive primitive ->
          primitive.kind() == PrimitiveKind.STRING ? Integer.MAX_VALUE : 0;
      case DataType.Decimal decimal -> 0;
      case DataType.Array array -> 0;
      case DataType.Map map -> 0;
      case DataType.Struct struct -> 0;
      case DataType.Union union -> 0;
    };
  }
}
