package dev.schemadrift.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code aws glue get-partitions} prints ({@code {"Partitions": […]}}). Unknown fields
 * are ignored, as in {@link GlueTableReader}; every problem names the file and the JSON path.
 */
public final class GluePartitionReader {
  private GluePartitionReader() {}

  /** Every partition in the document, in document order. */
  public static List<GluePartition> read(String source, byte[] json) {
    Json.refuseAbove(source, json, GlueTableReader.MAX_BYTES);
    JsonNode root = Json.readTree(source, json);
    List<Problem> problems = new ArrayList<>();
    List<GluePartition> partitions = new ArrayList<>();
    JsonNode list = root.get("Partitions");
    if (list == null || !list.isArray()) {
      problems.add(
          new Problem(
              source, "$.Partitions", "expected an array (the output of aws glue get-partitions)"));
    } else {
      for (int index = 0; index < list.size(); index++) {
        GluePartition partition =
            partition(source, list.get(index), "$.Partitions[" + index + "]", problems);
        if (partition != null) {
          partitions.add(partition);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    return partitions;
  }

  private static GluePartition partition(
      String source, JsonNode node, String path, List<Problem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Problem(source, path, "expected a Glue partition object"));
      return null;
    }
    JsonNode valueList = node.get("Values");
    if (valueList == null || !valueList.isArray()) {
      problems.add(new Problem(source, path + ".Values", "expected an array of strings"));
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : valueList) {
      values.add(value.isValueNode() ? value.asText() : value.toString());
    }
    JsonNode storage = node.get("StorageDescriptor");
    boolean hasStorage = storage != null && storage.isObject();
    List<GlueColumn> columns =
        hasStorage
            ? GlueTableReader.columns(
                source, storage.get("Columns"), path + ".StorageDescriptor.Columns", problems)
            : List.of();
    JsonNode serde = hasStorage ? storage.get("SerdeInfo") : null;
    return new GluePartition(
        values,
        columns,
        hasStorage ? GlueTableReader.text(storage, "Location") : null,
        hasStorage ? GlueTableReader.text(storage, "InputFormat") : null,
        serde != null ? GlueTableReader.text(serde, "SerializationLibrary") : null,
        serde != null ? GlueTableReader.strings(serde.get("Parameters")) : null,
        hasStorage);
  }
}
