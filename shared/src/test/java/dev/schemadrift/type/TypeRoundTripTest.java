package dev.schemadrift.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated round trips: every type the model can hold must print to a canonical string that reads
 * back to an equal type, and any re-spelling Glue writers produce (keyword case, whitespace,
 * synonyms, quoting) must read back to that same type.
 */
class TypeRoundTripTest {
  /** Fixed so that a failure reproduces; change it only together with a reason. */
  private static final long SEED = 20_260_101L;

  private static final int TYPE_COUNT = 5_000;
  private static final int MAX_DEPTH = 6;

  /** Pieces of field names: plain, spaces, back-quotes, colons, Hive punctuation and unicode. */
  private static final String[] NAME_PIECES = {
    "a", "Z", "id", "zipCode", "_", "$", "7", "int", "STRUCT", "map", " ", "  ", "\t", "`", "``",
    ":", ",", "<", ">", "(", ")", "-", ".", "#", "\"", "'", "é", "ß", "Ω", "数据", "名前", "😀",
    "\u00A0", "\u2003", "\\"
  };

  private static final String[] WHITESPACE = {"", "", "", " ", "  ", "\t", "\n", "\r\n", " \t "};

  private final Random random = new Random(SEED);

  @Test
  void canonicalFormAndRandomSpellingsReadBackToTheSameType() {
    for (int index = 0; index < TYPE_COUNT; index++) {
      DataType type = randomType(random.nextInt(MAX_DEPTH + 1));
      String canonical = type.canonical();
      assertReadsAs(type, canonical, index);
      assertEquals(canonical, TypeParser.parse(canonical).canonical(), canonical);
      for (int spelling = 0; spelling < 2; spelling++) {
        StringBuilder respelled = new StringBuilder();
        respell(type, respelled);
        assertReadsAs(type, respelled.toString(), index);
      }
    }
  }

  @Test
  void emptyFieldNamesAreRefusedBecauseNoSpellingReadsBackAsOne() {
    // The parser rejects `` and a bare ':' as a field name, so the model must not hold one either.
    DataType integer = new DataType.Primitive(PrimitiveKind.INT);
    assertThrows(IllegalArgumentException.class, () -> new DataType.Field("", integer));
  }

  @Test
  void namesThatAreOnlyWhitespaceSurviveWhenQuoted() {
    DataType type =
        new DataType.Struct(
            List.of(new DataType.Field(" ", new DataType.Primitive(PrimitiveKind.INT))));
    assertEquals("struct<` `:int>", type.canonical());
    assertEquals(type, TypeParser.parse(type.canonical()));
  }

  private static void assertReadsAs(DataType expected, String typeString, int index) {
    DataType actual;
    try {
      actual = TypeParser.parse(typeString);
    } catch (TypeParseException error) {
      throw new AssertionError(
          "type #" + index + " (seed " + SEED + ") did not parse: " + typeString, error);
    }
    if (!expected.equals(actual)) {
      fail(
          "type #"
              + index
              + " (seed "
              + SEED
              + ") read back differently\n  from:     "
              + typeString
              + "\n  expected: "
              + expected.canonical()
              + "\n  actual:   "
              + actual.canonical());
    }
  }

  // ---------------------------------------------------------------- generation

