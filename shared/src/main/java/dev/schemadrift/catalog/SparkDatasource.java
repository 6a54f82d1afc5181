package dev.schemadrift.catalog;

import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What Spark records about a datasource table in its Glue parameters: the provider, the schema
 * (StructType JSON, whole or split in parts) and the partition columns; and the table as a
 * Hive-compatible registration of that schema would look, which is what gets compared.
 */
public final class SparkDatasource {
  public static final String PROVIDER = "spark.sql.sources.provider";
  public static final String SCHEMA = "spark.sql.sources.schema";
  public static final String NUM_PARTS = "spark.sql.sources.schema.numParts";
  public static final String PART = "spark.sql.sources.schema.part.";
  public static final String NUM_PART_COLUMNS = "spark.sql.sources.schema.numPartCols";
  public static final String PART_COLUMN = "spark.sql.sources.schema.partCol.";

  /**
   * The table parameter the Delta log reader sets on the table it resolved: the log version whose
   * schema the columns are. A Delta table without it was not read from its log.
   */
  public static final String DELTA_LOG_VERSION = "schema_drift.delta_log_version";

  /** More parts than any real schema needs (Spark writes 4,000 characters per part). */
  static final int MAX_PARTS = 100_000;

  private SparkDatasource() {}

  /** The provider parameter, or null. */
  public static String provider(GlueTable table) {
    return table.parameters().get(PROVIDER);
  }

  /** Spark's provider other than {@code hive}: Spark, not the Hive SerDe, knows the schema. */
  public static boolean isDatasource(GlueTable table) {
    String provider = provider(table);
    return provider != null && !provider.strip().equalsIgnoreCase("hive");
  }

  /**
   * A Delta Lake table: provider {@code delta}, or {@code table_type=DELTA} (Athena's and the Glue
   * crawler's registration), in any case.
   */
  public static boolean isDelta(GlueTable table) {
    String provider = provider(table);
    String type = table.parameters().get("table_type");
    return (provider != null && SparkProvider.named(provider).orElse(null) == SparkProvider.DELTA)
        || (type != null && type.strip().toUpperCase(Locale.ROOT).equals("DELTA"));
  }

  /**
   * Spark's placeholder column list ({@code col array<string>}, any spelling) that it leaves in the
   * StorageDescriptor of a table no Hive SerDe can read; or no columns at all.
   */
  public static boolean hasPlaceholderColumns(GlueTable table) {
    List<GlueColumn> columns = table.columns();
    if (columns.isEmpty()) {
      return true;
    }
    return columns.size() == 1
        && columns.getFirst().name().equalsIgnoreCase("col")
        && columns.getFirst().type().replace(" ", "").equalsIgnoreCase("array<string>");
  }

  /**
   * Where the table's files are: Spark's {@code path} storage property (the StorageDescriptor of a
   * table no Hive SerDe reads holds a {@code -__PLACEHOLDER__} location), else the location.
   */
  public static String dataLocation(GlueTable table) {
    String path = table.serdeParameters().get("path");
    return path != null && !path.isBlank() ? path : table.location();
  }

  /** Whether Spark recorded a schema in the parameters, whole or split. */
  public static boolean hasRecordedSchema(GlueTable table) {
    return table.parameters().containsKey(SCHEMA) || table.parameters().containsKey(NUM_PARTS);
  }

  /**
   * The recorded StructType JSON: {@code spark.sql.sources.schema}, else the {@code numParts} parts
   * joined in order.
   *
   * @throws InvalidDocumentException naming the parameter when {@code numParts} is not a count or a
   *     part is missing
   */
  public static String recordedSchema(GlueTable table) {
    Map<String, String> parameters = table.parameters();
    String whole = parameters.get(SCHEMA);
    String count = parameters.get(NUM_PARTS);
    // Spark reads the whole parameter first, and writes parts only when the JSON is longer than
    // its threshold (4,000 characters); older versions always wrote parts.
    if (whole != null) {
      return whole;
    }
    if (count == null) {
      throw invalid(table, SCHEMA, "the parameter is missing");
    }
    int parts = count(table, NUM_PARTS, count, 1);
    StringBuilder json = new StringBuilder();
    List<String> missing = new ArrayList<>();
    for (int index = 0; index < parts; index++) {
      String part = parameters.get(PART + index);
      if (part == null) {
        missing.add(PART + index);
      } else {
        json.append(part);
      }
    }
    if (!missing.isEmpty()) {
      throw invalid(
          table,
          missing.getFirst(),
          "the parameter is missing ("
              + NUM_PARTS
              + " is "
              + parts
              + "; missing: "
              + String.join(", ", missing)
              + ")");
    }
    return json.toString();
  }

