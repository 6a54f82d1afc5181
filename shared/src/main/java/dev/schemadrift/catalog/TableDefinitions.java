package dev.schemadrift.catalog;

import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.contract.FormatOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Glue table a contract describes, for "create if missing": SerDe, input/output formats and
 * parameters per format, location, columns with comments, partition keys. Comparing a contract with
 * the definition made from it finds nothing.
 */
public final class TableDefinitions {
  static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
  static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
  private static final int MAX_COMMENT = 255;

  private TableDefinitions() {}

  /**
   * The definition, or empty when the monitor cannot create such a table: Iceberg tables need
   * metadata files that only an Iceberg writer makes.
   */
  public static Optional<GlueTable> fromContract(Contract contract) {
    FormatOptions options = contract.formatOptions();
    Map<String, String> serde = new LinkedHashMap<>();
    Map<String, String> table = new LinkedHashMap<>();
    table.put("EXTERNAL", "TRUE");
    table.put("classification", contract.format().jsonName());
    table.put("created_by", "schema-drift");
    String library;
    String input;
    String output;
    switch (contract.format()) {
      case PARQUET -> {
        library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
        input = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
        output = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
        serde.put("serialization.format", "1");
        if (options.columnAccess() != null) {
          serde.put(
              "parquet.column.index.access",
              options.columnAccess() == FormatOptions.ColumnAccess.INDEX ? "true" : "false");
        }
      }
      case ORC -> {
        library = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
        input = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
        output = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
        if (options.columnAccess() != null) {
          serde.put(
              "orc.column.index.access",
              options.columnAccess() == FormatOptions.ColumnAccess.INDEX ? "true" : "false");
        }
      }
      case AVRO -> {
        library = "org.apache.hadoop.hive.serde2.avro.AvroSerDe";
        input = "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat";
        output = "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat";
      }
      case JSON -> {
        boolean hive = "hive".equals(options.serde());
        library =
            hive ? "org.apache.hive.hcatalog.data.JsonSerDe" : "org.openx.data.jsonserde.JsonSerDe";
        input = TEXT_INPUT;
        output = TEXT_OUTPUT;
        if (options.ignoreMalformed() != null) {
          serde.put("ignore.malformed.json", options.ignoreMalformed().toString());
        }
        options.mapping().forEach((column, key) -> serde.put("mapping." + column, key));
      }
      case ION -> {
        library = "com.amazon.ionhiveserde.IonHiveSerDe";
        input = "com.amazon.ionhiveserde.formats.IonInputFormat";
        output = "com.amazon.ionhiveserde.formats.IonOutputFormat";
      }
      case CSV, TSV -> {
        String delimiter =
            options.delimiter() != null
                ? options.delimiter()
                : contract.format() == dev.schemadrift.contract.ContractFormat.TSV ? "\t" : ",";
        input = TEXT_INPUT;
        output = TEXT_OUTPUT;
        if ("open_csv".equals(options.serde())) {
          library = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
          serde.put("separatorChar", delimiter);
          if (options.quote() != null) {
            serde.put("quoteChar", options.quote());
          }
          if (options.escape() != null) {
            serde.put("escapeChar", options.escape());
          }
        } else {
          library = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
          serde.put("field.delim", delimiter);
          serde.put("serialization.format", delimiter);
          if (options.escape() != null) {
            serde.put("escape.delim", options.escape());
          }
        }
        if (Boolean.TRUE.equals(options.header())) {
          table.put("skip.header.line.count", "1");
        }
      }
      case REGEX -> {
        library = "org.apache.hadoop.hive.serde2.RegexSerDe";
        input = TEXT_INPUT;
        output = TEXT_OUTPUT;
        serde.put("input.regex", options.inputRegex());
      }
      case ICEBERG, VIEW -> {
        return Optional.empty();
      }
      default -> throw new IllegalStateException("unreachable");
    }
    return Optional.of(
        new GlueTable(
            contract.database(),
            contract.table(),
            "EXTERNAL_TABLE",
            table,
            columns(contract.columns()),
            columns(contract.partitionKeys()),
            contract.dataLocation(),
            input,
            output,
            library,
            serde,
            true,
            null,
            null));
  }

  /**
   * The table a contract describes as Glue would show it, for comparing two contract versions: the
   * definition {@link #fromContract} makes, and for Iceberg the columns, keys, location and
   * nullability Glue shows of an Iceberg table (which only an Iceberg writer can create), and for a
   * view the columns Athena registers. Empty when none applies.
   */
  public static Optional<GlueTable> describedBy(Contract contract) {
    if (contract.format() == dev.schemadrift.contract.ContractFormat.VIEW) {
      // What Athena registers for a view: its columns, no location and no storage format.
      return Optional.of(
          new GlueTable(
              contract.database(),
              contract.table(),
              GlueTable.VIRTUAL_VIEW,
              Map.of(),
              columns(contract.columns()),
              columns(contract.partitionKeys()),
              null,
              null,
              null,
              null,
              Map.of(),
              true,
              null,
              null));
    }
    if (contract.format() != dev.schemadrift.contract.ContractFormat.ICEBERG) {
      return fromContract(contract);
    }
    return Optional.of(
        new GlueTable(
            contract.database(),
            contract.table(),
            "EXTERNAL_TABLE",
            Map.of("table_type", "ICEBERG"),
            icebergColumns(contract.columns()),
            icebergColumns(contract.partitionKeys()),
            contract.dataLocation(),
            null,
            null,
            null,
            Map.of(),
            true,
            null,
            null));
  }

  private static List<GlueColumn> columns(List<ContractColumn> columns) {
    List<GlueColumn> glue = new ArrayList<>(columns.size());
    for (ContractColumn column : columns) {
      glue.add(new GlueColumn(column.name(), column.type().canonical(), comment(column), Map.of()));
    }
    return glue;
  }

  /** Glue's Iceberg columns carry the field's nullability; no field id, since none is promised. */
  private static List<GlueColumn> icebergColumns(List<ContractColumn> columns) {
    List<GlueColumn> glue = new ArrayList<>(columns.size());
    for (ContractColumn column : columns) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("iceberg.field.current", "true");
      if (column.required() != null) {
        parameters.put("iceberg.field.optional", column.required() ? "false" : "true");
      }
      glue.add(
          new GlueColumn(column.name(), column.type().canonical(), comment(column), parameters));
    }
    return glue;
  }

  private static String comment(ContractColumn column) {
    String comment = column.description();
    return comment != null && comment.length() > MAX_COMMENT
        ? comment.substring(0, MAX_COMMENT)
        : comment;
  }
}
