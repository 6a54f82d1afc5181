package dev.schemadrift.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code aws glue get-table} and {@code get-tables} print ({@code {"Table": …}}, {@code
 * {"TableList": […]}}) or a bare table object. Unknown fields are ignored: AWS adds fields over
 * time, and the monitor reads only what it compares.
 */
public final class GlueTableReader {
  /** The largest Glue JSON read ({@code get-table} output or a snapshot file). */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

  private GlueTableReader() {}

  /** Every table in the document, in document order. */
  public static List<GlueTable> read(String source, byte[] json) {
    Json.refuseAbove(source, json, MAX_BYTES);
    JsonNode root = Json.readTree(source, json);
    List<Problem> problems = new ArrayList<>();
    List<GlueTable> tables = new ArrayList<>();
    if (root.has("TableList")) {
      JsonNode list = root.get("TableList");
      if (!list.isArray()) {
        problems.add(new Problem(source, "$.TableList", "expected an array"));
      } else {
        for (int index = 0; index < list.size(); index++) {
          GlueTable table = table(source, list.get(index), "$.TableList[" + index + "]", problems);
          if (table != null) {
            tables.add(table);
          }
        }
      }
    } else {
      JsonNode node = root.has("Table") ? root.get("Table") : root;
      GlueTable table = table(source, node, root.has("Table") ? "$.Table" : "$", problems);
      if (table != null) {
        tables.add(table);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    return tables;
  }

  /** Exactly one table, as {@code get-table} prints it. */
  public static GlueTable readOne(String source, byte[] json) {
    List<GlueTable> tables = read(source, json);
    if (tables.size() != 1) {
      throw new InvalidDocumentException(
          List.of(new Problem(source, "$", "expected one table but found " + tables.size())));
    }
    return tables.getFirst();
  }

  private static GlueTable table(
      String source, JsonNode node, String path, List<Problem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Problem(source, path, "expected a Glue table object"));
      return null;
    }
    String name = text(node, "Name");
    String database = text(node, "DatabaseName");
    if (name == null) {
      problems.add(new Problem(source, path + ".Name", "required field is missing"));
    }
    if (database == null) {
      problems.add(new Problem(source, path + ".DatabaseName", "required field is missing"));
    }
    JsonNode storage = node.get("StorageDescriptor");
    boolean hasStorage = storage != null && storage.isObject();
    List<GlueColumn> columns =
        hasStorage
            ? columns(source, storage.get("Columns"), path + ".StorageDescriptor.Columns", problems)
            : List.of();
    List<GlueColumn> partitionKeys =
        columns(source, node.get("PartitionKeys"), path + ".PartitionKeys", problems);
    JsonNode serde = hasStorage ? storage.get("SerdeInfo") : null;
    String updateTime = time(source, node.get("UpdateTime"), path + ".UpdateTime", problems);
    if (name == null || database == null) {
      return null;
    }
    return new GlueTable(
        database,
        name,
        text(node, "TableType"),
        strings(node.get("Parameters")),
        columns,
        partitionKeys,
        hasStorage ? text(storage, "Location") : null,
        hasStorage ? text(storage, "InputFormat") : null,
        hasStorage ? text(storage, "OutputFormat") : null,
        serde != null ? text(serde, "SerializationLibrary") : null,
        serde != null ? strings(serde.get("Parameters")) : Map.of(),
        hasStorage,
        text(node, "VersionId"),
        updateTime);
  }

  static List<GlueColumn> columns(
      String source, JsonNode list, String path, List<Problem> problems) {
    List<GlueColumn> columns = new ArrayList<>();
    if (list == null || list.isNull()) {
      return columns;
    }
    if (!list.isArray()) {
      problems.add(new Problem(source, path, "expected an array"));
      return columns;
    }
    for (int index = 0; index < list.size(); index++) {
      JsonNode column = list.get(index);
      String name = text(column, "Name");
      String type = text(column, "Type");
      if (name == null) {
        problems.add(
            new Problem(source, path + "[" + index + "].Name", "required field is missing"));
        continue;
      }
      if (type == null) {
        problems.add(
            new Problem(
                source, path + "[" + index + "].Type", "column '" + name + "' has no type"));
        continue;
      }
      columns.add(
          new GlueColumn(name, type, text(column, "Comment"), strings(column.get("Parameters"))));
    }
    return columns;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    }
    return map;
  }

  /**
   * The CLI prints ISO times with an offset, the raw API epoch seconds: both become UTC ISO. A
   * number no instant can hold (1e400, -1e19) is a problem of the table, not an exception out of
   * the reader.
   */
  static String time(String source, JsonNode value, String path, List<Problem> problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      try {
        BigDecimal seconds = value.decimalValue();
        // Compared before any conversion: 1e1000000000 must not become a billion-digit integer.
        if (seconds.compareTo(MIN_SECONDS) >= 0 && seconds.compareTo(MAX_SECONDS) <= 0) {
          long whole = seconds.longValue();
          int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
          return Instant.ofEpochSecond(whole, nanos).toString();
        }
      } catch (NumberFormatException | DateTimeException e) {
        // An infinite double (1e400 read as a double), or a fraction past Instant.MAX.
      }
      problems.add(
          new Problem(
              source,
              path,
              "epoch seconds " + value + " are out of range for a time (years -1e9 to 1e9)"));
      return null;
    }
    String text = value.asText();
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
