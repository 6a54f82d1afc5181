package dev.schemadrift.bench;

import dev.schemadrift.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Converts Glue/Hive columns to an Avro record {@link Schema} so that Avro's reader/writer
 * compatibility check can judge a contract/table pair. Records are named after their path (Avro
 * needs unique names); {@code decimal} is {@code bytes} with the decimal logical type, {@code
 * char}/{@code varchar} are {@code string}, {@code date} and {@code timestamp} are {@code int} and
 * {@code long} with logical types; a map with a non-string key becomes an array of key/value
 * records. Fields are not wrapped in null unions: nullability is not what is measured here.
 */
final class AvroSchemas {
  private AvroSchemas() {}

  /** Converts one side; type strings are read with the product's parser, without its cache. */
  static Schema convert(List<String[]> columns) {
    List<Schema.Field> fields = new ArrayList<>(columns.size());
    for (String[] column : columns) {
      DataType type = dev.schemadrift.type.TypeParser.parseUncached(column[1]);
      fields.add(new Schema.Field(column[0], schema(column[0], type)));
    }
    return Schema.createRecord("wide", null, "bench", false, fields);
  }

  private static Schema schema(String path, DataType type) {
    return switch (type) {
      case DataType.Primitive primitive ->
          switch (primitive.kind()) {
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case TINYINT, SMALLINT, INT -> Schema.create(Schema.Type.INT);
            case BIGINT -> Schema.create(Schema.Type.LONG);
            case FLOAT -> Schema.create(Schema.Type.FLOAT);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case STRING -> Schema.create(Schema.Type.STRING);
            case BINARY -> Schema.create(Schema.Type.BYTES);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP ->
                LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
          };
      case DataType.Decimal decimal ->
          LogicalTypes.decimal(decimal.precision(), decimal.scale())
              .addToSchema(Schema.create(Schema.Type.BYTES));
      case DataType.Char ignored -> Schema.create(Schema.Type.STRING);
      case DataType.Varchar ignored -> Schema.create(Schema.Type.STRING);
      case DataType.Array array -> Schema.createArray(schema(path + "_e", array.element()));
      case DataType.Map map ->
          map.key() instanceof DataType.Primitive key
                  && key.kind() == dev.schemadrift.type.PrimitiveKind.STRING
              ? Schema.createMap(schema(path + "_v", map.value()))
              : Schema.createArray(
                  Schema.createRecord(
                      name(path + "_kv"),
                      null,
                      "bench",
                      false,
                      List.of(
                          new Schema.Field("key", schema(path + "_k", map.key())),
                          new Schema.Field("value", schema(path + "_v", map.value())))));
      case DataType.Struct struct -> {
        List<Schema.Field> fields = new ArrayList<>(struct.fields().size());
        for (DataType.Field field : struct.fields()) {
          fields.add(
              new Schema.Field(field.name(), schema(path + "_" + field.name(), field.type())));
        }
        yield Schema.createRecord(name(path), null, "bench", false, fields);
      }
      case DataType.Union ignored -> Schema.create(Schema.Type.STRING);
    };
  }

  private static String name(String path) {
    return "r_" + path.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
