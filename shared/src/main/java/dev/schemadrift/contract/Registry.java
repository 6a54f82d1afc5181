package dev.schemadrift.contract;

import java.util.List;
import java.util.Objects;

/** The list of contracts a registry-driven run checks, with policy defaults for all of them. */
public record Registry(int registryVersion, Policy defaultPolicy, List<Entry> tables) {
  public static final int VERSION = 1;

  public Registry {
    defaultPolicy = defaultPolicy == null ? Policy.EMPTY : defaultPolicy;
    tables = List.copyOf(tables);
  }

  /**
   * One registry line: a contract key (or s3:// URI), whether it is checked, labels, and the Glue
   * catalog that holds the table when it is another account's.
   *
   * @param catalogId a 12-digit account id, or null for the caller's own catalog
   */
  public record Entry(String contract, boolean enabled, List<String> tags, String catalogId) {
    public Entry {
      Objects.requireNonNull(contract, "contract");
      tags = tags == null ? List.of() : List.copyOf(tags);
      if (catalogId != null && ContractConstraints.catalogIdProblem(catalogId) != null) {
        throw new IllegalArgumentException(ContractConstraints.catalogIdProblem(catalogId));
      }
    }

    /** An entry of the caller's own catalog. */
    public Entry(String contract, boolean enabled, List<String> tags) {
      this(contract, enabled, tags, null);
    }
  }
}
