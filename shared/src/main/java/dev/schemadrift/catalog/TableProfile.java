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
    String serde = lower(table.serdeLibrary());
    String input = lower(table.inputFormat());
    if (serde.endsWith(PARQUET_SERDE) || (serde.isEmpty() && input.contains("parquet"))) {
      boolean byIndex =
          "true".equalsIgnoreCase(table.serdeOrTableParameter("parquet.column.index.access"));
      return new TableProfile(
          byIndex ? FormatProfile.POSITIONAL : FormatProfile.BY_NAME,
          FileFamily.PARQUET,
          partitioned,
          "parquet");
    }
    if (serde.endsWith(ORC_SERDE) || (serde.isEmpty() && input.contains(".orc."))) {
      boolean byName =
          "false".equalsIgnoreCase(table.serdeOrTableParameter("orc.column.index.access"));
      return new TableProfile(
          byName ? FormatProfile.BY_NAME : FormatProfile.POSITIONAL,
          FileFamily.ORC,
          partitioned,
          "orc");
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
    if (serde.endsWith("ionhiveserde") || (serde.isEmpty() && input.contains("ioninputformat"))) {
      return new TableProfile(FormatProfile.BY_NAME, FileFamily.ION, partitioned, "ion");
    }
    if (serde.endsWith("avroserde")
        || (serde.isEmpty() && input.contains("avrocontainerinputformat"))) {
      return new TableProfile(FormatProfile.BY_NAME, FileFamily.AVRO, partitioned, "avro");
    }
    return new TableProfile(FormatProfile.UNKNOWN, FileFamily.UNKNOWN, partitioned, null);
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