  private DataType randomType(int depthLeft) {
    int kinds = depthLeft > 0 ? 9 : 4;
    return switch (random.nextInt(kinds)) {
      case 0 -> {
        PrimitiveKind[] all = PrimitiveKind.values();
        yield new DataType.Primitive(all[random.nextInt(all.length)]);
      }
      case 1 -> randomDecimal();
      case 2 -> new DataType.Char(randomLength(DataType.Char.MAX_LENGTH));
      case 3 -> new DataType.Varchar(randomLength(DataType.Varchar.MAX_LENGTH));
      case 4, 5 -> new DataType.Array(randomType(depthLeft - 1));
      case 6 -> new DataType.Map(randomType(depthLeft - 1), randomType(depthLeft - 1));
      case 7 -> {
        List<DataType.Field> fields = new ArrayList<>();
        int count = random.nextInt(5);
        for (int field = 0; field < count; field++) {
          fields.add(new DataType.Field(randomFieldName(), randomType(depthLeft - 1)));
        }
        yield new DataType.Struct(fields);
      }
      default -> {
        List<DataType> alternatives = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int alternative = 0; alternative < count; alternative++) {
          alternatives.add(randomType(depthLeft - 1));
        }
        yield new DataType.Union(alternatives);
      }
    };
  }

  private DataType randomDecimal() {
    // Bias towards the synonyms' corner cases: the default (10,0) and a zero scale.
    return switch (random.nextInt(4)) {
      case 0 -> new DataType.Decimal(10, 0);
      case 1 -> new DataType.Decimal(1 + random.nextInt(DataType.Decimal.MAX_PRECISION), 0);
      default -> {
        int precision = 1 + random.nextInt(DataType.Decimal.MAX_PRECISION);
        yield new DataType.Decimal(precision, random.nextInt(precision + 1));
      }
    };
  }

  private int randomLength(int max) {
    return switch (random.nextInt(4)) {
      case 0 -> 1;
      case 1 -> max;
      default -> 1 + random.nextInt(max);
    };
  }

  private String randomFieldName() {
    StringBuilder name = new StringBuilder();
    int pieces = 1 + random.nextInt(4);
    for (int piece = 0; piece < pieces; piece++) {
      name.append(NAME_PIECES[random.nextInt(NAME_PIECES.length)]);
    }
    return name.toString();
  }

  // ---------------------------------------------------------------- re-spelling

  /** Writes the type as a careless writer might: any case, any whitespace, synonyms, quoting. */
  private void respell(DataType type, StringBuilder out) {
    space(out);
    switch (type) {
      case DataType.Primitive primitive -> out.append(primitiveSpelling(primitive.kind()));
      case DataType.Decimal decimal -> decimalSpelling(decimal, out);
      case DataType.Char fixed -> lengthSpelling("char", fixed.length(), out);
      case DataType.Varchar varying -> lengthSpelling("varchar", varying.length(), out);
      case DataType.Array array -> {
        keyword("array", out);
        punctuation('<', out);
        respell(array.element(), out);
        punctuation('>', out);
      }
      case DataType.Map map -> {
        keyword("map", out);
        punctuation('<', out);
        respell(map.key(), out);
        punctuation(',', out);
        respell(map.value(), out);
        punctuation('>', out);
      }
      case DataType.Struct struct -> {
        keyword("struct", out);
        punctuation('<', out);
        for (int index = 0; index < struct.fields().size(); index++) {
          if (index > 0) {
            punctuation(',', out);
          }
          DataType.Field field = struct.fields().get(index);
          space(out);
          out.append(fieldNameSpelling(field.name()));
          punctuation(':', out);
          respell(field.type(), out);
        }
        punctuation('>', out);
      }
      case DataType.Union union -> {
        keyword("uniontype", out);
        punctuation('<', out);
        for (int index = 0; index < union.alternatives().size(); index++) {
          if (index > 0) {
            punctuation(',', out);
          }
          respell(union.alternatives().get(index), out);
        }
        punctuation('>', out);
      }
    }
    space(out);
  }

  private String primitiveSpelling(PrimitiveKind kind) {
    if (kind == PrimitiveKind.INT && random.nextBoolean()) {
      return randomCase("integer");
    }
    if (kind == PrimitiveKind.DOUBLE && random.nextBoolean()) {
      // The two words need at least one whitespace character between them.
      return randomCase("double") + " " + randomWhitespace() + randomCase("precision");
    }
    return randomCase(kind.typeName());
  }

  private void decimalSpelling(DataType.Decimal decimal, StringBuilder out) {
    String[] synonyms = {"decimal", "dec", "numeric"};
    keyword(synonyms[random.nextInt(synonyms.length)], out);
    boolean isDefault = decimal.precision() == 10 && decimal.scale() == 0;
    if (isDefault && random.nextBoolean()) {
      return;
    }
    punctuation('(', out);
    space(out);
    out.append(decimal.precision());
    if (decimal.scale() != 0 || random.nextBoolean()) {
      punctuation(',', out);
      space(out);
      out.append(decimal.scale());
    }
    punctuation(')', out);
  }

  private void lengthSpelling(String keyword, int length, StringBuilder out) {
    keyword(keyword, out);
    punctuation('(', out);
    space(out);
    out.append(length);
    punctuation(')', out);
  }

  /** Quotes a name when it must be quoted, and otherwise only sometimes. */
  private String fieldNameSpelling(String name) {
    if (canStandUnquoted(name) && random.nextBoolean()) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  /** An unquoted name runs to the next ':' and loses surrounding whitespace. */
  private static boolean canStandUnquoted(String name) {
    return !name.isEmpty()
        && name.chars().noneMatch(c -> ":<>,`".indexOf(c) >= 0)
        && !Character.isWhitespace(name.charAt(0))
        && !Character.isWhitespace(name.charAt(name.length() - 1));
  }

  private void keyword(String keyword, StringBuilder out) {
    out.append(randomCase(keyword));
  }

  private void punctuation(char punctuation, StringBuilder out) {
    space(out);
    out.append(punctuation);
  }

  private void space(StringBuilder out) {
    out.append(randomWhitespace());
  }

  private String randomWhitespace() {
    return WHITESPACE[random.nextInt(WHITESPACE.length)];
  }

  private String randomCase(String keyword) {
    StringBuilder spelled = new StringBuilder(keyword.length());
    for (char c : keyword.toCharArray()) {
      spelled.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return spelled.toString();
  }
}
