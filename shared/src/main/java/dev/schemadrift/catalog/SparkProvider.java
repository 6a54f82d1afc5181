package dev.schemadrift.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark datasource providers ({@code spark.sql.sources.provider}) whose tables are compared,
 * with the Hive SerDe and formats that stand for the way Spark reads their files, so that the
 * table's format profile is derived as for any Glue table.
 */
public enum SparkProvider {
  PARQUET(
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"),
  ORC(
      "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
      "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
      "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat"),
  CSV(
      "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"),
  JSON(
      "org.apache.hive.hcatalog.data.JsonSerDe",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"),
  AVRO(
      "org.apache.hadoop.hive.serde2.avro.AvroSerDe",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat"),
  /**
   * Delta Lake: Parquet data files, read by name; the schema is in the table's {@code _delta_log}.
   */
  DELTA(PARQUET.serdeLibrary, PARQUET.inputFormat, PARQUET.outputFormat);

  private final String serdeLibrary;
  private final String inputFormat;
  private final String outputFormat;

  SparkProvider(String serdeLibrary, String inputFormat, String outputFormat) {
    this.serdeLibrary = serdeLibrary;
    this.inputFormat = inputFormat;
    this.outputFormat = outputFormat;
  }

  /**
   * The provider a parameter value names: the short name in any case, or the class names Spark
   * accepts for it ({@code org.apache.spark.sql.parquet}, {@code …parquet.ParquetFileFormat},
   * {@code com.databricks.spark.avro}, {@code io.delta.sql.DeltaDataSource}); empty when it is not
   * one of these (jdbc, text, a connector).
   */
  public static Optional<SparkProvider> named(String provider) {
    String name = provider.strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        switch (name) {
          case "parquet",
              "org.apache.spark.sql.parquet",
              "org.apache.spark.sql.parquet.defaultsource",
              "org.apache.spark.sql.execution.datasources.parquet",
              "org.apache.spark.sql.execution.datasources.parquet.parquetfileformat" ->
              PARQUET;
          case "orc",
              "org.apache.spark.sql.hive.orc",
              "org.apache.spark.sql.execution.datasources.orc",
              "org.apache.spark.sql.execution.datasources.orc.orcfileformat" ->
              ORC;
          case "csv",
              "com.databricks.spark.csv",
              "org.apache.spark.sql.execution.datasources.csv.csvfileformat" ->
              CSV;
          case "json",
              "org.apache.spark.sql.json",
              "org.apache.spark.sql.execution.datasources.json.jsonfileformat" ->
              JSON;
          case "avro", "com.databricks.spark.avro", "org.apache.spark.sql.avro.avrofileformat" ->
              AVRO;
          case "delta", "io.delta.sql.deltadatasource" -> DELTA;
          default -> null;
        });
  }

  /** The SerDe library that stands for Spark's reader of these files. */
  public String serdeLibrary() {
    return serdeLibrary;
  }

  /** The input format that stands for Spark's reader of these files. */
  public String inputFormat() {
    return inputFormat;
  }

  /** The output format that goes with the input format. */
  public String outputFormat() {
    return outputFormat;
  }

  /**
   * The SerDe parameters that say how Spark reads the files, from the table's storage properties
   * (Spark's reader options): Spark's ORC reader resolves columns by name, its CSV reader splits on
   * {@code sep} (or {@code delimiter}, default a comma) and skips a header line when {@code
   * header=true}. The storage properties themselves ({@code path} and the options) are kept.
   */
  public Map<String, String> serdeParameters(Map<String, String> options) {
    Map<String, String> parameters = new LinkedHashMap<>(options);
    switch (this) {
      case ORC -> parameters.put("orc.column.index.access", "false");
      case CSV -> {
        String separator = options.getOrDefault("sep", options.getOrDefault("delimiter", ","));
        parameters.put("field.delim", separator);
      }
      case PARQUET, JSON, AVRO, DELTA -> {
        // Read by name by default; nothing to add.
      }
    }
    return parameters;
  }

  /** The table parameters Spark's options imply: a header line is one to skip. */
  public Map<String, String> tableParameters(Map<String, String> options) {
    if (this == CSV && "true".equalsIgnoreCase(options.get("header"))) {
      return Map.of("skip.header.line.count", "1");
    }
    return Map.of();
  }

  /** The lower-case name Spark gives the provider. */
  public String sparkName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
