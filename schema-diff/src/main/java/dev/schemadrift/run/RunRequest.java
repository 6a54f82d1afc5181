package dev.schemadrift.run;

import dev.schemadrift.artifact.RunId;
import java.util.List;
import java.util.Objects;

/**
 * What one invocation asks for.
 *
 * @param contractKey one contract (key in the contract bucket or s3:// URI), or null
 * @param tables a registry subset as {@code db.table} names, or empty for the scheduled slice
 * @param contractKeys an explicit list of contracts (the CLI's {@code --contracts}), or empty
 * @param full judge every table again even where the check state says nothing changed (the event's
 *     {@code "full": true})
 */
public record RunRequest(
    RunId runId, String contractKey, List<String> tables, List<String> contractKeys, boolean full) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    tables = tables == null ? List.of() : List.copyOf(tables);
    contractKeys = contractKeys == null ? List.of() : List.copyOf(contractKeys);
  }

  public RunRequest(
      RunId runId, String contractKey, List<String> tables, List<String> contractKeys) {
    this(runId, contractKey, tables, contractKeys, false);
  }

  public RunRequest(RunId runId, String contractKey, List<String> tables) {
    this(runId, contractKey, tables, List.of());
  }

  /** This request as a full run (or not). */
  public RunRequest withFull(boolean full) {
    return new RunRequest(runId, contractKey, tables, contractKeys, full);
  }
}
