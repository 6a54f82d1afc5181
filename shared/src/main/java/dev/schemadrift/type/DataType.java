package dev.schemadrift.type;

import java.util.List;
import java.util.Objects;

/**
 * A Glue/Hive column type, parsed and normalised so that spelling (case, whitespace, synonyms)
 * never makes two equal types look different.
 */
public sealed interface DataType
    permits DataType.Primitive,
        DataType.Decimal,
        DataType.Char,
        DataType.Varchar,
        DataType.Array,
        DataType.Map,
        DataType.Struct,
        DataType.Union {

  /** The canonical Hive spelling, which {@link TypeParser#parse} reads back to an equal type. */
  default String canonical() {
    return TypePrinter.print(this);
  }

  /** A type without parameters or children. */
  record Primitive(PrimitiveKind kind) implements DataType {
    public Primitive {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** {@code decimal(precision,scale)}; a bare {@code decimal} is {@code decimal(10,0)}. */
  record Decimal(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;

    public Decimal {
      if (precision < 1 || precision > MAX_PRECISION) {
        throw new IllegalArgumentException("decimal precision must be 1.." + MAX_PRECISION);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException("decimal scale must be 0..precision");
      }
    }
  }

  /** {@code char(length)}, length 1..255. */
  record Char(int length) implements DataType {
    public static final int MAX_LENGTH = 255;

    public Char {
      if (length < 1 || length > MAX_LENGTH) {
        throw new IllegalArgumentException("char length must be 1.." + MAX_LENGTH);
      }
    }
  }

  /** {@code varchar(length)}, length 1..65535. */
  record Varchar(int length) implements DataType {
    public static final int MAX_LENGTH = 65535;

    public Varchar {
      if (length < 1 || length > MAX_LENGTH) {
        throw new IllegalArgumentException("varchar length must be 1.." + MAX_LENGTH);
      }
    }
  }

  /** {@code array<element>}. */
  record Array(DataType element) implements DataType {
    public Array {
      Objects.requireNonNull(element, "element");
    }
  }

  /** {@code map<key,value>}. */
  record Map(DataType key, DataType value) implements DataType {
    public Map {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code struct<name:type,...>}; field names keep their case (Glue folds only top level). */
  record Struct(List<Field> fields) implements DataType {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  /** One named field of a struct. */
  record Field(String name, DataType type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** Hive's {@code uniontype<...>}: kept, and compared as an opaque whole. */
  record Union(List<DataType> alternatives) implements DataType {
    public Union {
      alternatives = List.copyOf(alternatives);
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("uniontype needs at least one alternative");
      }
    }
  }
}
