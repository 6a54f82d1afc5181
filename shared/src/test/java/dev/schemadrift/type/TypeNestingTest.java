package dev.schemadrift.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deep and wide types. Glue stores type strings of up to 131,072 characters without checking them,
 * so the parser, the printer and equality must survive whatever nesting it accepts, and refuse
 * deeper nesting with a parse error rather than a StackOverflowError.
 */
class TypeNestingTest {
  private static final int DEEP = 1_000;
  private static final int GLUE_MAX_TYPE_LENGTH = 131_072;

  @Test
  void readsPrintsAndComparesThousandLevelArrays() {
    String typeString = nested("array<", "int", ">", DEEP);
    assertRoundTrips(typeString, DEEP);
  }

  @Test
  void readsPrintsAndComparesThousandLevelStructs() {
    String typeString = nested("struct<a:", "int", ">", DEEP);
    assertRoundTrips(typeString, DEEP);
  }

  @Test
  void readsPrintsAndComparesThousandLevelSpacedUpperCaseStructs() {
    String typeString = nested("STRUCT < `my field` : ", "INT", " >", DEEP);
    DataType type = TypeParser.parse(typeString);
    assertEquals(DEEP, depth(type));
    assertEquals(nested("struct<`my field`:", "int", ">", DEEP), type.canonical());
  }

  @Test
  void readsNestingOfExactlyTheLimit() {
    assertRoundTrips(nested("array<", "int", ">", TypeParser.MAX_NESTING), TypeParser.MAX_NESTING);
    assertRoundTrips(
        nested("struct<a:", "int", ">", TypeParser.MAX_NESTING), TypeParser.MAX_NESTING);
  }

  @Test
  void readsEveryKindOfContainerNestedToTheLimit() {
    // Cycles through the four containers so that each one's recursion path is exercised deeply.
    String[] openings = {"array<", "map<string,", "struct<x:", "uniontype<"};
    StringBuilder typeString = new StringBuilder();
    for (int level = 0; level < TypeParser.MAX_NESTING; level++) {
      typeString.append(openings[level % openings.length]);
    }
    typeString.append("int").append(">".repeat(TypeParser.MAX_NESTING));
    DataType type = TypeParser.parse(typeString.toString());
    assertEquals(typeString.toString(), type.canonical());
    DataType again = TypeParser.parse(type.canonical());
    assertTrue(type.equals(again), "a deep mixed type must equal its own read-back");
    assertEquals(type.hashCode(), again.hashCode());
  }

  @Test
  void refusesArraysNestedOneLevelTooDeep() {
    int levels = TypeParser.MAX_NESTING + 1;
    String typeString = nested("array<", "int", ">", levels);
    TypeParseException error =
        assertThrows(TypeParseException.class, () -> TypeParser.parse(typeString));
    // The '<' that opens the level past the limit.
    int position = "array<".length() * levels - 1;
    assertEquals(position, error.position());
    assertTrue(error.getMessage().contains("position " + position), error.getMessage());
  }

  @Test
  void refusesStructsNestedOneLevelTooDeep() {
    int levels = TypeParser.MAX_NESTING + 1;
    String typeString = nested("struct<a:", "int", ">", levels);
    TypeParseException error =
        assertThrows(TypeParseException.class, () -> TypeParser.parse(typeString));
    int position = "struct<a:".length() * (levels - 1) + "struct".length();
    assertEquals(position, error.position());
  }

  @Test
  void refusesHugelyNestedInputWithAParseError() {
    int levels = 100_000;
    for (String opening : List.of("array<", "map<", "map<int,", "struct<a:", "uniontype<")) {
      String typeString = opening.repeat(levels);
      TypeParseException error =
          assertThrows(TypeParseException.class, () -> TypeParser.parse(typeString), opening);
      assertTrue(error.getMessage().contains("position " + error.position()), error.getMessage());
      assertTrue(error.position() < typeString.length(), opening);
    }
  }

  @Test
  void readsALongSingleStruct() {
    StringBuilder typeString = new StringBuilder("struct<");
    int fields = 0;
    while (typeString.length() < 4_000) {
      if (fields > 0) {
        typeString.append(',');
      }
      typeString.append(fieldSpelling(fields)).append(':').append(fieldType(fields));
      fields++;
    }
    typeString.append('>');

    DataType type = TypeParser.parse(typeString.toString());

    DataType.Struct struct = assertInstanceOf(DataType.Struct.class, type);
    assertEquals(fields, struct.fields().size());
    assertEquals("column_0", struct.fields().getFirst().name());
    assertEquals("Column 1 (#1)", struct.fields().get(1).name());
    assertEquals(fieldSpelling(fields - 1), struct.fields().getLast().name());
    assertEquals(type, TypeParser.parse(type.canonical()));
  }

  @Test
  void readsAStructAsLongAsGlueAllows() {
    StringBuilder typeString = new StringBuilder("struct<");
    int fields = 0;
    String nextField = "column_0:int";
    while (typeString.length() + nextField.length() + 2 <= GLUE_MAX_TYPE_LENGTH) {
      if (fields > 0) {
        typeString.append(',');
      }
      typeString.append(nextField);
      fields++;
      nextField = "column_" + fields + ":int";
    }
    typeString.append('>');

    DataType.Struct struct =
        assertInstanceOf(DataType.Struct.class, TypeParser.parse(typeString.toString()));

    assertEquals(fields, struct.fields().size());
    assertEquals(typeString.toString(), struct.canonical());
  }

  // ---------------------------------------------------------------- helpers

  private static void assertRoundTrips(String typeString, int expectedDepth) {
    DataType type = TypeParser.parse(typeString);
    assertEquals(expectedDepth, depth(type));
    String canonical = type.canonical();
    assertEquals(typeString, canonical);
    DataType again = TypeParser.parse(canonical);
    // assertEquals would print both types on failure; assertTrue keeps the report short.
    assertTrue(type.equals(again), "a deep type must equal its own read-back");
    assertEquals(type.hashCode(), again.hashCode());
  }

  private static String nested(String opening, String innermost, String closing, int levels) {
    return opening.repeat(levels) + innermost + closing.repeat(levels);
  }

  /** Counts array and single-field struct levels without recursing, so it cannot overflow. */
  private static int depth(DataType type) {
    int levels = 0;
    DataType current = type;
    while (true) {
      switch (current) {
        case DataType.Array array -> current = array.element();
        case DataType.Struct struct when struct.fields().size() == 1 ->
            current = struct.fields().getFirst().type();
        default -> {
          return levels;
        }
      }
      levels++;
    }
  }

  /** Alternates plain names with names that hold spaces and odd characters. */
  private static String fieldSpelling(int index) {
    return index % 2 == 0 ? "column_" + index : "Column " + index % 7 + " (#" + index + ")";
  }

  private static String fieldType(int index) {
    return switch (index % 5) {
      case 0 -> "int";
      case 1 -> "varchar(64)";
      case 2 -> "decimal(18, 4)";
      case 3 -> "array<string>";
      default -> "map<string,struct<x:double,y:double>>";
    };
  }
}
