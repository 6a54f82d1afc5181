package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.PrimitiveKind;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one ODCS property (a column, a struct field, an array's items, a map's key or value) into a
 * Glue type. The physical type wins when it is a Glue type; bare container words are completed from
 * the nested description; otherwise the logical type decides. Every rule is listed in
 * docs/CONTRACTS.md.
 */
final class OdcsTypes {
  private static final DataType STRING = new DataType.Primitive(PrimitiveKind.STRING);

  /** Athena and Trino spell Iceberg timestamps with a precision; Glue stores plain timestamp. */
  private static final Pattern TIMESTAMP_WITH_PRECISION =
      Pattern.compile("timestamp\\s*\\(\\s*\\d{1,2}\\s*\\)");

  /** The logical types of ODCS v3.0–v3.2 that have a Glue counterpart. */
  enum LogicalType {
    STRING,
    DATE,
    TIMESTAMP,
    TIME,
    NUMBER,
    INTEGER,
    OBJECT,
    ARRAY,
    BOOLEAN,
    MAP;

    static LogicalType of(String spelling) {
      return Spelling.ANY_CASE.parse(LogicalType.class, spelling).orElse(null);
    }

    String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String source;
  private final Problems problems;
  private final List<Problem> notes;
  private final boolean standInTypes;

  OdcsTypes(String source, Problems problems, List<Problem> notes, boolean standInTypes) {
    this.source = source;
    this.problems = problems;
    this.notes = notes;
    this.standInTypes = standInTypes;
  }

  /** The Glue type of a property, or null when a problem was recorded. */
  DataType type(StrictObject property) {
    String physical = property.optionalString("physicalType");
    String logical = property.optionalString("logicalType");
    if (physical != null) {
      if (physical.isBlank()) {
        problems.add(property.childPath("physicalType"), "must not be empty");
        return null;
      }
      return physicalType(property, physical.strip(), logical);
    }
    if (logical != null) {
      return logicalType(property, logical);
    }
    if (absent(property.field("physicalType")) && absent(property.field("logicalType"))) {
      problems.add(property.path(), "needs a physicalType (a Glue type) or a logicalType");
    }
    return null;
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** A node's text, or null when it is missing or not a string (ODCS allows anything there). */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private DataType physicalType(StrictObject property, String physical, String logical) {
    String at = property.childPath("physicalType");
    String word = physical.toLowerCase(Locale.ROOT);
    switch (word) {
      case "struct", "object" -> {
        return struct(property, at, word);
      }
      case "array" -> {
        return array(property, at, word);
      }
      case "map" -> {
        return map(property, at, word);
      }
      case "decimal", "numeric", "dec" -> {
        return decimal(property);
      }
      case "varchar" -> {
        // Athena's and Trino's unbounded varchar is what Glue and Hive call string.
        Integer length = maxLength(property, DataType.Varchar.MAX_LENGTH);
        return length == null ? STRING : new DataType.Varchar(length);
      }
      case "char" -> {
        Integer length = maxLength(property, DataType.Char.MAX_LENGTH);
        if (length == null) {
          problems.add(
              at, "char needs a length: write char(n) or give logicalTypeOptions.maxLength");
          return null;
        }
        return new DataType.Char(length);
      }
      default -> {
        // Other words are full type strings, handled below.
      }
    }
    if (TIMESTAMP_WITH_PRECISION.matcher(word).matches()) {
      return new DataType.Primitive(PrimitiveKind.TIMESTAMP);
    }
    try {
      return TypeParser.parse(physical);
    } catch (TypeParseException e) {
      if (logical == null) {
        problems.add(
            at,
            "'"
                + physical
                + "' is not a Glue type ("
                + e.getMessage()
                + ") and there is no logicalType to fall back on");
        return null;
      }
      // The fallback's own notes (stand-ins) go after the one that explains the fallback.
      int noteIndex = notes.size();
      DataType fallback = logicalType(property, logical);
      if (fallback != null) {
        notes.add(
            noteIndex,
            new Problem(
                source,
                at,
                "'"
                    + physical
                    + "' is not a Glue type; logicalType "
                    + logical
                    + " gives "
                    + fallback.canonical()));
      }
      return fallback;
    }
  }

