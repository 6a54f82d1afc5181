package dev.schemadrift.state;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GluePartitionReader;
import dev.schemadrift.catalog.GlueTableJson;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table's partition sample as a check record keeps it, so that a table judged again because only
 * its contract changed (same Glue table version) is compared with the partitions its last check
 * read instead of reading them again: exactly what a kept verdict relies on, and no older. The
 * partitions keep what the comparison reads (values, columns, input format, SerDe); not their
 * locations, which no rule reads. Each distinct storage shape is stored once, so a sample of 100
 * partitions of one shape packs to a few hundred bytes.
 *
 * @param limit the sample's size limit when it was read (a contract asking for another one reads
 *     again)
 * @param more whether Glue held partitions beyond the sample
 * @param readIn the run that read the partitions from Glue
 * @param packed the partitions ({@link PackedBytes} of a {@code get-partitions} document of the
 *     distinct shapes, plus {@code Rows}: each partition's shape and values)
 */
public record PartitionMemo(int limit, boolean more, String readIn, String packed) {
  /** The longest memo kept: a sample that packs to more is read again when needed. */
  public static final int MAX_CHARS = 8 * 1024;

  private static final int MAX_UNPACKED = 4 * 1024 * 1024;

  public PartitionMemo {
    if (limit < 0 || limit > Policy.MAX_PARTITION_SAMPLE) {
      throw new IllegalArgumentException(
          "partition sample limit " + limit + " is not 0.." + Policy.MAX_PARTITION_SAMPLE);
    }
    new RunId(Objects.requireNonNull(readIn, "readIn"));
    if (Objects.requireNonNull(packed, "packed").isBlank() || packed.length() > MAX_CHARS) {
      throw new IllegalArgumentException("a packed partition sample is 1.." + MAX_CHARS + " chars");
    }
  }

  /**
   * The memo of a sample read from Glue, or null when there is nothing to keep (no sample, or one
   * not read on purpose) or it would pack to more than {@value #MAX_CHARS} characters.
   *
   * @param run the run that read it, unless the sample says it was read earlier
   */
  public static PartitionMemo of(PartitionSample sample, String run) {
    if (sample == null || sample.skipped() != null) {
      return null;
    }
    Map<GluePartition, Integer> shapes = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    for (GluePartition partition : sample.partitions()) {
      GluePartition shape = shapeOf(partition);
      Integer index = shapes.putIfAbsent(shape, shapes.size());
      List<Object> row = new ArrayList<>();
      row.add(index == null ? shapes.size() - 1 : index);
      row.addAll(partition.values());
      rows.add(row);
    }
    byte[] document =
        Json.writeCompact(
            json ->
                GlueTableJson.writePartitions(
                    json,
                    List.copyOf(shapes.keySet()),
                    extra -> {
                      extra.writeArrayFieldStart("Rows");
                      for (List<Object> row : rows) {
                        extra.writeStartArray();
                        extra.writeNumber((Integer) row.getFirst());
                        for (Object value : row.subList(1, row.size())) {
                          extra.writeString((String) value);
                        }
                        extra.writeEndArray();
                      }
                      extra.writeEndArray();
                    }));
    String packed = PackedBytes.pack(document, MAX_CHARS);
    if (packed == null) {
      return null;
    }
    return new PartitionMemo(
        sample.limit(), sample.more(), sample.readIn() != null ? sample.readIn() : run, packed);
  }

  /**
   * The sample kept (its {@link PartitionSample#readIn} set), or null when the memo cannot be read
   * back: a damaged memo only costs a partition read.
   */
  public PartitionSample sample() {
    try {
      byte[] document = PackedBytes.unpack(packed, MAX_UNPACKED);
      List<GluePartition> shapes = GluePartitionReader.read("partition memo", document);
      var rows = Json.readTree("partition memo", document).get("Rows");
      if (rows == null || !rows.isArray()) {
        return null;
      }
      List<GluePartition> partitions = new ArrayList<>();
      for (var row : rows) {
        if (!row.isArray() || row.isEmpty() || !row.get(0).canConvertToInt()) {
          return null;
        }
        int index = row.get(0).intValue();
        if (index < 0 || index >= shapes.size()) {
          return null;
        }
        List<String> values = new ArrayList<>();
        for (int position = 1; position < row.size(); position++) {
          values.add(row.get(position).asText());
        }
        GluePartition shape = shapes.get(index);
        partitions.add(
            new GluePartition(
                values,
                shape.columns(),
                null,
                shape.inputFormat(),
                shape.serdeLibrary(),
                shape.serdeParameters(),
                shape.hasStorageDescriptor()));
      }
      if (partitions.size() > limit) {
        return null;
      }
      return PartitionSample.read(limit, partitions, more).readIn(readIn);
    } catch (IllegalArgumentException | InvalidDocumentException e) {
      return null;
    }
  }

  /** What a partition's comparison reads besides its values: the part shared by many. */
  private static GluePartition shapeOf(GluePartition partition) {
    List<GlueColumn> columns = partition.columns();
    return new GluePartition(
        List.of(),
        columns,
        null,
        partition.inputFormat(),
        partition.serdeLibrary(),
        partition.serdeParameters(),
        partition.hasStorageDescriptor());
  }
}
