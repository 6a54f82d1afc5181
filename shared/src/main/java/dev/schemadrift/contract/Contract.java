package dev.schemadrift.contract;

import java.util.List;
import java.util.Objects;

/**
 * What a data team promises about one Glue table.
 *
 * @param dataLocation where the files live; null exactly for a view, which has none
 * @param catalogId the Glue catalog (12-digit account id) that holds the table; null for the
 *     caller's own account
 */
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
    Policy policy,
    String catalogId) {

  public Contract {
    Objects.requireNonNull(contractVersion, "contractVersion");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(format, "format");
    if ((dataLocation == null) != (format == ContractFormat.VIEW)) {
      throw new IllegalArgumentException(
          "a view has no data_location, and every other table has one: " + format.jsonName());
    }
    if (catalogId != null && ContractConstraints.catalogIdProblem(catalogId) != null) {
      throw new IllegalArgumentException(ContractConstraints.catalogIdProblem(catalogId));
    }
    formatOptions = formatOptions == null ? FormatOptions.NONE : formatOptions;
    columns = List.copyOf(columns);
    partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    policy = policy == null ? Policy.EMPTY : policy;
  }

  /** A contract of the caller's own catalog. */
  public Contract(
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
    this(
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
        policy,
        null);
  }

  /** Whether the contract describes a view: compared by column name, never probed or created. */
  public boolean isView() {
    return format == ContractFormat.VIEW;
  }

  /** A copy that names the Glue catalog holding the table (null: the caller's own). */
  public Contract withCatalogId(String newCatalogId) {
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
        policy,
        newCatalogId);
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
        newPolicy,
        catalogId);
  }
}
