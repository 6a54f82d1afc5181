package dev.schemadrift.bench;

import dev.schemadrift.type.DataType;
import dev.schemadrift.type.PrimitiveKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type parser as it was before the performance work (commit 24dc1db), frozen here so that the
 * JMH run measures before and after side by side. Not used by any product code; errors are plain
 * {@link IllegalArgumentException}s because the product's exception constructor is package-private.
 */
public final class OriginalTypeParser {
  /** Deeper nesting is rejected; Glue's real tables stay far below it. */
  public static final int MAX_NESTING = 1024;

  private final String input;
  private int position;
  private int nesting;

  private OriginalTypeParser(String input) {
    this.input = input;
  }

  /** Parses one complete type string, or throws an exception naming the position. */
  public static DataType parse(String typeString) {
    if (typeString == null) {
      throw new IllegalArgumentException("missing type");
    }
    OriginalTypeParser parser = new OriginalTypeParser(typeString);
    DataType type = parser.type();
    parser.skipWhitespace();
    if (parser.position < typeString.length()) {
      throw parser.error("unexpected '" + typeString.charAt(parser.position) + "' after the type");
    }
    return type;
  }

  private DataType type() {
    skipWhitespace();
    int start = position;
    String word = word();
    if (word.isEmpty()) {
      throw error(position >= input.length() ? "missing type" : "expected a type name");
    }
    String keyword = isLowerCase(word) ? word : word.toLowerCase(Locale.ROOT);
    return switch (keyword) {
      case "boolean" -> primitive(PrimitiveKind.BOOLEAN);
      case "tinyint" -> primitive(PrimitiveKind.TINYINT);
      case "smallint" -> primitive(PrimitiveKind.SMALLINT);
      case "int", "integer" -> primitive(PrimitiveKind.INT);
      case "bigint" -> primitive(PrimitiveKind.BIGINT);
      case "float" -> primitive(PrimitiveKind.FLOAT);
      case "double" -> doublePrecision();
      case "string" -> primitive(PrimitiveKind.STRING);
      case "binary" -> primitive(PrimitiveKind.BINARY);
      case "date" -> primitive(PrimitiveKind.DATE);
      case "timestamp" -> primitive(PrimitiveKind.TIMESTAMP);
      case "decimal", "dec", "numeric" -> decimal();
      case "char" -> new DataType.Char(length(start, "char", DataType.Char.MAX_LENGTH));
      case "varchar" -> new DataType.Varchar(length(start, "varchar", DataType.Varchar.MAX_LENGTH));
      case "array" -> array();
      case "map" -> map();
      case "struct" -> struct();
      case "uniontype" -> union();
      default -> {
        position = start;
        throw error("unknown type '" + word + "'");
      }
    };
  }

  /** Most type strings are already lower case; skipping toLowerCase for them halves parse time. */
  private static boolean isLowerCase(String word) {
    for (int index = 0; index < word.length(); index++) {
      char c = word.charAt(index);
      if (c >= 'A' && c <= 'Z' || c > 127) {
        return false;
      }
    }
    return true;
  }

  private static DataType primitive(PrimitiveKind kind) {
    return new DataType.Primitive(kind);
  }

  /** {@code double precision} is the SQL spelling of {@code double}. */
  private DataType doublePrecision() {
    int afterDouble = position;
    skipWhitespace();
    if (!word().equalsIgnoreCase("precision")) {
      position = afterDouble;
    }
    return primitive(PrimitiveKind.DOUBLE);
  }

  private DataType decimal() {
    skipWhitespace();
    if (!peek('(')) {
      return new DataType.Decimal(10, 0);
    }
    position++;
    int precisionAt = skipWhitespaceAndMark();
    int precision = number("decimal precision");
    int scale = 0;
    skipWhitespace();
    int scaleAt = position;
    if (peek(',')) {
      position++;
      scaleAt = skipWhitespaceAndMark();
      scale = number("decimal scale");
    }
    expect(')');
    if (precision < 1 || precision > DataType.Decimal.MAX_PRECISION) {
      position = precisionAt;
      throw error("decimal precision must be 1.." + DataType.Decimal.MAX_PRECISION);
    }
    if (scale > precision) {
      position = scaleAt;
      throw error("decimal scale must not exceed its precision " + precision);
    }
    return new DataType.Decimal(precision, scale);
  }

