package dev.schemadrift.catalog;

import java.util.Locale;

/** The kind of files under a table, as far as type widening is concerned. */
public enum FileFamily {
  TEXT,
  PARQUET,
  ORC,
  AVRO,
  JSON,
  ION,
  ICEBERG,
  /** A view's columns: no files at all, only a query Athena runs. */
  VIEW,
  UNKNOWN;

  /** How the family is named in prose: "text", "Parquet", "unrecognised". */
  public String displayName() {
    return switch (this) {
      case TEXT -> "text";
      case PARQUET -> "Parquet";
      case ORC -> "ORC";
      case AVRO -> "Avro";
      case JSON -> "JSON";
      case ION -> "Ion";
      case ICEBERG -> "Iceberg";
      case VIEW -> "view";
      case UNKNOWN -> "unrecognised";
    };
  }

  /** The lower-case name used in artifacts. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
