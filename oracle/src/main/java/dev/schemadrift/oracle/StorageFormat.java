package dev.schemadrift.oracle;

import java.util.Locale;
import java.util.Optional;

/**
 * A file format the oracle writes with Trino's Hive connector, with the Glue storage descriptor an
 * Athena table of that format carries (what the rule engine reads).
 */
enum StorageFormat {
  PARQUET(
      "format = 'PARQUET'",
      "parquet",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
      "parquet_use_column_names",
      "parquet.column.index.access"),
  ORC(
      "format = 'ORC'",
      "orc",
      "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
      "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat",
      "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
      "orc_use_column_names",
      "orc.column.index.access"),
  /** Comma-separated text read by LazySimpleSerDe: Athena's usual CSV table. */
  CSV(
      "format = 'TEXTFILE', textfile_field_separator = ','",
      "csv",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      null,
      null),
  /** Tab-separated text read by LazySimpleSerDe. */
  TSV(
      "format = 'TEXTFILE', textfile_field_separator = '\t'",
      "tsv",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      null,
      null),
  /** Avro container files; the table's columns are the reader schema, matched by name. */
  AVRO(
      "format = 'AVRO'",
      "avro",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat",
      "org.apache.hadoop.hive.serde2.avro.AvroSerDe",
      null,
      null),
  /** JSON lines read by the HCatalog JsonSerDe, the one Trino writes. */
  JSON(
      "format = 'JSON'",
      "json",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      "org.apache.hive.hcatalog.data.JsonSerDe",
      null,
      null),
  /**
   * Quoted comma-separated text read by OpenCSVSerde, read by position; Trino declares its columns
   * varchar only (see {@link #declaresOnlyVarchar}).
   */
  OPENCSV(
      "format = 'CSV'",
      "csv",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      "org.apache.hadoop.hive.serde2.OpenCSVSerde",
      null,
      null),
  /** JSON lines read by the OpenX JsonSerDe, Athena's other JSON SerDe, read by name. */
  OPENX_JSON(
      "format = 'OPENX_JSON'",
      "json",
      "org.apache.hadoop.mapred.TextInputFormat",
      "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      "org.openx.data.jsonserde.JsonSerDe",
      null,
      null);

  private final String tableProperties;
  private final String contractFormat;
  private final String inputFormat;
  private final String outputFormat;
  private final String serde;
  private final String nameAccessSessionProperty;
  private final String indexAccessSerdeParameter;

  StorageFormat(
      String tableProperties,
      String contractFormat,
      String inputFormat,
      String outputFormat,
      String serde,
      String nameAccessSessionProperty,
      String indexAccessSerdeParameter) {
    this.tableProperties = tableProperties;
    this.contractFormat = contractFormat;
    this.inputFormat = inputFormat;
    this.outputFormat = outputFormat;
    this.serde = serde;
    this.nameAccessSessionProperty = nameAccessSessionProperty;
    this.indexAccessSerdeParameter = indexAccessSerdeParameter;
  }

  /** The spelling in experiment files. */
  String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<StorageFormat> fromJsonName(String name) {
    for (StorageFormat format : values()) {
      if (format.jsonName().equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The {@code WITH (...)} properties of a Trino CREATE TABLE, without the location. */
  String tableProperties() {
    return tableProperties;
  }

  /** The contract's {@code format}. */
  String contractFormat() {
    return contractFormat;
  }

  String inputFormat() {
    return inputFormat;
  }

  String outputFormat() {
    return outputFormat;
  }

  String serde() {
    return serde;
  }

  /**
   * The Hive session property that switches between name and index access, for the formats that
   * have one (Parquet and ORC); empty for text formats, which are read by position (CSV) or by name
   * (JSON) only.
   */
  Optional<String> nameAccessSessionProperty() {
    return Optional.ofNullable(nameAccessSessionProperty);
  }

  /**
   * Whether Trino creates tables of this format with varchar columns only (OpenCSV): a table that
   * declares another type, as Glue allows, is then registered in the metastore directly.
   */
  boolean declaresOnlyVarchar() {
    return switch (this) {
      case OPENCSV -> true;
      case PARQUET, ORC, CSV, TSV, AVRO, JSON, OPENX_JSON -> false;
    };
  }

  /** The SerDe parameter Athena reads for the same switch. */
  Optional<String> indexAccessSerdeParameter() {
    return Optional.ofNullable(indexAccessSerdeParameter);
  }
}
