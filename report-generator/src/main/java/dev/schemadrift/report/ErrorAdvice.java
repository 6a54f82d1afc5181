package dev.schemadrift.report;

/** What a data engineer can do about each kind of ERROR, and about NO_DATA. */
public final class ErrorAdvice {
  /** The report generator's own kinds: the run's diff artifact for a table is unusable. */
  public static final String DIFF_NOT_WRITTEN = "DIFF_NOT_WRITTEN";

  public static final String DIFF_MISSING = "DIFF_MISSING";
  public static final String DIFF_INVALID = "DIFF_INVALID";

  public static final String NO_DATA =
      "Nothing was compared: the table's data location holds no files. If data is expected, check"
          + " that the producing job ran and writes to this location (the contract's"
          + " data_location); for a new table there is nothing to do: the next run compares it once"
          + " files arrive.";

  private ErrorAdvice() {}

  public static String forKind(String kind) {
    return switch (kind) {
      case "INVALID_CONTRACT" ->
          "Fix the contract where the message points (file and JSON path); docs/schemas/"
              + "contract.schema.json validates it in an editor. The next run picks it up.";
      case "CONTRACT_NOT_FOUND" ->
          "Upload the contract to the contract bucket, or disable or remove its entry in the"
              + " registry (configs/tables.json).";
      case "DUPLICATE_CONTRACT" ->
          "Two registry entries describe this table: keep one contract per table in the registry.";
      case "INVALID_GLUE_TYPE" ->
          "A column type in Glue is not a valid Hive type string. Correct it in Glue (the job,"
              + " crawler or DDL that wrote it), then re-run.";
      case "NO_STORAGE_DESCRIPTOR" ->
          "Glue holds no column list for this table. Re-register the table with its columns (DDL,"
              + " crawler or the contract's create_if_missing).";
      case "SPARK_PLACEHOLDER_SCHEMA" ->
          "Spark registered this table with a placeholder column list, so Glue does not show its"
              + " real schema. Register it with real columns (Athena DDL or a crawler) to have it"
              + " checked.";
      case "ACCESS_DENIED" ->
          "The monitor's role lacks a permission named in the message: grant it (scoped to this"
              + " bucket, database or table), then re-run.";
      case "THROTTLED" ->
          "AWS throttled the calls even after retries. Lower CONCURRENCY or MAX_TABLES_PER_RUN, or"
              + " spread the schedule; the next run usually succeeds.";
      case "TIMEOUT", "UNREACHABLE" ->
          "AWS could not be reached in time; this is usually transient and the next run retries."
              + " If it persists, check the network path (VPC endpoints, NAT) of the function.";
      case "GLUE_INCONSISTENT" ->
          "Glue accepted the table but does not return it yet; the next run should see it.";
      case DIFF_NOT_WRITTEN, DIFF_MISSING, DIFF_INVALID ->
          "The run's result for this table was lost before it could be reported. Re-run the check"
              + " for this table; if it recurs, look at SchemaDiffFunction's log for the run.";
      case "INTERNAL" ->
          "This is a bug in the monitor: report it with the message and the diff JSON.";
      default ->
          "Read the message, fix its cause, and re-run the check; the diff JSON has details.";
    };
  }
}
