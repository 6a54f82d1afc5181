package dev.schemadrift.bench.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A Glue/Hive type as the generator builds it, independent of the project's own type model so that
 * the generated text never depends on the code under test.
 */
sealed interface GeneratedType {

  /** A type without parameters: {@code int}, {@code string}, {@code timestamp}. */
  record Scalar(String keyword) implements GeneratedType {}

  /** {@code decimal(precision,scale)}. */
  record Decimal(int precision, int scale) implements GeneratedType {}

  /** {@code char(length)}. */
  record Fixed(int length) implements GeneratedType {}

  /** {@code varchar(length)}. */
  record Varying(int length) implements GeneratedType {}

  /** {@code array<element>}. */
  record Array(GeneratedType element) implements GeneratedType {}

  /** {@code map<key,value>}; the key is always a primitive type. */
  record MapType(GeneratedType key, GeneratedType value) implements GeneratedType {}

  /** {@code struct<name:type,...>}. */
  record Struct(List<Field> fields) implements GeneratedType {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  /** One struct field. */
  record Field(String name, GeneratedType type) {}

  /** {@code uniontype<...>}. */
  record Union(List<GeneratedType> alternatives) implements GeneratedType {
    public Union {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** Whether a partition key or a map key may have this type. */
  default boolean isPrimitive() {
    return switch (this) {
      case Scalar scalar -> true;
      case Decimal decimal -> true;
      case Fixed fixed -> true;
      case Varying varying -> true;
      case Array array -> false;
      case MapType map -> false;
      case Struct struct -> false;
      case Union union -> false;
    };
  }

  /** The plain lower-case spelling. */
  default String print() {
    StringBuilder out = new StringBuilder();
    print(this, out, null);
    return out.toString();
  }

  /**
   * A spelling Glue or a contract may hold for the same type (upper case, synonyms, spaces,
   * back-quoted field names): the engine must read them all as one type.
   */
  default String printVaried(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    print(this, out, random);
    return out.toString();
  }

  private static void print(GeneratedType type, StringBuilder out, SplittableRandom random) {
    boolean vary = random != null && random.nextInt(4) == 0;
    switch (type) {
      case Scalar scalar -> out.append(vary ? synonym(scalar.keyword(), random) : scalar.keyword());
      case Decimal decimal -> {
        if (vary && decimal.precision() == 10 && decimal.scale() == 0) {
          out.append(random.nextBoolean() ? "decimal" : "DECIMAL(10)");
        } else if (vary) {
          out.append(random.nextBoolean() ? "numeric(" : "DEC(")
              .append(decimal.precision())
              .append(", ")
              .append(decimal.scale())
              .append(')');
        } else {
          out.append("decimal(")
              .append(decimal.precision())
              .append(',')
              .append(decimal.scale())
              .append(')');
        }
      }
      case Fixed fixed -> out.append(vary ? "CHAR(" : "char(").append(fixed.length()).append(')');
      case Varying varying ->
          out.append(vary ? "VarChar( " : "varchar(").append(varying.length()).append(')');
      case Array array -> {
        out.append(vary ? "ARRAY< " : "array<");
        print(array.element(), out, random);
        out.append('>');
      }
      case MapType map -> {
        out.append(vary ? "Map<" : "map<");
        print(map.key(), out, random);
        out.append(vary ? ", " : ",");
        print(map.value(), out, random);
        out.append('>');
      }
      case Struct struct -> {
        out.append(vary ? "STRUCT<" : "struct<");
        String separator = "";
        for (Field field : struct.fields()) {
          out.append(separator);
          boolean quoted = vary && random.nextBoolean();
          out.append(quoted ? "`" + field.name() + "`" : field.name()).append(vary ? " : " : ":");
          print(field.type(), out, random);
          separator = vary ? ", " : ",";
        }
        out.append('>');
      }
      case Union union -> {
        out.append(vary ? "UNIONTYPE<" : "uniontype<");
        String separator = "";
        for (GeneratedType alternative : union.alternatives()) {
          out.append(separator);
          print(alternative, out, random);
          separator = ",";
        }
        out.append('>');
      }
    }
  }

  private static String synonym(String keyword, SplittableRandom random) {
    return switch (keyword) {
      case "int" -> random.nextBoolean() ? "integer" : "INT";
      case "double" -> random.nextBoolean() ? "double precision" : "Double";
      default -> keyword.toUpperCase(Locale.ROOT);
    };
  }

  /**
   * Every node of a type in pre-order, with whether it is a map key (which must stay primitive).
   */
  static void collect(
      GeneratedType type, boolean mapKey, List<GeneratedType> nodes, List<Boolean> mapKeys) {
    nodes.add(type);
    mapKeys.add(mapKey);
    switch (type) {
      case Scalar scalar -> {}
      case Decimal decimal -> {}
      case Fixed fixed -> {}
      case Varying varying -> {}
      case Array array -> collect(array.element(), false, nodes, mapKeys);
      case MapType map -> {
        collect(map.key(), true, nodes, mapKeys);
        collect(map.value(), false, nodes, mapKeys);
      }
      case Struct struct -> {
        for (Field field : struct.fields()) {
          collect(field.type(), false, nodes, mapKeys);
        }
      }
      case Union union -> {
        // A union is compared as a whole: its alternatives are not separate places.
      }
    }
  }

  /** The type with its pre-order node number {@code target} replaced. */
  static GeneratedType replace(GeneratedType type, int target, GeneratedType replacement) {
    return replace(type, new int[] {0}, target, replacement);
  }

  private static GeneratedType replace(
      GeneratedType type, int[] counter, int target, GeneratedType replacement) {
    if (counter[0]++ == target) {
      return replacement;
    }
    return switch (type) {
      case Scalar scalar -> scalar;
      case Decimal decimal -> decimal;
      case Fixed fixed -> fixed;
      case Varying varying -> varying;
      case Array array -> new Array(replace(array.element(), counter, target, replacement));
      case MapType map -> {
        GeneratedType key = replace(map.key(), counter, target, replacement);
        yield new MapType(key, replace(map.value(), counter, target, replacement));
      }
      case Struct struct -> {
        List<Field> fields = new ArrayList<>();
        for (Field field : struct.fields()) {
          fields.add(new Field(field.name(), replace(field.type(), counter, target, replacement)));
        }
        yield new Struct(fields);
      }
      case Union union -> union;
    };
  }
}