  private DataType logicalType(StrictObject property, String logical) {
    String at = property.childPath("logicalType");
    LogicalType kind = LogicalType.of(logical.strip());
    if (kind == null) {
      List<String> known = new ArrayList<>();
      for (LogicalType type : LogicalType.values()) {
        known.add(type.spelling());
      }
      problems.add(
          at,
          "unknown logicalType '"
              + logical
              + "'; expected one of "
              + String.join(", ", known)
              + " (or a Glue physicalType)");
      return null;
    }
    return switch (kind) {
      case STRING -> STRING;
      case DATE -> new DataType.Primitive(PrimitiveKind.DATE);
      case TIMESTAMP -> new DataType.Primitive(PrimitiveKind.TIMESTAMP);
      case BOOLEAN -> new DataType.Primitive(PrimitiveKind.BOOLEAN);
      case TIME ->
          standIn(
              at,
              "Glue has no time type",
              STRING,
              "write the physicalType the table uses, e.g. string");
      case INTEGER -> integer(property);
      case NUMBER -> number(property);
      case OBJECT -> struct(property, at, "object");
      case ARRAY -> array(property, at, "array");
      case MAP -> map(property, at, "map");
    };
  }

  /** logicalTypeOptions.format follows Rust's integer names; ODCS's default is i32. */
  private DataType integer(StrictObject property) {
    StrictObject options = property.optionalObject("logicalTypeOptions");
    String format = options == null ? null : options.optionalString("format");
    if (format == null) {
      return new DataType.Primitive(PrimitiveKind.INT);
    }
    String at = options.childPath("format");
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "i8" -> new DataType.Primitive(PrimitiveKind.TINYINT);
      case "i16", "u8" -> new DataType.Primitive(PrimitiveKind.SMALLINT);
      case "i32", "u16" -> new DataType.Primitive(PrimitiveKind.INT);
      case "i64", "u32" -> new DataType.Primitive(PrimitiveKind.BIGINT);
      // 2^64 - 1 has 20 digits: only a decimal holds every u64.
      case "u64" -> new DataType.Decimal(20, 0);
      case "i128", "u128" -> {
        problems.add(
            at,
            "no Glue type holds every " + format + " value; write a physicalType such as bigint");
        yield null;
      }
      default -> {
        problems.add(
            at, "unknown integer format '" + format + "'; expected i8 … i128 or u8 … u128");
        yield null;
      }
    };
  }

