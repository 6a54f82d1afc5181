package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.SparkDatasource;
import dev.schemadrift.catalog.SparkProvider;
import dev.schemadrift.catalog.SparkSchema;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table that is compared when Spark, not the Hive SerDe, knows a table's schema: a datasource
 * table whose StorageDescriptor holds Spark's placeholder is compared on the schema Spark recorded
 * in its parameters; a Delta table only once its log has been read (see {@code DeltaLog}). Every
 * other table, including a Hive-compatible datasource table whose Glue columns are real, is
 * compared as Glue holds it.
 */
public final class SparkTables {
  private SparkTables() {}

  /**
   * The table to compare.
   *
   * @throws UndecidableException when the table is a Delta table whose log was not read, or a
   *     placeholder table whose provider is not supported, that recorded no schema, or whose
   *     recorded schema is inconsistent
   */
  public static GlueTable resolve(GlueTable table) {
    if (SparkDatasource.isDelta(table)) {
      if (table.parameters().containsKey(SparkDatasource.DELTA_LOG_VERSION)) {
        return table;
      }
      throw new UndecidableException(
          ErrorKind.DELTA_LOG_NOT_READ,
          "Glue table "
              + table.qualifiedName()
              + " is a Delta Lake table: its schema is in its _delta_log, which was not read here,"
              + " so it is not compared.");
    }
    // Iceberg's table_type decides before any provider: its schema has a reader of its own.
    if (table.isIceberg()
        || !table.hasStorageDescriptor()
        || !SparkDatasource.isDatasource(table)
        || !SparkDatasource.hasPlaceholderColumns(table)) {
      return table;
    }
    String providerName = SparkDatasource.provider(table);
    Optional<SparkProvider> provider = SparkProvider.named(providerName);
    if (provider.isEmpty()) {
      throw new UndecidableException(
          ErrorKind.UNSUPPORTED_SPARK_PROVIDER,
          "Glue table "
              + table.qualifiedName()
              + " was registered by Spark with provider '"
              + providerName
              + "' ("
              + SparkDatasource.PROVIDER
              + "), which the monitor does not read (parquet, orc, csv, json, avro, delta), so it"
              + " is not compared.");
    }
    if (!SparkDatasource.hasRecordedSchema(table)) {
      throw new UndecidableException(
          ErrorKind.SPARK_PLACEHOLDER_SCHEMA,
          "Glue table "
              + table.qualifiedName()
              + " was registered by Spark ("
              + providerName
              + "): Glue holds a placeholder column list and the parameters hold no "
              + SparkDatasource.SCHEMA
              + " (nor "
              + SparkDatasource.NUM_PARTS
              + "), so it is not compared.");
    }
    try {
      String json = SparkDatasource.recordedSchema(table);
      String source =
          "Glue table "
              + table.qualifiedName()
              + " parameter "
              + (table.parameters().containsKey(SparkDatasource.NUM_PARTS)
                  ? SparkDatasource.PART + "*"
                  : SparkDatasource.SCHEMA);
      List<GlueColumn> schema = SparkSchema.columns(source, json);
      List<String> partitionColumns = SparkDatasource.recordedPartitionColumns(table);
      return SparkDatasource.resolved(
          table,
          provider.get(),
          schema,
          partitionColumns,
          "Glue table " + table.qualifiedName(),
          index -> "parameter " + SparkDatasource.PART_COLUMN + index,
          Map.of());
    } catch (InvalidDocumentException e) {
      throw new UndecidableException(
          ErrorKind.INVALID_SPARK_SCHEMA,
          "the schema Spark recorded for Glue table "
              + table.qualifiedName()
              + " is inconsistent, so it is not compared: "
              + e.getMessage());
    }
  }
}
