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

    // The scalars' equals and hashCode are written out too (same values as the generated ones):
    // the generated methods are bootstrapped through invokedynamic on their first call, which
    // measurably slows the CLI's cold diff and the handler's first invocation
    // (docs/PERFORMANCE.md).
    @Override
    public boolean equals(Object other) {
      return this == other || other instanceof Primitive primitive && kind == primitive.kind;
    }

    @Override
    public int hashCode() {
      return kind.hashCode();
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

    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof Decimal decimal
              && precision == decimal.precision
              && scale == decimal.scale;
    }

    @Override
    public int hashCode() {
      return 31 * precision + scale;
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

    @Override
    public boolean equals(Object other) {
      return this == other || other instanceof Char fixed && length == fixed.length;
    }

    @Override
    public int hashCode() {
      return length;
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

    @Override
    public boolean equals(Object other) {
      return this == other || other instanceof Varchar varying && length == varying.length;
    }

    @Override
    public int hashCode() {
      return length;
    }
  }

  /** {@code array<element>}. */
  record Array(DataType element) implements DataType {
    public Array {
      Objects.requireNonNull(element, "element");
    }

    // equals and hashCode of the containers are written out: the generated record methods spend
    // several stack frames per level and overflow below TypeParser.MAX_NESTING; these spend one.
    @Override
    public boolean equals(Object other) {
      return this == other || other instanceof Array array && element.equals(array.element);
    }

    @Override
    public int hashCode() {
      return 31 * element.hashCode() + 1;
    }
  }

  /** {@code map<key,value>}. */
  record Map(DataType key, DataType value) implements DataType {
    public Map {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof Map map && key.equals(map.key) && value.equals(map.value);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * key.hashCode() + value.hashCode()) + 2;
    }
  }

  /** {@code struct<name:type,...>}; field names keep their case (Glue folds only top level). */
  record Struct(List<Field> fields) implements DataType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Struct struct) || fields.size() != struct.fields.size()) {
        return false;
      }
      for (int index = 0; index < fields.size(); index++) {
        Field mine = fields.get(index);
        Field theirs = struct.fields.get(index);
        // Compared inline rather than through Field.equals to keep one frame per level.
        if (!mine.name.equals(theirs.name) || !mine.type.equals(theirs.type)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 3;
      for (Field field : fields) {
        hash = 31 * (31 * hash + field.name.hashCode()) + field.type.hashCode();
      }
      return hash;
    }
  }

  /** One named field of a struct. */
  record Field(String name, DataType type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      // No spelling of an empty name parses, so such a field could not survive canonical().
      if (name.isEmpty()) {
        throw new IllegalArgumentException("struct field name must not be empty");
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Field field && name.equals(field.name) && type.equals(field.type);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + type.hashCode();
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

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Union union) || alternatives.size() != union.alternatives.size()) {
        return false;
      }
      for (int index = 0; index < alternatives.size(); index++) {
        if (!alternatives.get(index).equals(union.alternatives.get(index))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 4;
      for (DataType alternative : alternatives) {
        hash = 31 * hash + alternative.hashCode();
      }
      return hash;
    }
  }
}
