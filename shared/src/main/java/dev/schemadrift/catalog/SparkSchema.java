package dev.schemadrift.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problem;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.PrimitiveKind;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's StructType JSON (a datasource table's {@code spark.sql.sources.schema}, a Delta {@code
 * metaData.schemaString}) read as the Glue columns a Hive-compatible registration would hold: Spark
 * types become Hive type strings, top-level names are folded to lower case as Glue folds them, and
 * nullability ({@code nullable}, {@code containsNull}, {@code valueContainsNull}) is dropped
 * because Glue has none.
 */
public final class SparkSchema {
  /**
   * The field metadata key in which Spark (3.1 and later) keeps a {@code char(n)} or {@code
   * varchar(n)} type that it stores as {@code string}.
   */
  static final String CHAR_VARCHAR_METADATA = "__CHAR_VARCHAR_TYPE_STRING";

  private SparkSchema() {}

  /**
   * The top-level fields as Glue columns, in schema order.
   *
   * @param source how problems name the text (a table parameter, a Delta commit file)
   * @throws InvalidDocumentException when the text is not JSON, not a struct, or holds a type that
   *     has no Hive counterpart; every problem names its JSON path
   */
  public static List<GlueColumn> columns(String source, String json) {
    JsonNode root = Json.readTree(source, json.getBytes(StandardCharsets.UTF_8));
    List<Problem> problems = new ArrayList<>();
    List<GlueColumn> columns = new ArrayList<>();
    if (!"struct".equals(root.path("type").asText(null)) || !root.path("fields").isArray()) {
      problems.add(
          new Problem(
              source, "$", "expected a Spark StructType: {\"type\":\"struct\",\"fields\":[…]}"));
    } else {
      JsonNode fields = root.get("fields");
      for (int index = 0; index < fields.size(); index++) {
        String path = "$.fields[" + index + "]";
        JsonNode field = fields.get(index);
        String name = name(source, field, path, problems);
        DataType type = fieldType(source, field, path, problems);
        if (name != null && type != null) {
          String comment = field.path("metadata").path("comment").asText(null);
          columns.add(
              new GlueColumn(name.toLowerCase(Locale.ROOT), type.canonical(), comment, Map.of()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    return columns;
  }

  private static String name(String source, JsonNode field, String path, List<Problem> problems) {
    JsonNode name = field.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      problems.add(new Problem(source, path + ".name", "a field needs a non-empty name"));
      return null;
    }
    return name.asText();
  }

  /** The field's type, or its char/varchar type when Spark kept one in the metadata. */
  private static DataType fieldType(
      String source, JsonNode field, String path, List<Problem> problems) {
    JsonNode declared = field.path("metadata").get(CHAR_VARCHAR_METADATA);
    if (declared != null && declared.isTextual()) {
      try {
        return TypeParser.parse(declared.asText());
      } catch (TypeParseException e) {
        problems.add(
            new Problem(
                source,
                path + ".metadata." + CHAR_VARCHAR_METADATA,
                "not a valid type: " + e.getMessage()));
        return null;
      }
    }
    return type(source, field.get("type"), path + ".type", problems);
  }

  private static DataType type(String source, JsonNode type, String path, List<Problem> problems) {
    if (type == null) {
      problems.add(new Problem(source, path, "required field is missing"));
      return null;
    }
    if (type.isTextual()) {
      return primitive(source, type.asText(), path, problems);
    }
    String kind = type.path("type").asText("");
    switch (kind) {
      case "struct" -> {
        JsonNode fields = type.get("fields");
        if (fields == null || !fields.isArray()) {
          problems.add(new Problem(source, path + ".fields", "a struct needs a fields array"));
          return null;
        }
        List<DataType.Field> children = new ArrayList<>(fields.size());
        for (int index = 0; index < fields.size(); index++) {
          String fieldPath = path + ".fields[" + index + "]";
          JsonNode field = fields.get(index);
          String name = name(source, field, fieldPath, problems);
          DataType child = fieldType(source, field, fieldPath, problems);
          if (name != null && child != null) {
            children.add(new DataType.Field(name, child));
          }
        }
        return children.size() == fields.size() ? new DataType.Struct(children) : null;
      }
      case "array" -> {
        DataType element = type(source, type.get("elementType"), path + ".elementType", problems);
        return element == null ? null : new DataType.Array(element);
      }
      case "map" -> {
        DataType key = type(source, type.get("keyType"), path + ".keyType", problems);
        DataType value = type(source, type.get("valueType"), path + ".valueType", problems);
        return key == null || value == null ? null : new DataType.Map(key, value);
      }
      default -> {
        problems.add(
            new Problem(
                source,
                path,
                "unknown Spark type "
                    + (kind.isEmpty() ? type.toString() : "'" + kind + "'")
                    + " (expected struct, array or map)"));
        return null;
      }
    }
  }

  /** Spark's name of a leaf type, as Hive spells it; null (with a problem) when Hive has none. */
  private static DataType primitive(
      String source, String name, String path, List<Problem> problems) {
    PrimitiveKind kind =
        switch (name) {
          case "string" -> PrimitiveKind.STRING;
          case "integer" -> PrimitiveKind.INT;
          case "long" -> PrimitiveKind.BIGINT;
          case "short" -> PrimitiveKind.SMALLINT;
          case "byte" -> PrimitiveKind.TINYINT;
          case "float" -> PrimitiveKind.FLOAT;
          case "double" -> PrimitiveKind.DOUBLE;
          case "boolean" -> PrimitiveKind.BOOLEAN;
          case "binary" -> PrimitiveKind.BINARY;
          case "date" -> PrimitiveKind.DATE;
          // Hive's timestamp has no time zone: it is what Spark calls timestamp_ntz, and what
          // Spark's own Hive-compatible registration writes for both.
          case "timestamp", "timestamp_ntz" -> PrimitiveKind.TIMESTAMP;
          default -> null;
        };
    if (kind != null) {
      return new DataType.Primitive(kind);
    }
    if (name.startsWith("decimal") || name.startsWith("char(") || name.startsWith("varchar(")) {
      try {
        return TypeParser.parse(name);
      } catch (TypeParseException e) {
        problems.add(new Problem(source, path, "not a valid type: " + e.getMessage()));
        return null;
      }
    }
    problems.add(
        new Problem(
            source, path, "unknown Spark type '" + name + "': it has no Hive/Glue counterpart"));
    return null;
  }
}