  private int length(int typeStart, String name, int max) {
    skipWhitespace();
    if (!peek('(')) {
      throw error(name + " needs a length, e.g. " + name + "(10)");
    }
    position++;
    int lengthAt = skipWhitespaceAndMark();
    int length = number(name + " length");
    expect(')');
    if (length < 1 || length > max) {
      position = lengthAt;
      throw error(name + " length must be 1.." + max);
    }
    return length;
  }

  private DataType array() {
    open();
    DataType element = type();
    close();
    return new DataType.Array(element);
  }

  private DataType map() {
    open();
    DataType key = type();
    expect(',');
    DataType value = type();
    close();
    return new DataType.Map(key, value);
  }

  private DataType struct() {
    open();
    List<DataType.Field> fields = new ArrayList<>();
    skipWhitespace();
    if (!peek('>')) {
      do {
        String name = fieldName();
        expect(':');
        fields.add(new DataType.Field(name, type()));
        skipWhitespace();
      } while (consume(','));
    }
    close();
    return new DataType.Struct(fields);
  }

  private DataType union() {
    open();
    List<DataType> alternatives = new ArrayList<>();
    do {
      alternatives.add(type());
      skipWhitespace();
    } while (consume(','));
    close();
    return new DataType.Union(alternatives);
  }

  /** A field name: back-quoted (back-quotes doubled inside), or everything up to ':' trimmed. */
  private String fieldName() {
    skipWhitespace();
    int start = position;
    if (peek('`')) {
      position++;
      StringBuilder name = new StringBuilder();
      while (true) {
        if (position >= input.length()) {
          position = start;
          throw error("unterminated back-quoted field name");
        }
        char c = input.charAt(position++);
        if (c == '`') {
          if (peek('`')) {
            name.append('`');
            position++;
          } else {
            break;
          }
        } else {
          name.append(c);
        }
      }
      if (name.isEmpty()) {
        position = start;
        throw error("empty field name");
      }
      return name.toString();
    }
    while (position < input.length()) {
      char c = input.charAt(position);
      if (c == ':') {
        break;
      }
      if (c == '<' || c == '>' || c == ',' || c == '`') {
        throw error(
            start == position ? "expected a field name" : "unexpected '" + c + "' in a field name");
      }
      position++;
    }
    String name = input.substring(start, position).strip();
    if (name.isEmpty()) {
      throw error("expected a field name");
    }
    return name;
  }

  private void open() {
    expect('<');
    if (++nesting > MAX_NESTING) {
      position--;
      throw error("type nested deeper than " + MAX_NESTING + " levels");
    }
  }

  private void close() {
    expect('>');
    nesting--;
  }

  private String word() {
    int start = position;
    while (position < input.length()) {
      char c = input.charAt(position);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        break;
      }
      position++;
    }
    return input.substring(start, position);
  }

  private int number(String what) {
    int start = position;
    long value = 0;
    while (position < input.length()
        && input.charAt(position) >= '0'
        && input.charAt(position) <= '9') {
      value = Math.min(value * 10 + (input.charAt(position) - '0'), Integer.MAX_VALUE);
      position++;
    }
    if (position == start) {
      throw error("expected a number for the " + what);
    }
    return (int) value;
  }

  private void expect(char expected) {
    skipWhitespace();
    if (!peek(expected)) {
      throw error(
          position >= input.length()
              ? "expected '" + expected + "' but the type ended"
              : "expected '" + expected + "' but found '" + input.charAt(position) + "'");
    }
    position++;
  }

  private boolean consume(char expected) {
    skipWhitespace();
    if (peek(expected)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean peek(char expected) {
    return position < input.length() && input.charAt(position) == expected;
  }

  private int skipWhitespaceAndMark() {
    skipWhitespace();
    return position;
  }

  private void skipWhitespace() {
    while (position < input.length() && Character.isWhitespace(input.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(problem + " at position " + position);
  }
}
