package dev.schemadrift.contract;

import java.util.Locale;

/**
 * Reads a contract in whichever format its name says: ODCS v3 YAML for {@code .yaml} and {@code
 * .yml}, the monitor's own JSON for anything else (docs/CONTRACTS.md).
 */
public final class Contracts {
  private Contracts() {}

  /** Reads one contract; {@code source} (a file name, key or s3:// URI) picks the format. */
  public static Contract read(String source, byte[] bytes) {
    ContractReader.checkSize(source, bytes);
    return isOdcs(source)
        ? OdcsContractReader.read(source, bytes)
        : ContractReader.read(source, bytes);
  }

  /** Whether a contract with this name is read as ODCS YAML. */
  public static boolean isOdcs(String source) {
    String name = source.toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
