package dev.schemadrift.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of a Glue {@code Partition} the monitor compares with its table: its values, columns,
 * SerDe and input format. Every storage field may be null (a partition without a
 * StorageDescriptor).
 */
public record GluePartition(
    List<String> values,
    List<GlueColumn> columns,
    String location,
    String inputFormat,
    String serdeLibrary,
    Map<String, String> serdeParameters,
    boolean hasStorageDescriptor) {

  public GluePartition {
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    columns = columns == null ? List.of() : List.copyOf(columns);
    serdeParameters =
        serdeParameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(serdeParameters));
  }

  /**
   * The partition's name as Hive and Athena spell it, {@code year=2024/month=01}: each key of the
   * table with its value (a value without a key is named by its position, {@code _3=x}).
   */
  public String name(List<GlueColumn> partitionKeys) {
    StringBuilder name = new StringBuilder();
    for (int index = 0; index < values.size(); index++) {
      if (index > 0) {
        name.append('/');
      }
      name.append(
              index < partitionKeys.size() ? partitionKeys.get(index).name() : "_" + (index + 1))
          .append('=')
          .append(values.get(index));
    }
    return name.toString();
  }

  /**
   * The partition's storage seen as a table with the table's names and parameters, so that {@link
   * TableProfile#of} recognises its format the same way it recognises the table's.
   */
  public GlueTable asTable(GlueTable table) {
    return new GlueTable(
        table.databaseName(),
        table.name(),
        table.tableType(),
        table.parameters(),
        columns,
        table.partitionKeys(),
        location,
        inputFormat,
        null,
        serdeLibrary,
        serdeParameters,
        hasStorageDescriptor,
        null,
        null);
  }
}
