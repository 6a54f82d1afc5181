package dev.schemadrift.contract;

import dev.schemadrift.type.DataType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A promised column or partition key. {@code required} is null when the contract makes no promise
 * about nullability.
 */
public record ContractColumn(
    String name,
    DataType type,
    Boolean required,
    String description,
    List<String> previousNames,
    boolean deprecated,
    LocalDate sunset) {

  public ContractColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    previousNames = previousNames == null ? List.of() : List.copyOf(previousNames);
  }

  /** A plain column with only a name and a type, as tests and table bootstrapping need. */
  public static ContractColumn of(String name, DataType type) {
    return new ContractColumn(name, type, null, null, List.of(), false, null);
  }
}
