package dev.schemadrift.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accepted and rejected type strings. The Hive cases restate the facts of Hive's own parser tests
 * (serde {@code TestTypeInfoUtils}); the Glue cases are spellings that writers store in the wild.
 */
class TypeParserTest {

  // ---------------------------------------------------------------- accepted forms

  /** The strings Hive's parser tests treat as valid, with the type they must become. */
  static Stream<Arguments> hiveValidTypeStrings() {
    return Stream.of(
        Arguments.of("int", primitive(PrimitiveKind.INT)),
        Arguments.of("string", primitive(PrimitiveKind.STRING)),
        Arguments.of("varchar(10)", new DataType.Varchar(10)),
        Arguments.of("char(15)", new DataType.Char(15)),
        Arguments.of("array<int>", array(primitive(PrimitiveKind.INT))),
        Arguments.of("decimal", new DataType.Decimal(10, 0)),
        Arguments.of("decimal(1)", new DataType.Decimal(1, 0)),
        Arguments.of("decimal(25)", new DataType.Decimal(25, 0)),
        Arguments.of("decimal(2,0)", new DataType.Decimal(2, 0)),
        Arguments.of("decimal(2,1)", new DataType.Decimal(2, 1)),
        Arguments.of("decimal(25,10)", new DataType.Decimal(25, 10)),
        Arguments.of("decimal(38,20)", new DataType.Decimal(38, 20)));
  }

  @ParameterizedTest
  @MethodSource("hiveValidTypeStrings")
  void acceptsWhatHiveAccepts(String typeString, DataType expected) {
    assertEquals(expected, TypeParser.parse(typeString));
  }

  /** Spellings seen in Glue that must read as the same type as their canonical form. */
  static Stream<Arguments> glueSpellings() {
    DataType string = primitive(PrimitiveKind.STRING);
    DataType integer = primitive(PrimitiveKind.INT);
    return Stream.of(
        Arguments.of("ARRAY<STRING>", array(string)),
        Arguments.of("Array<String>", array(string)),
        Arguments.of("array < struct < a: string>>", array(struct(field("a", string)))),
        Arguments.of("  int  ", integer),
        Arguments.of("\tint\r\n", integer),
        Arguments.of("DECIMAL(6, 5)", new DataType.Decimal(6, 5)),
        Arguments.of("decimal ( 6 , 5 )", new DataType.Decimal(6, 5)),
        Arguments.of("integer", integer),
        Arguments.of("INTEGER", integer),
        Arguments.of("DECIMAL", new DataType.Decimal(10, 0)),
        Arguments.of("decimal(5)", new DataType.Decimal(5, 0)),
        Arguments.of("dec", new DataType.Decimal(10, 0)),
        Arguments.of("dec(7,2)", new DataType.Decimal(7, 2)),
        Arguments.of("NUMERIC(12)", new DataType.Decimal(12, 0)),
        Arguments.of("double precision", primitive(PrimitiveKind.DOUBLE)),
        Arguments.of("DOUBLE\t PRECISION", primitive(PrimitiveKind.DOUBLE)),
        Arguments.of("array<double precision>", array(primitive(PrimitiveKind.DOUBLE))),
        Arguments.of("VARCHAR (255)", new DataType.Varchar(255)),
        Arguments.of("Char( 3 )", new DataType.Char(3)),
        Arguments.of("MAP < STRING , INT >", new DataType.Map(string, integer)),
        Arguments.of(
            "map<string,array<struct<k:bigint,v:decimal(38,18)>>>",
            new DataType.Map(
                string,
                array(
                    struct(
                        field("k", primitive(PrimitiveKind.BIGINT)),
                        field("v", new DataType.Decimal(38, 18)))))),
        Arguments.of("struct<`my field`:int>", struct(field("my field", integer))),
        Arguments.of("struct<`a:b`:int>", struct(field("a:b", integer))),
        Arguments.of("struct<`a``b`:int>", struct(field("a`b", integer))),
        Arguments.of("struct<````:int>", struct(field("`", integer))),
        Arguments.of("struct<`<x,y>`:int>", struct(field("<x,y>", integer))),
        Arguments.of("struct< ` padded ` :int>", struct(field(" padded ", integer))),
        Arguments.of("struct<my field:int>", struct(field("my field", integer))),
        Arguments.of("struct<  my field  :int>", struct(field("my field", integer))),
        Arguments.of("struct<näme-1.x(y)#@!:int>", struct(field("näme-1.x(y)#@!", integer))),
        Arguments.of("struct<数据:string>", struct(field("数据", string))),
        Arguments.of("struct<$ref:string>", struct(field("$ref", string))),
        Arguments.of("struct<int:string>", struct(field("int", string))),
        Arguments.of("STRUCT<ZipCode:INT>", struct(field("ZipCode", integer))),
        Arguments.of(
            "struct<a:int,b:struct<Inner Name:string>>",
            struct(field("a", integer), field("b", struct(field("Inner Name", string))))),
        Arguments.of("struct<>", struct()),
        Arguments.of("STRUCT< >", struct()),
        Arguments.of("uniontype<int,string>", new DataType.Union(List.of(integer, string))),
        Arguments.of(
            "UNIONTYPE< int , array<string> >",
            new DataType.Union(List.of(integer, array(string)))),
        Arguments.of("char(1)", new DataType.Char(1)),
        Arguments.of("char(255)", new DataType.Char(255)),
        Arguments.of("varchar(1)", new DataType.Varchar(1)),
        Arguments.of("varchar(65535)", new DataType.Varchar(65535)),
        Arguments.of("decimal(1,0)", new DataType.Decimal(1, 0)),
        Arguments.of("decimal(38,0)", new DataType.Decimal(38, 0)),
        Arguments.of("decimal(38,38)", new DataType.Decimal(38, 38)));
  }