  /**
   * The recorded partition columns in order ({@code numPartCols} and {@code partCol.N}); empty when
   * Spark recorded none.
   *
   * @throws InvalidDocumentException naming the parameter when the count is not a count or a name
   *     is missing
   */
  public static List<String> recordedPartitionColumns(GlueTable table) {
    String count = table.parameters().get(NUM_PART_COLUMNS);
    if (count == null) {
      return List.of();
    }
    int columns = count(table, NUM_PART_COLUMNS, count, 0);
    List<String> names = new ArrayList<>(columns);
    for (int index = 0; index < columns; index++) {
      String name = table.parameters().get(PART_COLUMN + index);
      if (name == null || name.isBlank()) {
        throw invalid(
            table,
            PART_COLUMN + index,
            "the parameter is missing (" + NUM_PART_COLUMNS + " is " + columns + ")");
      }
      names.add(name);
    }
    return names;
  }

  private static int count(GlueTable table, String parameter, String value, int minimum) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(table, parameter, "'" + value + "' is not a number");
    }
    if (parsed < minimum || parsed > MAX_PARTS) {
      throw invalid(
          table, parameter, parsed + " is out of range (" + minimum + " to " + MAX_PARTS + ")");
    }
    return parsed;
  }

  /**
   * The table as a Hive-compatible registration of {@code schema} would hold it: the schema's
   * columns other than {@code partitionColumns} as columns, those as partition keys (in their
   * order), the provider's SerDe and formats, and the {@code path} storage property as location
   * (Spark leaves a {@code -__PLACEHOLDER__} location in the StorageDescriptor).
   *
   * @param source how a problem names where the partition columns came from
   * @param pathOfColumn how a problem names the n-th partition column in {@code source}
   * @param extraParameters table parameters to add (the Delta log version)
   * @throws InvalidDocumentException when a partition column is not in the schema
   */
  public static GlueTable resolved(
      GlueTable table,
      SparkProvider provider,
      List<GlueColumn> schema,
      List<String> partitionColumns,
      String source,
      IntFunction<String> pathOfColumn,
      Map<String, String> extraParameters) {
    Map<String, GlueColumn> byName = new HashMap<>(schema.size() * 2);
    for (GlueColumn column : schema) {
      byName.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column);
    }
    List<GlueColumn> keys = new ArrayList<>(partitionColumns.size());
    Set<String> keyNames = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (int index = 0; index < partitionColumns.size(); index++) {
      String name = partitionColumns.get(index).toLowerCase(Locale.ROOT);
      GlueColumn key = byName.get(name);
      if (key == null) {
        problems.add(
            new Problem(
                source,
                pathOfColumn.apply(index),
                "partition column '"
                    + partitionColumns.get(index)
                    + "' is not a column of the schema"));
      } else if (!keyNames.add(name)) {
        problems.add(
            new Problem(
                source,
                pathOfColumn.apply(index),
                "partition column '" + partitionColumns.get(index) + "' is listed twice"));
      } else {
        keys.add(key);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    // Every other column of the schema is a data column; two that clash ignoring case both stay,
    // for the table guards to report.
    List<GlueColumn> columns = new ArrayList<>(schema.size());
    for (GlueColumn column : schema) {
      if (!keyNames.contains(column.name().toLowerCase(Locale.ROOT))) {
        columns.add(column);
      }
    }
    Map<String, String> options = table.serdeParameters();
    Map<String, String> parameters = new TreeMap<>(table.parameters());
    parameters.putAll(provider.tableParameters(options));
    parameters.putAll(extraParameters);
    return new GlueTable(
        table.databaseName(),
        table.name(),
        table.tableType(),
        parameters,
        columns,
        keys,
        dataLocation(table),
        provider.inputFormat(),
        provider.outputFormat(),
        provider.serdeLibrary(),
        provider.serdeParameters(options),
        true,
        table.versionId(),
        table.updateTime());
  }

  private static InvalidDocumentException invalid(
      GlueTable table, String parameter, String message) {
    return new InvalidDocumentException(
        List.of(
            new Problem("Glue table " + table.qualifiedName(), "parameter " + parameter, message)));
  }
}
