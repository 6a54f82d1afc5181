package dev.schemadrift.catalog;

import java.util.Locale;

/**
 * What the Glue table itself says about how its files are read: the profile, the file family,
 * whether it is partitioned, and which contract format its SerDe stands for (null when the SerDe is
 * not recognised).
 */
public record TableProfile(
    FormatProfile profile, FileFamily family, boolean partitioned, String recognisedFormat) {

  private static final String PARQUET_SERDE = "parquethiveserde";
  private static final String ORC_SERDE = "orcserde";

  /** Derives the profile from the SerDe library, its parameters and the table parameters. */
  public static TableProfile of(GlueTable table) {
    boolean partitioned = !table.partitionKeys().isEmpty();
    if (table.isIceberg()) {
      return new TableProfile(FormatProfile.ICEBERG, FileFamily.ICEBERG, partitioned, "iceberg");
    }
    TableProfile profile = bySerde(table, lower(table.serdeLibrary()), partitioned);
    if (profile == null) {
      // RULES.md: when the SerDe is missing or not recognised, the input format decides.
      profile = byInputFormat(table, lower(table.inputFormat()), partitioned);
    }
    return profile != null
        ? profile
        : new TableProfile(FormatProfile.UNKNOWN, FileFamily.UNKNOWN, partitioned, null);
  }

  private static TableProfile bySerde(GlueTable table, String serde, boolean partitioned) {
    if (serde.endsWith(PARQUET_SERDE)) {
      return parquet(table, partitioned);
    }
    if (serde.endsWith(ORC_SERDE)) {
      return orc(table, partitioned);
    }
    if (serde.endsWith("lazysimpleserde") || serde.endsWith("opencsvserde")) {
      return new TableProfile(FormatProfile.POSITIONAL, FileFamily.TEXT, partitioned, "csv");
    }
    if (serde.endsWith("regexserde") || serde.endsWith("grokserde")) {
      return new TableProfile(FormatProfile.POSITIONAL, FileFamily.TEXT, partitioned, "regex");
    }
    if (serde.endsWith("jsonserde") || serde.endsWith("cloudtrailserde")) {
      return new TableProfile(FormatProfile.BY_NAME, FileFamily.JSON, partitioned, "json");
    }
    if (serde.endsWith("ionhiveserde")) {
      return ion(partitioned);
    }
    if (serde.endsWith("avroserde")) {
      return avro(partitioned);
    }
    return null;
  }

  /** TextInputFormat says nothing: CSV and JSON tables both use it. */
  private static TableProfile byInputFormat(GlueTable table, String input, boolean partitioned) {
    if (input.contains("parquet")) {
      return parquet(table, partitioned);
    }
    if (input.contains(".orc.")) {
      return orc(table, partitioned);
    }
    if (input.contains("ioninputformat")) {
      return ion(partitioned);
    }
    if (input.contains("avrocontainerinputformat")) {
      return avro(partitioned);
    }
    return null;
  }

  private static TableProfile parquet(GlueTable table, boolean partitioned) {
    boolean byIndex =
        "true".equalsIgnoreCase(table.serdeOrTableParameter("parquet.column.index.access"));
    return new TableProfile(
        byIndex ? FormatProfile.POSITIONAL : FormatProfile.BY_NAME,
        FileFamily.PARQUET,
        partitioned,
        "parquet");
  }

  private static TableProfile orc(GlueTable table, boolean partitioned) {
    boolean byName =
        "false".equalsIgnoreCase(table.serdeOrTableParameter("orc.column.index.access"));
    return new TableProfile(
        byName ? FormatProfile.BY_NAME : FormatProfile.POSITIONAL,
        FileFamily.ORC,
        partitioned,
        "orc");
  }

  private static TableProfile ion(boolean partitioned) {
    return new TableProfile(FormatProfile.BY_NAME, FileFamily.ION, partitioned, "ion");
  }

  private static TableProfile avro(boolean partitioned) {
    return new TableProfile(FormatProfile.BY_NAME, FileFamily.AVRO, partitioned, "avro");
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  /** A short phrase for reasons: "Parquet (read by name)". */
  public String describe() {
    String files =
        switch (family) {
          case TEXT -> "text files";
          case PARQUET -> "Parquet";
          case ORC -> "ORC";
          case AVRO -> "Avro";
          case JSON -> "JSON";
          case ION -> "Ion";
          case ICEBERG -> "Iceberg";
          case UNKNOWN -> "an unrecognised format";
        };
    return switch (profile) {
      case POSITIONAL -> files + " (read by position)";
      case BY_NAME -> files + " (read by name)";
      case ICEBERG -> "Iceberg (read by field id)";
      case UNKNOWN -> files + " (assumed read by position)";
    };
  }
}