  @ParameterizedTest
  @MethodSource("glueSpellings")
  void readsGlueSpellingsAsTheirType(String typeString, DataType expected) {
    assertEquals(expected, TypeParser.parse(typeString));
  }

  @ParameterizedTest
  @EnumSource(PrimitiveKind.class)
  void readsEveryPrimitiveInAnyCase(PrimitiveKind kind) {
    DataType expected = primitive(kind);
    assertEquals(expected, TypeParser.parse(kind.typeName()));
    assertEquals(expected, TypeParser.parse(kind.typeName().toUpperCase(java.util.Locale.ROOT)));
    assertEquals(kind.typeName(), expected.canonical());
  }

  /** Spelling never survives parsing: each pair must print the same canonical form. */
  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        Arguments.of("ARRAY < STRING >", "array<string>"),
        Arguments.of("DECIMAL(6, 5)", "decimal(6,5)"),
        Arguments.of("decimal", "decimal(10,0)"),
        Arguments.of("Numeric(5)", "decimal(5,0)"),
        Arguments.of("integer", "int"),
        Arguments.of("double precision", "double"),
        Arguments.of("map < string , varchar( 20 ) >", "map<string,varchar(20)>"),
        Arguments.of("struct<a_1$:int>", "struct<a_1$:int>"),
        Arguments.of("struct<my field:int>", "struct<`my field`:int>"),
        Arguments.of("struct<`a:b`:int>", "struct<`a:b`:int>"),
        Arguments.of("struct<`a``b`:int>", "struct<`a``b`:int>"),
        Arguments.of("struct<`plain`:int>", "struct<plain:int>"),
        Arguments.of("struct<zipCode : CHAR(2)>", "struct<zipCode:char(2)>"),
        Arguments.of("struct<数据:string>", "struct<`数据`:string>"),
        Arguments.of("STRUCT< >", "struct<>"),
        Arguments.of("uniontype<int , string>", "uniontype<int,string>"));
  }

  @ParameterizedTest
  @MethodSource("canonicalForms")
  void printsTheCanonicalForm(String typeString, String canonical) {
    DataType type = TypeParser.parse(typeString);
    assertEquals(canonical, type.canonical());
    assertEquals(type, TypeParser.parse(canonical));
  }

  @Test
  void keepsTheCaseOfNestedFieldNames() {
    DataType camel = TypeParser.parse("struct<zipCode:int>");
    DataType lower = TypeParser.parse("struct<zipcode:int>");
    assertNotEquals(camel, lower);
    assertEquals("zipCode", ((DataType.Struct) camel).fields().getFirst().name());
    assertEquals("struct<zipCode:int>", camel.canonical());
  }

  @Test
  void keepsTheOrderOfStructFieldsAndUnionAlternatives() {
    assertNotEquals(
        TypeParser.parse("struct<a:int,b:int>"), TypeParser.parse("struct<b:int,a:int>"));
    assertNotEquals(
        TypeParser.parse("uniontype<int,string>"), TypeParser.parse("uniontype<string,int>"));
  }

  @Test
  void tellsTypesOfDifferentKindsApart() {
    List<String> distinct =
        List.of(
            "int",
            "bigint",
            "decimal(10,0)",
            "decimal(10,1)",
            "char(10)",
            "varchar(10)",
            "string",
            "array<int>",
            "uniontype<int>",
            "struct<a:int>",
            "struct<`a `:int>",
            "map<int,int>",
            "array<array<int>>");
    for (String left : distinct) {
      for (String right : distinct) {
        if (!left.equals(right)) {
          assertNotEquals(TypeParser.parse(left), TypeParser.parse(right), left + " vs " + right);
        }
      }
    }
  }

  // ---------------------------------------------------------------- rejected forms

  /** The strings Hive's parser tests treat as invalid, with where reading must stop. */
  static Stream<Arguments> hiveInvalidTypeStrings() {
    return Stream.of(
        Arguments.of("array<", 6),
        Arguments.of("varchar(123", 11),
        Arguments.of("varchar(123,", 11),
        Arguments.of("varchar()", 8),
        Arguments.of("varchar(", 8),
        Arguments.of("char(123", 8),
        Arguments.of("char(123,)", 8),
        Arguments.of("char()", 5),
        Arguments.of("char(", 5),
        Arguments.of("decimal()", 8),
        Arguments.of("varchar", 7),
        Arguments.of("char", 4));
  }

  @ParameterizedTest
  @MethodSource("hiveInvalidTypeStrings")
  void rejectsWhatHiveRejects(String typeString, int position) {
    assertRejectedAt(typeString, position);
  }

  /** Malformed strings and the zero-based position each must be reported at. */
  static Stream<Arguments> malformedTypeStrings() {
    return Stream.of(
        Arguments.of("varchar", 7),
        Arguments.of("VARCHAR ", 8),
        Arguments.of("char()", 5),
        Arguments.of("varchar(0)", 8),
        Arguments.of("varchar(65536)", 8),
        Arguments.of("varchar( 99999999999999999999)", 9),
        Arguments.of("char(0)", 5),
        Arguments.of("char(256)", 5),
        Arguments.of("varchar(10,2)", 10),
        Arguments.of("varchar(-1)", 8),
        Arguments.of("array<", 6),
        Arguments.of("array<int", 9),
        Arguments.of("array<int>>", 10),
        Arguments.of("array(int)", 5),
        Arguments.of("array<>", 6),
        Arguments.of("array<foo>", 6),
        Arguments.of("map<string>", 10),
        Arguments.of("map<int,int,int>", 11),
        Arguments.of("map<,int>", 4),
        Arguments.of("decimal()", 8),
        Arguments.of("decimal(0)", 8),
        Arguments.of("decimal(39,0)", 8),
        Arguments.of("decimal(5,6)", 10),
        Arguments.of("decimal(10,)", 11),
        Arguments.of("decimal(-1)", 8),
        Arguments.of("decimal(5", 9),
        Arguments.of("decimal(5,2,1)", 11),
        Arguments.of("struct<a int>", 12),
        Arguments.of("struct<:int>", 7),
        Arguments.of("struct< :int>", 8),
        Arguments.of("struct<a:int,>", 13),
        Arguments.of("struct<a:int", 12),
        Arguments.of("struct<a:int b:int>", 13),
        Arguments.of("struct<a:>", 9),
        Arguments.of("struct<a:foo>", 9),
        Arguments.of("struct<a<b:int>", 8),
        Arguments.of("struct<a`b:int>", 8),
        Arguments.of("struct<`a:int>", 7),
        Arguments.of("struct<``:int>", 7),
        Arguments.of("struct<`a`b:int>", 10),
        Arguments.of("uniontype<>", 10),
        Arguments.of("uniontype<int,>", 14),
        Arguments.of("foo", 0),
        Arguments.of("  foo", 2),
        Arguments.of("doubleprecision", 0),
        Arguments.of("double precision precision", 17),
        Arguments.of("int x", 4),
        Arguments.of("int,", 3),
        Arguments.of("int>", 3),
        Arguments.of("<int>", 0),
        Arguments.of("", 0),
        Arguments.of("   ", 3));
  }

  @ParameterizedTest
  @MethodSource("malformedTypeStrings")
  void rejectsMalformedTypesAtThePosition(String typeString, int position) {
    assertRejectedAt(typeString, position);
  }

  @Test
  void rejectsNull() {
    TypeParseException error = assertThrows(TypeParseException.class, () -> TypeParser.parse(null));
    assertEquals(0, error.position());
    assertEquals("", error.input());
    assertTrue(error.getMessage().contains("position 0"), error.getMessage());
  }

  @Test
  void namesTheUnknownTypeInTheMessage() {
    TypeParseException error =
        assertThrows(TypeParseException.class, () -> TypeParser.parse("array<foo>"));
    assertTrue(error.getMessage().contains("'foo'"), error.getMessage());
  }

  @Test
  void showsOnlyTheNeighbourhoodOfTheFaultInLongInputs() {
    String typeString = "struct<" + "a:int,".repeat(10_000) + "b:foo>";
    TypeParseException error =
        assertThrows(TypeParseException.class, () -> TypeParser.parse(typeString));
    assertEquals(typeString.indexOf("foo"), error.position());
    assertEquals(typeString, error.input());
    assertTrue(error.getMessage().length() < 300, error.getMessage());
  }

  private static void assertRejectedAt(String typeString, int position) {
    TypeParseException error =
        assertThrows(TypeParseException.class, () -> TypeParser.parse(typeString));
    assertEquals(position, error.position(), error.getMessage());
    assertEquals(typeString, error.input());
    assertTrue(
        error.getMessage().contains("position " + position),
        () -> "message should name position " + position + ": " + error.getMessage());
  }

  // ---------------------------------------------------------------- type builders

  static DataType primitive(PrimitiveKind kind) {
    return new DataType.Primitive(kind);
  }

  static DataType array(DataType element) {
    return new DataType.Array(element);
  }

  static DataType.Field field(String name, DataType type) {
    return new DataType.Field(name, type);
  }

  static DataType struct(DataType.Field... fields) {
    return new DataType.Struct(Arrays.asList(fields));
  }
}
