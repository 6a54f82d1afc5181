package dev.schemadrift.artifact;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.error.ErrorKind;
import java.util.List;
import java.util.Objects;

/**
 * What one run found for one table: the document written to {@code
 * diffs/<db>.<table>/<run>.diff.json}.
 */
public record DiffArtifact(
    int artifactVersion,
    String runId,
    TableName table,
    Status status,
    boolean createdTable,
    ContractInfo contract,
    CatalogInfo catalog,
    DataProbe dataProbe,
    Counts counts,
    List<Finding> findings,
    List<Policy.Waiver> unusedWaivers,
    ErrorInfo error,
    String catalogId) {

  public static final int VERSION = 1;

  /**
   * Checks the parts.
   *
   * @param catalogId the Glue catalog (12-digit account id) the contract or registry named, or null
   *     for the monitor's own account
   */
  public DiffArtifact {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    findings = List.copyOf(findings);
    unusedWaivers = List.copyOf(unusedWaivers);
  }

  /** An artifact about a table of the monitor's own catalog. */
  public DiffArtifact(
      int artifactVersion,
      String runId,
      TableName table,
      Status status,
      boolean createdTable,
      ContractInfo contract,
      CatalogInfo catalog,
      DataProbe dataProbe,
      Counts counts,
      List<Finding> findings,
      List<Policy.Waiver> unusedWaivers,
      ErrorInfo error) {
    this(
        artifactVersion,
        runId,
        table,
        status,
        createdTable,
        contract,
        catalog,
        dataProbe,
        counts,
        findings,
        unusedWaivers,
        error,
        null);
  }

  /** A copy that names the Glue catalog the table was looked up in (null: the own account's). */
  public DiffArtifact withCatalogId(String newCatalogId) {
    return new DiffArtifact(
        artifactVersion,
        runId,
        table,
        status,
        createdTable,
        contract,
        catalog,
        dataProbe,
        counts,
        findings,
        unusedWaivers,
        error,
        newCatalogId);
  }

  /** The table the artifact is about. */
  public record TableName(String database, String name) {
    public String qualified() {
      return database + "." + name;
    }
  }

  /** Which contract was compared: where it came from, its version and a hash of its bytes. */
  public record ContractInfo(String key, String version, String sha256) {}

  /**
   * Which Glue table definition was compared, and how it is read.
   *
   * @param partitions which partitions were compared with the table; null when none were asked for
   *     (an unpartitioned or Iceberg table, a created table, a local snapshot without partitions)
   * @param setAsideColumns columns left out of the comparison before matching, in table order: the
   *     Hudi metadata columns ({@code _hoodie_*}) the contract does not list
   */
  public record CatalogInfo(
      String versionId,
      String updateTime,
      String tableType,
      FormatProfile profile,
      FileFamily fileFamily,
      boolean partitioned,
      String location,
      PartitionsInfo partitions,
      List<String> setAsideColumns) {
    public CatalogInfo {
      setAsideColumns = setAsideColumns == null ? List.of() : List.copyOf(setAsideColumns);
    }

    /** A table definition whose partitions were not asked for, with nothing set aside. */
    public CatalogInfo(
        String versionId,
        String updateTime,
        String tableType,
        FormatProfile profile,
        FileFamily fileFamily,
        boolean partitioned,
        String location) {
      this(
          versionId,
          updateTime,
          tableType,
          profile,
          fileFamily,
          partitioned,
          location,
          null,
          List.of());
    }
  }

  /**
   * The partition sample of a table: at most {@code limit} partitions, {@code read} of them from
   * {@code first} to {@code last} (in the order of their values), whether Glue holds more, or why
   * none was read ({@code skipped}, null when the sample was read); {@code readIn}, when not null,
   * is the earlier run that read these partitions from Glue: a table whose contract alone changed
   * is compared with the partitions its last check read (its Glue table version is unchanged).
   */
  public record PartitionsInfo(
      int limit, int read, boolean more, String first, String last, String skipped, String readIn) {
    public PartitionsInfo {
      if (limit < 0 || read < 0 || read > limit) {
        throw new IllegalArgumentException("read " + read + " partitions of a limit " + limit);
      }
    }
  }

  /** The result of looking for data files at the contract's location. */
  public record DataProbe(String location, boolean hasData) {}

  /** Unwaived findings by severity, plus findings under a live waiver. */
  public record Counts(int breaking, int risky, int safe, int waived) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);
  }

  /**
   * Why the monitor could not decide.
   *
   * @param kindName the kind as the artifact spells it: the kind's name, or for {@link
   *     ErrorKind#UNRECOGNISED} the unknown name that was read
   */
  public record ErrorInfo(ErrorKind kind, String kindName, String message) {
    public ErrorInfo {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(kindName, "kindName");
      if (ErrorKind.named(kindName) != kind) {
        throw new IllegalArgumentException("'" + kindName + "' does not name error kind " + kind);
      }
    }

    public ErrorInfo(ErrorKind kind, String message) {
      this(kind, kind.name(), message);
    }

    /** An error as an artifact spells it; a kind this version does not know is kept as read. */
    public static ErrorInfo read(String kindName, String message) {
      return new ErrorInfo(ErrorKind.named(kindName), kindName, message);
    }
  }
}
