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
  UNKNOWN;

  /** The lower-case name used in artifacts. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
