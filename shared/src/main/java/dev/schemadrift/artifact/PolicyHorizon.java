package dev.schemadrift.artifact;

import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.contract.Policy;
import java.time.LocalDate;
import java.util.List;

/**
 * The first date after a run at which the run date alone could change a table's verdict: the day
 * after a waiver's {@code expires} (a waiver is live through that date) or after a deprecated
 * column's {@code sunset} (its removal is announced from the day after). Before it, the same
 * contract and Glue table give the same artifact apart from the run id; on or after it, the verdict
 * must be recomputed.
 */
public final class PolicyHorizon {
  private PolicyHorizon() {}

  /**
   * The earliest such date after {@code today}, or null when no date in the contract (with its
   * merged policy) lies ahead.
   */
  public static LocalDate after(Contract contract, LocalDate today) {
    LocalDate horizon = null;
    for (Policy.Waiver waiver : contract.policy().waivers()) {
      horizon = earlier(horizon, waiver.expires().plusDays(1), today);
    }
    horizon = sunsets(contract.columns(), horizon, today);
    return sunsets(contract.partitionKeys(), horizon, today);
  }

  private static LocalDate sunsets(
      List<ContractColumn> columns, LocalDate horizon, LocalDate today) {
    LocalDate result = horizon;
    for (ContractColumn column : columns) {
      if (column.deprecated() && column.sunset() != null) {
        result = earlier(result, column.sunset().plusDays(1), today);
      }
    }
    return result;
  }

  /** The earlier of two dates, counting only dates after today. */
  private static LocalDate earlier(LocalDate current, LocalDate candidate, LocalDate today) {
    if (!candidate.isAfter(today)) {
      return current;
    }
    return current == null || candidate.isBefore(current) ? candidate : current;
  }
}
