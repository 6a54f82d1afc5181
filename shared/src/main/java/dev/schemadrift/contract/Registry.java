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

  /** One registry line: a contract key (or s3:// URI), whether it is checked, and labels. */
  public record Entry(String contract, boolean enabled, List<String> tags) {
    public Entry {
      Objects.requireNonNull(contract, "contract");
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }
}
