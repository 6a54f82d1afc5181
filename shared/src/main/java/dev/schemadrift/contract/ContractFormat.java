package dev.schemadrift.contract;

import dev.schemadrift.json.Spelling;
import java.util.Locale;
import java.util.Optional;

/** The storage format a contract promises. */
public enum ContractFormat {
  PARQUET,
  ORC,
  AVRO,
  JSON,
  ION,
  CSV,
  TSV,
  REGEX,
  ICEBERG,
  /** An Athena/Glue view ({@code VIRTUAL_VIEW}): columns but no files, compared by name. */
  VIEW;

  /** The lower-case spelling used in contracts. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a contract spells {@code name}, if any. */
  public static Optional<ContractFormat> fromJsonName(String name) {
    return Spelling.LOWER_CASE.parse(ContractFormat.class, name);
  }

  /** Delimited text formats share the same SerDes and differ only by delimiter. */
  public boolean isDelimitedText() {
    return this == CSV || this == TSV;
  }
}
