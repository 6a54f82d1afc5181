package dev.schemadrift.contract;

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
  ICEBERG;

  /** The lower-case spelling used in contracts. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ContractFormat> fromJsonName(String name) {
    for (ContractFormat format : values()) {
      if (format.jsonName().equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Delimited text formats share the same SerDes and differ only by delimiter. */
  public boolean isDelimitedText() {
    return this == CSV || this == TSV;
  }
}
