package dev.schemadrift.artifact;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractVersion;
import dev.schemadrift.contract.VersionBump;
import dev.schemadrift.error.ErrorKind;
import java.util.Objects;
import java.util.Optional;

/**
 * How one contract version changes into the next, judged as drift: the old contract is the promise
 * and the table the new one describes ({@link TableDefinitions#describedBy}) is compared with it by
 * {@link TableCheck#compared}, so every rule, format profile and the old contract's policy apply as
 * in {@code diff}; then the version bump is checked against what the worst change needs.
 *
 * @param comparison the old contract compared with the new one's table; ERROR when they cannot be
 *     compared (then no bump is required)
 * @param newContract where the new contract came from, its version and the hash of its bytes
 * @param made the bump from the old version to the new one
 * @param required the bump the worst counted change needs
 */
public record ContractCompatibility(
    DiffArtifact comparison,
    DiffArtifact.ContractInfo newContract,
    ContractVersion oldVersion,
    ContractVersion newVersion,
    VersionBump made,
    VersionBump required) {

  public ContractCompatibility {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(comparison.contract(), "comparison.contract");
    Objects.requireNonNull(newContract, "newContract");
    Objects.requireNonNull(oldVersion, "oldVersion");
    Objects.requireNonNull(newVersion, "newVersion");
    Objects.requireNonNull(made, "made");
    Objects.requireNonNull(required, "required");
  }

  /**
   * Compares two versions of one table's contract.
   *
   * @param run its date judges the old contract's waivers and sunsets
   */
  public static ContractCompatibility check(
      RunId run,
      DiffArtifact.ContractInfo oldInfo,
      Contract oldContract,
      DiffArtifact.ContractInfo newInfo,
      Contract newContract,
      BumpRequirements requirements) {
    ContractVersion oldVersion = ContractVersion.parse(oldContract.contractVersion());
    ContractVersion newVersion = ContractVersion.parse(newContract.contractVersion());
    VersionBump made = newVersion.bumpFrom(oldVersion);
    if (!oldContract.qualifiedName().equals(newContract.qualifiedName())) {
      return uncomparable(
          run,
          oldInfo,
          oldContract,
          newInfo,
          newVersion,
          made,
          oldInfo.key()
              + " describes table "
              + oldContract.qualifiedName()
              + " and "
              + newInfo.key()
              + " describes "
              + newContract.qualifiedName()
              + ": compat compares two versions of one table's contract");
    }
    Optional<GlueTable> described = TableDefinitions.describedBy(newContract);
    if (described.isEmpty()) {
      return uncomparable(
          run,
          oldInfo,
          oldContract,
          newInfo,
          newVersion,
          made,
          newInfo.key()
              + ": format "
              + newContract.format().jsonName()
              + " describes no Glue table the monitor can derive from a contract");
    }
    DiffArtifact comparison =
        TableCheck.compared(run, oldInfo, oldContract, described.get(), null, false);
    VersionBump required =
        comparison.status() == Status.ERROR
            ? VersionBump.NONE
            : requirements.requiredFor(comparison.status().severity());
    return new ContractCompatibility(comparison, newInfo, oldVersion, newVersion, made, required);
  }

  /** Two contracts that cannot be compared: ERROR, and no bump is required. */
  private static ContractCompatibility uncomparable(
      RunId run,
      DiffArtifact.ContractInfo oldInfo,
      Contract oldContract,
      DiffArtifact.ContractInfo newInfo,
      ContractVersion newVersion,
      VersionBump made,
      String message) {
    DiffArtifact.TableName name =
        new DiffArtifact.TableName(oldContract.database(), oldContract.table());
    return new ContractCompatibility(
        TableCheck.error(run, name, oldInfo, ErrorKind.INVALID_CONTRACT, message),
        newInfo,
        ContractVersion.parse(oldContract.contractVersion()),
        newVersion,
        made,
        VersionBump.NONE);
  }

  /** Whether the new version is below the old one. */
  public boolean lowered() {
    return newVersion.compareTo(oldVersion) < 0;
  }

  /** Whether the version moved far enough: not lowered, and at least the required bump. */
  public boolean bumpSufficient() {
    return !lowered() && made.compareTo(required) >= 0;
  }

  /**
   * One sentence on the version: how it moved, what the changes need, and the lowest version that
   * would do when it is not enough.
   */
  public String versionVerdict() {
    String moved = oldVersion + " -> " + newVersion;
    if (lowered()) {
      return moved
          + " lowers the version: a new contract version must be higher than the old one; use "
          + oldVersion.next(required == VersionBump.NONE ? VersionBump.PATCH : required)
          + " or later.";
    }
    String bump = made == VersionBump.NONE ? "no version bump" : "a " + made.jsonName() + " bump";
    Status status = comparison.status();
    String need =
        switch (status) {
          case OK -> "no counted change needs one";
          case SAFE, RISKY, BREAKING ->
              status
                  + " changes need "
                  + (required == VersionBump.NONE
                      ? "no bump"
                      : "a " + required.jsonName() + " bump");
          case NO_DATA, ERROR -> "the changes could not be judged";
        };
    if (bumpSufficient()) {
      return moved + ": " + bump + "; " + need + ": OK.";
    }
    return moved
        + ": "
        + bump
        + ", but "
        + need
        + ": use "
        + oldVersion.next(required)
        + " or later.";
  }
}