  /** A number with precision (custom properties) is a decimal; else f32 is float, f64 double. */
  private DataType number(StrictObject property) {
    if (OdcsCustomProperty.find(property, "precision") != null
        || OdcsCustomProperty.find(property, "scale") != null) {
      return decimal(property);
    }
    StrictObject options = property.optionalObject("logicalTypeOptions");
    String format = options == null ? null : options.optionalString("format");
    if (format == null) {
      return new DataType.Primitive(PrimitiveKind.DOUBLE);
    }
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "f32" -> new DataType.Primitive(PrimitiveKind.FLOAT);
      case "f64" -> new DataType.Primitive(PrimitiveKind.DOUBLE);
      default -> {
        problems.add(
            options.childPath("format"),
            "unknown number format '" + format + "'; expected f32 or f64");
        yield null;
      }
    };
  }

  /**
   * Precision and scale come from custom properties (as datacontract-cli writes them); without them
   * a bare decimal is Hive's decimal(10,0), the same reading the type parser gives.
   */
  private DataType decimal(StrictObject property) {
    OdcsCustomProperty precision = OdcsCustomProperty.find(property, "precision");
    OdcsCustomProperty scale = OdcsCustomProperty.find(property, "scale");
    if (precision == null && scale == null) {
      return new DataType.Decimal(10, 0);
    }
    if (precision == null) {
      problems.add(scale.path(), "a scale needs a precision (custom property precision)");
      return null;
    }
    Integer digits = wholeNumber(precision);
    Integer places = scale == null ? Integer.valueOf(0) : wholeNumber(scale);
    if (digits == null || places == null) {
      return null;
    }
    if (digits < 1 || digits > DataType.Decimal.MAX_PRECISION) {
      problems.add(
          precision.path(), "decimal precision must be 1.." + DataType.Decimal.MAX_PRECISION);
      return null;
    }
    if (places < 0 || places > digits) {
      problems.add(scale.path(), "decimal scale must be 0.." + digits + " (the precision)");
      return null;
    }
    return new DataType.Decimal(digits, places);
  }

  private DataType struct(StrictObject property, String at, String word) {
    JsonNode list = property.field("properties");
    if (absent(list) || list.isArray() && list.isEmpty()) {
      return standIn(
          at,
          "'" + word + "' without properties gives no fields",
          STRING,
          "list the fields under properties or write struct<name:type,...>");
    }
    if (!list.isArray()) {
      problems.add(
          property.childPath("properties"),
          "expected an array but found " + StrictObject.describe(list));
      return null;
    }
    List<DataType.Field> fields = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    boolean complete = true;
    for (int index = 0; index < list.size(); index++) {
      String path = property.childPath("properties") + "[" + index + "]";
      StrictObject field = StrictObject.of(list.get(index), path, problems);
      if (field == null) {
        complete = false;
        continue;
      }
      Named name = name(field);
      DataType type = type(field);
      if (Boolean.TRUE.equals(field.optionalBoolean("partitioned"))) {
        problems.add(
            field.childPath("partitioned"), "only a top-level property can be a partition key");
      }
      if (name == null || type == null) {
        complete = false;
        continue;
      }
      // Hive resolves struct fields ignoring case, so two spellings of one name clash.
      String earlier = seen.putIfAbsent(name.name().toLowerCase(Locale.ROOT), name.path());
      if (earlier != null) {
        problems.add(
            name.path(),
            "duplicate field '"
                + name.name()
                + "' (compared ignoring case; first at "
                + earlier
                + ")");
        complete = false;
        continue;
      }
      fields.add(new DataType.Field(name.name(), type));
    }
    return complete ? new DataType.Struct(fields) : null;
  }

  private DataType array(StrictObject property, String at, String word) {
    if (absent(property.field("items"))) {
      return standIn(
          at,
          "'" + word + "' without items gives no element type",
          new DataType.Array(STRING),
          "describe the element under items or write array<type>");
    }
    StrictObject items = property.optionalObject("items");
    if (items == null) {
      return null;
    }
    DataType element = type(items);
    return element == null ? null : new DataType.Array(element);
  }

  /** ODCS v3.2 describes a map's key and value under map; older documents cannot say them. */
  private DataType map(StrictObject property, String at, String word) {
    if (absent(property.field("map"))) {
      return standIn(
          at,
          "'" + word + "' without map.key and map.value gives no key or value type",
          new DataType.Map(STRING, STRING),
          "write the Glue type, e.g. map<string,int>, or describe map.key and map.value");
    }
    StrictObject map = property.optionalObject("map");
    if (map == null) {
      return null;
    }
    StrictObject keyObject = map.optionalObject("key");
    StrictObject valueObject = map.optionalObject("value");
    if (absent(map.field("key"))) {
      problems.add(map.childPath("key"), "required field is missing");
    }
    if (absent(map.field("value"))) {
      problems.add(map.childPath("value"), "required field is missing");
    }
    DataType key = keyObject == null ? null : type(keyObject);
    DataType value = valueObject == null ? null : type(valueObject);
    if (key != null && !ContractConstraints.isPrimitive(key)) {
      problems.add(keyObject.path(), "a map key needs a primitive type, not " + key.canonical());
      return null;
    }
    return key == null || value == null ? null : new DataType.Map(key, value);
  }

  private Integer maxLength(StrictObject property, int max) {
    StrictObject options = property.optionalObject("logicalTypeOptions");
    if (options == null) {
      return null;
    }
    Integer length = options.optionalInteger("maxLength");
    if (length != null && (length < 1 || length > max)) {
      problems.add(options.childPath("maxLength"), "must be 1.." + max + " for this type");
      return null;
    }
    return length;
  }

  /**
   * Where the document leaves a type open, string stands in only when the caller allowed it (and a
   * note says so); otherwise it is a problem, because a guessed type makes drift findings that
   * nobody promised.
   */
  private DataType standIn(String at, String gap, DataType standIn, String advice) {
    if (standInTypes) {
      note(at, gap + "; " + standIn.canonical() + " stands in");
      return standIn;
    }
    problems.add(
        at,
        gap
            + "; "
            + advice
            + " (or allow stand-in types to read it as "
            + standIn.canonical()
            + ")");
    return null;
  }

  private void note(String at, String message) {
    notes.add(new Problem(source, at, message));
  }

  /** A name and the path it was read from, for messages. */
  record Named(String name, String path) {}

  /** physicalName when present (it is what Glue holds), else name; null when invalid. */
  Named name(StrictObject property) {
    String field = absent(property.field("physicalName")) ? "name" : "physicalName";
    String name = property.requiredString(field);
    if (name == null) {
      return null;
    }
    String problem = ContractConstraints.columnNameProblem(name);
    if (problem != null) {
      problems.add(property.childPath(field), problem);
      return null;
    }
    return new Named(name, property.childPath(field));
  }

  private Integer wholeNumber(OdcsCustomProperty value) {
    JsonNode node = value.value();
    if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node != null && node.isTextual() && node.textValue().strip().matches("\\d{1,9}")) {
      return Integer.parseInt(node.textValue().strip());
    }
    problems.add(value.path(), "expected a whole number but found " + StrictObject.describe(node));
    return null;
  }
}
