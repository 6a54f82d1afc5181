package dev.schemadrift.bench;

import dev.schemadrift.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts Glue/Hive columns to an Iceberg {@link Schema} so that Iceberg's own compatibility check
 * can judge a contract/table pair. Iceberg matches fields by id, not by name: ids are handed out by
 * field path from a map shared by both sides, so same-named fields get the same id (the most
 * favourable assignment for Iceberg). {@code char}/{@code varchar} become {@code string} and {@code
 * tinyint}/{@code smallint} become {@code int}: Iceberg has no such types.
 */
final class IcebergSchemas {
  private final Map<String, Integer> ids = new HashMap<>();

  /**
   * Converts both sides with one id map; type strings are read with the product's parser, without
   * its cache.
   */
  static Schema[] convert(List<String[]> expected, List<String[]> actual) {
    IcebergSchemas conversion = new IcebergSchemas();
    return new Schema[] {conversion.schema(expected), conversion.schema(actual)};
  }

  private Schema schema(List<String[]> columns) {
    List<Types.NestedField> fields = new ArrayList<>(columns.size());
    for (String[] column : columns) {
      DataType type = dev.schemadrift.type.TypeParser.parseUncached(column[1]);
      fields.add(Types.NestedField.optional(id(column[0]), column[0], type(column[0], type)));
    }
    return new Schema(fields);
  }

  private int id(String path) {
    return ids.computeIfAbsent(path, key -> ids.size() + 1);
  }

  private Type type(String path, DataType type) {
    return switch (type) {
      case DataType.Primitive primitive ->
          switch (primitive.kind()) {
            case BOOLEAN -> Types.BooleanType.get();
            case TINYINT, SMALLINT, INT -> Types.IntegerType.get();
            case BIGINT -> Types.LongType.get();
            case FLOAT -> Types.FloatType.get();
            case DOUBLE -> Types.DoubleType.get();
            case STRING -> Types.StringType.get();
            case BINARY -> Types.BinaryType.get();
            case DATE -> Types.DateType.get();
            case TIMESTAMP -> Types.TimestampType.withoutZone();
          };
      case DataType.Decimal decimal -> Types.DecimalType.of(decimal.precision(), decimal.scale());
      case DataType.Char ignored -> Types.StringType.get();
      case DataType.Varchar ignored -> Types.StringType.get();
      case DataType.Array array ->
          Types.ListType.ofOptional(id(path + "[]"), type(path + "[]", array.element()));
      case DataType.Map map ->
          Types.MapType.ofOptional(
              id(path + "{key}"),
              id(path + "{value}"),
              type(path + "{key}", map.key()),
              type(path + "{value}", map.value()));
      case DataType.Struct struct -> {
        List<Types.NestedField> fields = new ArrayList<>(struct.fields().size());
        for (DataType.Field field : struct.fields()) {
          String fieldPath = path + "." + field.name();
          fields.add(
              Types.NestedField.optional(
                  id(fieldPath), field.name(), type(fieldPath, field.type())));
        }
        yield Types.StructType.of(fields);
      }
      case DataType.Union ignored -> Types.StringType.get();
    };
  }
}
