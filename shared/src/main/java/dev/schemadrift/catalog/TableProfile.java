package dev.schemadrift.catalog;

import dev.schemadrift.contract.ContractFormat;
import java.util.Locale;

/**
 * What the Glue table itself says about how its files are read: the profile, the file family,
 * whether it is partitioned, and which contract format its SerDe stands for (null when the SerDe is
 * not recognised; {@link ContractFormat#CSV} for every delimited-text SerDe, since only the
 * delimiter tells csv from tsv).
 */
public record TableProfile(
    FormatProfile profile,
    FileFamily family,
    boolean partitioned,
    ContractFormat recognisedFormat) {

  private static final String PARQUET_SERDE = "parquethiveserde";
  private static final String ORC_SERDE = "orcserde";

  /** Derives the profile from the SerDe library, its parameters and the table parameters. */
  public static TableProfile of(GlueTable table) {
    boolean partitioned = !table.partitionKeys().isEmpty();
    if (table.isIceberg()) {
      return fromFormat(ContractFormat.ICEBERG, table, partitioned);
    }
    if (table.isView()) {
      // A view's StorageDescriptor names no SerDe that reads files: Athena resolves its columns by
      // name in the view's query.
      return fromFormat(ContractFormat.VIEW, table, partitioned);
    }
    String serde = lower(table.serdeLibrary());
    TableProfile bySerde = fromFormat(formatOfSerde(serde), table, partitioned);
    if (bySerde != null) {
      return bySerde;
    }
    // An unrecognised (or missing) SerDe: the input format may still tell the file family.
    // TextInputFormat says nothing (CSV and JSON share it), so it is not consulted.
    TableProfile byInput =
        fromFormat(formatOfInputFormat(lower(table.inputFormat())), table, partitioned);
    if (byInput != null) {
      return byInput;
    }
    return new TableProfile(FormatProfile.UNKNOWN, FileFamily.UNKNOWN, partitioned, null);
  }

  /** The contract format a SerDe stands for, or null when it is not recognised. */
  private static ContractFormat formatOfSerde(String serde) {
    if (serde.endsWith(PARQUET_SERDE)) {
      return ContractFormat.PARQUET;
    }
    if (serde.endsWith(ORC_SERDE)) {
      return ContractFormat.ORC;
    }
    if (serde.endsWith("lazysimpleserde") || serde.endsWith("opencsvserde")) {
      return ContractFormat.CSV;
    }
    if (serde.endsWith("regexserde") || serde.endsWith("grokserde")) {
      return ContractFormat.REGEX;
    }
    if (serde.endsWith("jsonserde") || serde.endsWith("cloudtrailserde")) {
      return ContractFormat.JSON;
    }
    if (serde.endsWith("ionhiveserde")) {
      return ContractFormat.ION;
    }
    if (serde.endsWith("avroserde")) {
      return ContractFormat.AVRO;
    }
    return null;
  }

  private static ContractFormat formatOfInputFormat(String input) {
    if (input.contains("parquet")) {
      return ContractFormat.PARQUET;
    }
    if (input.endsWith("orcinputformat")) {
      return ContractFormat.ORC;
    }
    if (input.endsWith("ioninputformat")) {
      return ContractFormat.ION;
    }
    if (input.endsWith("avrocontainerinputformat")) {
      return ContractFormat.AVRO;
    }
    return null;
  }

  private static TableProfile fromFormat(
      ContractFormat format, GlueTable table, boolean partitioned) {
    if (format == null) {
      return null;
    }
    return switch (format) {
      case PARQUET -> {
        boolean byIndex =
            "true".equalsIgnoreCase(table.serdeOrTableParameter("parquet.column.index.access"));
        yield new TableProfile(
            byIndex ? FormatProfile.POSITIONAL : FormatProfile.BY_NAME,
            FileFamily.PARQUET,
            partitioned,
            format);
      }
      case ORC -> {
        boolean byName =
            "false".equalsIgnoreCase(table.serdeOrTableParameter("orc.column.index.access"));
        yield new TableProfile(
            byName ? FormatProfile.BY_NAME : FormatProfile.POSITIONAL,
            FileFamily.ORC,
            partitioned,
            format);
      }
      case CSV, REGEX ->
          new TableProfile(FormatProfile.POSITIONAL, FileFamily.TEXT, partitioned, format);
      case JSON -> new TableProfile(FormatProfile.BY_NAME, FileFamily.JSON, partitioned, format);
      case ION -> new TableProfile(FormatProfile.BY_NAME, FileFamily.ION, partitioned, format);
      case AVRO -> new TableProfile(FormatProfile.BY_NAME, FileFamily.AVRO, partitioned, format);
      case ICEBERG ->
          new TableProfile(FormatProfile.ICEBERG, FileFamily.ICEBERG, partitioned, format);
      case VIEW -> new TableProfile(FormatProfile.BY_NAME, FileFamily.VIEW, partitioned, format);
      case TSV -> throw new IllegalStateException("no SerDe stands for tsv alone: it is csv");
    };
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  /** The files, for reasons: "text files", "Parquet files". */
  public String files() {
    return switch (family) {
      case TEXT -> "text files";
      case PARQUET -> "Parquet files";
      case ORC -> "ORC files";
      case AVRO -> "Avro files";
      case JSON -> "JSON files";
      case ION -> "Ion files";
      case ICEBERG -> "Iceberg data files";
      case VIEW -> "a view's columns";
      case UNKNOWN -> "files of an unrecognised SerDe";
    };
  }

  /** How columns are found, for reasons: "text files are read by position". */
  public String howRead() {
    return switch (profile) {
      case POSITIONAL -> files() + " are read by position";
      case BY_NAME -> files() + " are read by name";
      case ICEBERG -> "Iceberg reads columns by field id";
      case UNKNOWN -> files() + " are assumed to be read by position";
    };
  }

  /** A short phrase for reasons: "Parquet (read by name)". */
  public String describe() {
    String files =
        switch (family) {
          case TEXT -> "text files";
          case UNKNOWN -> "an unrecognised format";
          case VIEW -> "a view";
          case PARQUET, ORC, AVRO, JSON, ION, ICEBERG -> family.displayName();
        };
    return switch (profile) {
      case POSITIONAL -> files + " (read by position)";
      case BY_NAME -> files + " (read by name)";
      case ICEBERG -> "Iceberg (read by field id)";
      case UNKNOWN -> files + " (assumed read by position)";
    };
  }
}
