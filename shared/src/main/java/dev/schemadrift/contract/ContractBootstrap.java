package dev.schemadrift.contract;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A first contract from an existing Glue table ({@code schema-drift init}): columns with their
 * exact types (nested, maps, decimals, lengths), comments as descriptions, partition keys, format
 * and SerDe options, and Iceberg nullability. Checking the table against it finds nothing.
 */
public final class ContractBootstrap {
  private ContractBootstrap() {}

  /**
   * @param source names the table's origin in error messages
   * @param owner may be null
   */
  public static Contract fromTable(String source, GlueTable table, String version, String owner) {
    TableProfile profile = TableProfile.of(table);
    List<Problem> problems = new ArrayList<>();
    if (profile.recognisedFormat() == null) {
      problems.add(
          new Problem(
              source,
              "$.Table.StorageDescriptor.SerdeInfo.SerializationLibrary",
              "cannot tell the format of SerDe '" + table.serdeLibrary() + "'"));
    }
    if (table.location() == null && !table.isView()) {
      problems.add(
          new Problem(source, "$.Table.StorageDescriptor.Location", "the table has no location"));
    }
    boolean iceberg = profile.profile() == FormatProfile.ICEBERG;
    List<ContractColumn> columns = new ArrayList<>();
    for (GlueColumn column : table.columns()) {
      if (iceberg && column.isIcebergHistory()) {
        continue;
      }
      // Hudi's metadata columns are the writer's, not the team's: the check sets them aside too.
      if (table.isHudi() && GlueColumn.isHudiMetadata(column.name())) {
        continue;
      }
      ContractColumn converted = column(source, column, iceberg, problems);
      if (converted != null) {
        columns.add(converted);
      }
    }
    List<ContractColumn> keys = new ArrayList<>();
    for (GlueColumn column : table.partitionKeys()) {
      ContractColumn converted = column(source, column, false, problems);
      if (converted != null) {
        keys.add(converted);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    ContractFormat format = format(table, profile);
    String location =
        table.isView()
            ? null
            : table.location().endsWith("/") ? table.location() : table.location() + "/";
    return new Contract(
        version,
        table.databaseName().toLowerCase(Locale.ROOT),
        table.name().toLowerCase(Locale.ROOT),
        owner,
        null,
        location,
        format,
        options(table, profile, format),
        columns,
        keys,
        Policy.EMPTY);
  }

  private static ContractColumn column(
      String source, GlueColumn column, boolean iceberg, List<Problem> problems) {
    DataType type;
    try {
      type = TypeParser.parse(column.type());
    } catch (TypeParseException e) {
      problems.add(
          new Problem(source, "column '" + column.name() + "'", "invalid type: " + e.getMessage()));
      return null;
    }
    Boolean required = null;
    if (iceberg && column.parameter("iceberg.field.optional") != null) {
      required = "false".equalsIgnoreCase(column.parameter("iceberg.field.optional"));
    }
    String comment =
        column.comment() == null || column.comment().isBlank() ? null : column.comment();
    return new ContractColumn(column.name(), type, required, comment, List.of(), false, null);
  }

  private static ContractFormat format(GlueTable table, TableProfile profile) {
    ContractFormat recognised = profile.recognisedFormat();
    if (recognised == ContractFormat.CSV) {
      // tsv takes no quote option: a tab-separated OpenCSVSerde table that states its quote
      // character is csv with a tab delimiter, so that the contract keeps the quote and is valid.
      boolean statesQuote = openCsv(table) && table.serdeParameters().containsKey("quoteChar");
      return "\t".equals(delimiter(table)) && !statesQuote
          ? ContractFormat.TSV
          : ContractFormat.CSV;
    }
    return recognised;
  }

  private static boolean openCsv(GlueTable table) {
    return table.serdeLibrary() != null
        && table.serdeLibrary().toLowerCase(Locale.ROOT).endsWith("opencsvserde");
  }

  private static String delimiter(GlueTable table) {
    String raw =
        openCsv(table)
            ? table.serdeParameters().getOrDefault("separatorChar", ",")
            : table
                .serdeParameters()
                .getOrDefault(
                    "field.delim",
                    table.serdeParameters().getOrDefault("serialization.format", "\u0001"));
    return Delimiters.decode(raw);
  }

  private static FormatOptions options(
      GlueTable table, TableProfile profile, ContractFormat format) {
    Map<String, String> serde = table.serdeParameters();
    return switch (format) {
      case CSV, TSV -> {
        String delimiter = delimiter(table);
        boolean open = openCsv(table);
        String count = table.parameters().get("skip.header.line.count");
        Boolean header = count == null ? null : !count.strip().equals("0");
        String quote = open ? serde.get("quoteChar") : null;
        String escape = open ? serde.get("escapeChar") : serde.get("escape.delim");
        yield new FormatOptions(
            delimiter,
            quote == null ? null : Delimiters.decode(quote),
            escape == null ? null : Delimiters.decode(escape),
            header,
            open ? "open_csv" : "lazy_simple",
            null,
            null,
            null,
            Map.of());
      }
      case REGEX ->
          new FormatOptions(
              null, null, null, null, null, serde.get("input.regex"), null, null, Map.of());
      case JSON -> {
        Map<String, String> mapping = new TreeMap<>();
        serde.forEach(
            (key, value) -> {
              if (key.startsWith("mapping.")) {
                mapping.put(key.substring("mapping.".length()), value);
              }
            });
        String malformed = serde.get("ignore.malformed.json");
        boolean openx =
            table.serdeLibrary() != null && table.serdeLibrary().startsWith("org.openx.");
        yield new FormatOptions(
            null,
            null,
            null,
            null,
            openx ? "openx" : "hive",
            null,
            null,
            malformed == null ? null : Boolean.valueOf(malformed),
            mapping);
      }
      case PARQUET, ORC -> {
        String key =
            format == ContractFormat.PARQUET
                ? "parquet.column.index.access"
                : "orc.column.index.access";
        String stated = table.serdeOrTableParameter(key);
        FormatOptions.ColumnAccess access =
            stated == null
                ? null
                : profile.profile() == FormatProfile.BY_NAME
                    ? FormatOptions.ColumnAccess.NAME
                    : FormatOptions.ColumnAccess.INDEX;
        yield access == null
            ? FormatOptions.NONE
            : new FormatOptions(null, null, null, null, null, null, access, null, Map.of());
      }
      case AVRO, ION, ICEBERG, VIEW -> FormatOptions.NONE;
    };
  }
}
