package dev.schemadrift.type;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads Glue/Hive type strings into {@link DataType}s. Keywords are case-insensitive, whitespace
 * between tokens is ignored and synonyms are folded ({@code integer} = {@code int}, bare {@code
 * decimal} = {@code decimal(10,0)}), so that spelling never shows up as drift.
 *
 * <p>One pass over the input with recursion bounded by {@link #MAX_NESTING}: time is linear in the
 * length and the stack stays small however the input is built. Keywords are matched in place,
 * without a substring per word.
 *
 * <p>{@link #parse} remembers what it read, keyed by the exact type string: Glue tables repeat the
 * same few type strings across columns and tables, and a {@link DataType} is immutable, so a string
 * seen before costs one hash lookup. The cache is bounded ({@link #CACHE_ENTRIES} strings, {@link
 * #CACHE_CHARACTERS} characters of keys) and starts over when full; strings that fail to parse are
 * never cached.
 */
public final class TypeParser {
  /** Deeper nesting is rejected; Glue's real tables stay far below it. */
  public static final int MAX_NESTING = 1024;

  /** At most this many type strings are remembered. */
  public static final int CACHE_ENTRIES = 16_384;

  /** At most this many characters of type strings are remembered (about 8 MB). */
  public static final long CACHE_CHARACTERS = 4_000_000;

  private static final ConcurrentHashMap<String, DataType> CACHE = new ConcurrentHashMap<>();
  private static final AtomicLong CACHED_CHARACTERS = new AtomicLong();

  /** The primitives are values without state: one instance each. */
  private static final DataType.Primitive[] PRIMITIVES = primitives();

  private final String input;

  /**
   * The input's characters: an array element is one bytecode, where {@code String.charAt} is a few
   * calls deep. The difference is small in compiled code but large in the interpreter, which runs
   * the first parses of a fresh JVM.
   */
  private final char[] chars;

  private int position;
  private int nesting;

  private TypeParser(String input) {
    this.input = input;
    this.chars = input.toCharArray();
  }

  /**
   * Parses one complete type string, or throws {@link TypeParseException} naming the position. The
   * result may be shared with earlier calls for the same string.
   */
  public static DataType parse(String typeString) {
    if (typeString == null) {
      throw new TypeParseException("", 0, "missing type");
    }
    DataType cached = CACHE.get(typeString);
    if (cached != null) {
      return cached;
    }
    DataType parsed = parseUncached(typeString);
    remember(typeString, parsed);
    return parsed;
  }

  /** Parses without consulting or filling the cache (measurements, one-off strings). */
  public static DataType parseUncached(String typeString) {
    if (typeString == null) {
      throw new TypeParseException("", 0, "missing type");
    }
    TypeParser parser = new TypeParser(typeString);
    DataType type = parser.type();
    parser.skipWhitespace();
    if (parser.position < typeString.length()) {
      throw parser.error("unexpected '" + typeString.charAt(parser.position) + "' after the type");
    }
    return type;
  }

  /**
   * Remembers a parsed string. When the cache is full it starts over: simpler and cheaper than
   * tracking recency, and a run touches far fewer distinct strings than the bound.
   */
  private static void remember(String typeString, DataType type) {
    if (typeString.length() > CACHE_CHARACTERS) {
      return;
    }
    if (CACHE.size() >= CACHE_ENTRIES
        || CACHED_CHARACTERS.get() + typeString.length() > CACHE_CHARACTERS) {
      CACHE.clear();
      CACHED_CHARACTERS.set(0);
    }
    if (CACHE.putIfAbsent(typeString, type) == null) {
      CACHED_CHARACTERS.addAndGet(typeString.length());
    }
  }

  /** Forgets every remembered type string (measurements of a cold cache, tests). */
  public static void clearCache() {
    CACHE.clear();
    CACHED_CHARACTERS.set(0);
  }

  private static DataType.Primitive[] primitives() {
    PrimitiveKind[] kinds = PrimitiveKind.values();
    DataType.Primitive[] primitives = new DataType.Primitive[kinds.length];
    for (PrimitiveKind kind : kinds) {
      primitives[kind.ordinal()] = new DataType.Primitive(kind);
    }
    return primitives;
  }

  private DataType type() {
    skipWhitespace();
    int start = position;
    int end = wordEnd();
    if (end == start) {
      throw error(position >= chars.length ? "missing type" : "expected a type name");
    }
    position = end;
    // Dispatch on the length first, then compare in place: no substring, no lower-casing.
    switch (end - start) {
      case 3 -> {
        if (keyword(start, "int")) {
          return primitive(PrimitiveKind.INT);
        }
        if (keyword(start, "map")) {
          return map();
        }
        if (keyword(start, "dec")) {
          return decimal();
        }
      }
      case 4 -> {
        if (keyword(start, "date")) {
          return primitive(PrimitiveKind.DATE);
        }
        if (keyword(start, "char")) {
          return new DataType.Char(length(start, "char", DataType.Char.MAX_LENGTH));
        }
      }
      case 5 -> {
        if (keyword(start, "array")) {
          return array();
        }
        if (keyword(start, "float")) {
          return primitive(PrimitiveKind.FLOAT);
        }
      }
      case 6 -> {
        if (keyword(start, "string")) {
          return primitive(PrimitiveKind.STRING);
        }
        if (keyword(start, "bigint")) {
          return primitive(PrimitiveKind.BIGINT);
        }
        if (keyword(start, "struct")) {
          return struct();
        }
        if (keyword(start, "double")) {
          return doublePrecision();
        }
        if (keyword(start, "binary")) {
          return primitive(PrimitiveKind.BINARY);
        }
      }
      case 7 -> {
        if (keyword(start, "decimal")) {
          return decimal();
        }
        if (keyword(start, "varchar")) {
          return new DataType.Varchar(length(start, "varchar", DataType.Varchar.MAX_LENGTH));
        }
        if (keyword(start, "boolean")) {
          return primitive(PrimitiveKind.BOOLEAN);
        }
        if (keyword(start, "tinyint")) {
          return primitive(PrimitiveKind.TINYINT);
        }
        if (keyword(start, "integer")) {
          return primitive(PrimitiveKind.INT);
        }
        if (keyword(start, "numeric")) {
          return decimal();
        }
      }
      case 8 -> {
        if (keyword(start, "smallint")) {
          return primitive(PrimitiveKind.SMALLINT);
        }
      }
      case 9 -> {
        if (keyword(start, "timestamp")) {
          return primitive(PrimitiveKind.TIMESTAMP);
        }
        if (keyword(start, "uniontype")) {
          return union();
        }
      }
      default -> {
        // No keyword has another length.
      }
    }
    position = start;
    throw error("unknown type '" + input.substring(start, end) + "'");
  }

  /**
   * Whether the input at {@code start} spells the lower-case keyword, ignoring ASCII case only (as
   * lower-casing with {@code Locale.ROOT} did: no other letter folds onto a keyword's letters).
   */
  private boolean keyword(int start, String keyword) {
    for (int index = 0; index < keyword.length(); index++) {
      char c = chars[start + index];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != keyword.charAt(index)) {
        return false;
      }
    }
    return true;
  }

  private static DataType primitive(PrimitiveKind kind) {
    return PRIMITIVES[kind.ordinal()];
  }

  /** {@code double precision} is the SQL spelling of {@code double}. */
  private DataType doublePrecision() {
    int afterDouble = position;
    skipWhitespace();
    int start = position;
    int end = wordEnd();
    if (end - start == "precision".length()
        && input.regionMatches(true, start, "precision", 0, end - start)) {
      position = end;
    } else {
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
        if (position >= chars.length) {
          position = start;
          throw error("unterminated back-quoted field name");
        }
        char c = chars[position++];
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
    int length = chars.length;
    while (position < length) {
      char c = chars[position];
      if (c == ':') {
        break;
      }
      if (c == '<' || c == '>' || c == ',' || c == '`') {
        throw error(
            start == position ? "expected a field name" : "unexpected '" + c + "' in a field name");
      }
      position++;
    }
    // Trailing white space only: the leading white space was skipped above.
    int end = position;
    while (end > start && Character.isWhitespace(chars[end - 1])) {
      end--;
    }
    if (end == start) {
      throw error("expected a field name");
    }
    return input.substring(start, end);
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

  /** The end of the word (letters, digits, '_') starting at the current position. */
  private int wordEnd() {
    int end = position;
    int length = chars.length;
    while (end < length) {
      char c = chars[end];
      boolean wordCharacter =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || (c > 127 && Character.isLetterOrDigit(c));
      if (!wordCharacter) {
        break;
      }
      end++;
    }
    return end;
  }

  private int number(String what) {
    int start = position;
    long value = 0;
    while (position < chars.length && chars[position] >= '0' && chars[position] <= '9') {
      value = Math.min(value * 10 + (chars[position] - '0'), Integer.MAX_VALUE);
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
          position >= chars.length
              ? "expected '" + expected + "' but the type ended"
              : "expected '" + expected + "' but found '" + chars[position] + "'");
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
    return position < chars.length && chars[position] == expected;
  }

  private int skipWhitespaceAndMark() {
    skipWhitespace();
    return position;
  }

  private void skipWhitespace() {
    int length = chars.length;
    while (position < length) {
      char c = chars[position];
      // Printable ASCII is never white space: skip the general test for it.
      if (c > ' ' && c < 127 || !Character.isWhitespace(c)) {
        return;
      }
      position++;
    }
  }

  private TypeParseException error(String problem) {
    return new TypeParseException(input, position, problem);
  }
}
