package dev.schemadrift.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of a Glue {@code Table} the monitor reads. Every field except the names may be null (a
 * table without a StorageDescriptor has no columns, location or SerDe).
 */
public record GlueTable(
    String databaseName,
    String name,
    String tableType,
    Map<String, String> parameters,
    List<GlueColumn> columns,
    List<GlueColumn> partitionKeys,
    String location,
    String inputFormat,
    String outputFormat,
    String serdeLibrary,
    Map<String, String> serdeParameters,
    boolean hasStorageDescriptor,
    String versionId,
    String updateTime) {

  /**
   * The most columns and partition keys a table may have to be compared: beyond it the table is
   * ERROR {@code TOO_COMPLEX}. Comparison is linear in columns; this bounds the work and memory of
   * one table.
   */
  public static final int MAX_COLUMNS = 100_000;

  /** Glue's table type of a view. */
  public static final String VIRTUAL_VIEW = "VIRTUAL_VIEW";

  public GlueTable {
    Objects.requireNonNull(databaseName, "databaseName");
    Objects.requireNonNull(name, "name");
    parameters = sorted(parameters);
    serdeParameters = sorted(serdeParameters);
    columns = columns == null ? List.of() : List.copyOf(columns);
    partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** A copy with one more table parameter. */
  public GlueTable withParameter(String key, String value) {
    Map<String, String> more = new TreeMap<>(parameters);
    more.put(key, value);
    return new GlueTable(
        databaseName,
        name,
        tableType,
        more,
        columns,
        partitionKeys,
        location,
        inputFormat,
        outputFormat,
        serdeLibrary,
        serdeParameters,
        hasStorageDescriptor,
        versionId,
        updateTime);
  }

  /** {@code database.table} as Glue spells it. */
  public String qualifiedName() {
    return databaseName + "." + name;
  }

  /** Iceberg tables say so in {@code table_type}, in any case. */
  public boolean isIceberg() {
    String type = parameters.get("table_type");
    return type != null && type.toUpperCase(Locale.ROOT).equals("ICEBERG");
  }

  /**
   * Athena and Glue views say so in {@code TableType}, in any case. A table whose parameters say
   * Iceberg is judged as Iceberg whatever its TableType, as its profile and {@link
   * #effectiveTableType} are, so that the two never disagree.
   */
  public boolean isView() {
    return tableType != null && tableType.equalsIgnoreCase(VIRTUAL_VIEW) && !isIceberg();
  }

  /**
   * Hudi tables, as Hudi's Glue sync registers them: a Hudi input format ({@code
   * org.apache.hudi.hadoop.HoodieParquetInputFormat}, {@code …RealtimeInputFormat}) or the sync's
   * table parameters ({@code hoodie.*}, {@code last_commit_time_sync}).
   */
  public boolean isHudi() {
    if (inputFormat != null && inputFormat.toLowerCase(Locale.ROOT).contains("org.apache.hudi.")) {
      return true;
    }
    for (String key : parameters.keySet()) {
      if (key.startsWith("hoodie.") || key.equals("last_commit_time_sync")) {
        return true;
      }
    }
    return false;
  }

  /** The table type as compared: ICEBERG for Iceberg tables, else Glue's type in upper case. */
  public String effectiveTableType() {
    if (isIceberg()) {
      return "ICEBERG";
    }
    return tableType == null ? null : tableType.toUpperCase(Locale.ROOT);
  }

  /** A SerDe parameter, falling back to the table parameter of the same name. */
  public String serdeOrTableParameter(String key) {
    String value = serdeParameters.get(key);
    return value != null ? value : parameters.get(key);
  }
}
