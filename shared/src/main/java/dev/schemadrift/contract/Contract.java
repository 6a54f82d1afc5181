package dev.schemadrift.contract;

import java.util.List;
import java.util.Objects;

/** What a data team promises about one Glue table. */
public record Contract(
    String contractVersion,
    String database,
    String table,
    String owner,
    String description,
    String dataLocation,
    ContractFormat format,
    FormatOptions formatOptions,
    List<ContractColumn> columns,
    List<ContractColumn> partitionKeys,
    Policy policy) {

  public Contract {
    Objects.requireNonNull(contractVersion, "contractVersion");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(dataLocation, "dataLocation");
    Objects.requireNonNull(format, "format");
    formatOptions = formatOptions == null ? FormatOptions.NONE : formatOptions;
    columns = List.copyOf(columns);
    partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    policy = policy == null ? Policy.EMPTY : policy;
  }

  /** {@code database.table}, the name used in keys and reports. */
  public String qualifiedName() {
    return database + "." + table;
  }

  /** A copy with another policy (e.g. the registry defaults layered under this one). */
  public Contract withPolicy(Policy newPolicy) {
    return new Contract(
        contractVersion,
        database,
        table,
        owner,
        description,
        dataLocation,
        format,
        formatOptions,
        columns,
        partitionKeys,
        newPolicy);
  }
}
