package dev.schemadrift.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a table the way {@code aws glue get-table} prints it, so snapshots written by the monitor
 * read back with {@link GlueTableReader} and look familiar to people.
 */
public final class GlueTableJson {
  private GlueTableJson() {}

  public static byte[] writeGetTable(GlueTable table) {
    return Json.writePretty(json -> writeGetTable(json, table));
  }

  private static void writeGetTable(JsonGenerator json, GlueTable table) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("Table");
    json.writeStringField("Name", table.name());
    json.writeStringField("DatabaseName", table.databaseName());
    if (table.tableType() != null) {
      json.writeStringField("TableType", table.tableType());
    }
    writeMap(json, "Parameters", table.parameters());
    if (table.hasStorageDescriptor()) {
      writeStorage(
          json,
          table.columns(),
          table.location(),
          table.inputFormat(),
          table.outputFormat(),
          table.serdeLibrary(),
          table.serdeParameters());
    }
    writeColumns(json, "PartitionKeys", table.partitionKeys());
    writeOptional(json, "VersionId", table.versionId());
    writeOptional(json, "UpdateTime", table.updateTime());
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * Writes partitions the way {@code aws glue get-partitions} prints them ({@code {"Partitions":
   * […]}}), so that {@link GluePartitionReader} reads them back equal. {@code extra} writes further
   * fields after the list (the reader ignores them), or is null.
   */
  public static void writePartitions(
      JsonGenerator json, List<GluePartition> partitions, Json.Content extra) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("Partitions");
    for (GluePartition partition : partitions) {
      json.writeStartObject();
      json.writeArrayFieldStart("Values");
      for (String value : partition.values()) {
        json.writeString(value);
      }
      json.writeEndArray();
      if (partition.hasStorageDescriptor()) {
        writeStorage(
            json,
            partition.columns(),
            partition.location(),
            partition.inputFormat(),
            null,
            partition.serdeLibrary(),
            partition.serdeParameters());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    if (extra != null) {
      extra.writeTo(json);
    }
    json.writeEndObject();
  }

  /** A {@code StorageDescriptor}: fields that are null are left out, as Glue leaves them. */
  private static void writeStorage(
      JsonGenerator json,
      List<GlueColumn> columns,
      String location,
      String inputFormat,
      String outputFormat,
      String serdeLibrary,
      Map<String, String> serdeParameters)
      throws IOException {
    json.writeObjectFieldStart("StorageDescriptor");
    writeColumns(json, "Columns", columns);
    writeOptional(json, "Location", location);
    writeOptional(json, "InputFormat", inputFormat);
    writeOptional(json, "OutputFormat", outputFormat);
    json.writeObjectFieldStart("SerdeInfo");
    writeOptional(json, "SerializationLibrary", serdeLibrary);
    writeMap(json, "Parameters", serdeParameters);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeOptional(JsonGenerator json, String field, String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static void writeMap(JsonGenerator json, String field, Map<String, String> map)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : map.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  private static void writeColumns(JsonGenerator json, String field, List<GlueColumn> columns)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (GlueColumn column : columns) {
      json.writeStartObject();
      json.writeStringField("Name", column.name());
      json.writeStringField("Type", column.type());
      writeOptional(json, "Comment", column.comment());
      if (!column.parameters().isEmpty()) {
        writeMap(json, "Parameters", column.parameters());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
