package dev.schemadrift.error;

/**
 * Why the monitor could not decide about a table, as the artifact's {@code error.kind} names it,
 * with what a data engineer can do about it.
 */
public enum ErrorKind {
  // The contract and the registry.
  INVALID_CONTRACT(
      "Fix the contract where the message points (file and JSON path); docs/schemas/"
          + "contract.schema.json validates it in an editor. The next run picks it up."),
  CONTRACT_NOT_FOUND(
      "Upload the contract to the contract bucket, or disable or remove its entry in the"
          + " registry (configs/tables.json)."),
  CONTRACT_LOCATION_NOT_ALLOWED(Advice.READ_THE_MESSAGE),
  DUPLICATE_CONTRACT(
      "Two registry entries describe this table: keep one contract per table in the registry."),
  DATA_LOCATION_NOT_ALLOWED(Advice.READ_THE_MESSAGE),

  // The Glue table.
  INVALID_GLUE_TYPE(
      "A column type in Glue is not a valid Hive type string. Correct it in Glue (the job,"
          + " crawler or DDL that wrote it), then re-run."),
  INVALID_GLUE_TABLE(Advice.READ_THE_MESSAGE),
  DUPLICATE_GLUE_COLUMN(Advice.READ_THE_MESSAGE),
  NO_STORAGE_DESCRIPTOR(
      "Glue holds no column list for this table. Re-register the table with its columns (DDL,"
          + " crawler or the contract's create_if_missing)."),
  SPARK_PLACEHOLDER_SCHEMA(
      "Spark registered this table with a placeholder column list and recorded no schema in its"
          + " parameters (spark.sql.sources.schema…), so its schema is unknown. Re-save the table"
          + " from Spark 2.1 or later, or register it with real columns (Athena DDL or a"
          + " crawler), to have it checked."),

  // Spark datasource and Delta Lake tables (docs/FORMATS.md "Spark and Delta Lake tables").
  INVALID_SPARK_SCHEMA(
      "The schema Spark recorded in the table parameters is inconsistent (the message names the"
          + " parameter): re-save the table from Spark (ALTER TABLE … or saveAsTable) or fix the"
          + " parameter, then re-run."),
  UNSUPPORTED_SPARK_PROVIDER(
      "Spark registered this table with a provider the monitor does not read (only parquet, orc,"
          + " csv, json, avro and delta are). Disable the table's registry entry, or register it"
          + " with real columns."),
  DELTA_LOG_NOT_READ(
      "This is a Delta Lake table: its schema is in its _delta_log, which this command does not"
          + " read. Run `schema-drift check` (with --data-root or --aws) to compare it."),
  DELTA_LOG_NOT_FOUND(
      "No Delta log was found at the table's location: check the table's location (the SerDe"
          + " parameter path) and that the monitor may read <location>/_delta_log/."),
  INVALID_DELTA_LOG(
      "A file of the table's _delta_log is not what the Delta protocol describes (the message"
          + " names the file and the field). Check the writer, then re-run."),
  DELTA_SCHEMA_ONLY_IN_CHECKPOINT(
      "The table's current schema is only in a Parquet checkpoint of its _delta_log, which the"
          + " monitor does not read. Any schema change (or a metadata-only commit such as ALTER"
          + " TABLE … SET TBLPROPERTIES) writes it to a JSON commit the monitor reads."),
  GLUE_INCONSISTENT(
      "Glue accepted the table but does not return it yet; the next run should see it."),
  TOO_COMPLEX(Advice.READ_THE_MESSAGE),

  // An AWS call that kept failing after the SDK's retries.
  ACCESS_DENIED(
      "The monitor's role lacks a permission named in the message: grant it (scoped to this"
          + " bucket, database or table), then re-run."),
  THROTTLED(
      "AWS throttled the calls even after retries. Lower CONCURRENCY or MAX_TABLES_PER_RUN, or"
          + " spread the schedule; the next run usually succeeds."),
  TIMEOUT(Advice.UNREACHABLE),
  UNREACHABLE(Advice.UNREACHABLE),
  AWS_ERROR(Advice.READ_THE_MESSAGE),
  REPORT_INVOKE_FAILED(Advice.READ_THE_MESSAGE),

  // Any object store: an object above the reader's limit.
  TOO_LARGE(Advice.READ_THE_MESSAGE),

  // The local folders and catalog snapshot of the CLI.
  IO_ERROR(Advice.READ_THE_MESSAGE),
  INVALID_KEY(Advice.READ_THE_MESSAGE),
  CATALOG_NOT_FOUND(Advice.READ_THE_MESSAGE),
  DATABASE_NOT_FOUND(Advice.READ_THE_MESSAGE),
  INVALID_SNAPSHOT(Advice.READ_THE_MESSAGE),
  SNAPSHOT_FILE_TAKEN(
      "The catalog folder already has a file where the created table would be saved, holding"
          + " other tables; it is never overwritten. Move or rename that file (every *.json"
          + " below the folder is read), then re-run."),
  REPORT_FAILED(Advice.READ_THE_MESSAGE),

  // The run's diff artifact for a table is unusable (the last two: found by the report generator).
  DIFF_NOT_WRITTEN(Advice.RESULT_LOST),
  DIFF_MISSING(Advice.RESULT_LOST),
  DIFF_INVALID(Advice.RESULT_LOST),

  INTERNAL("This is a bug in the monitor: report it with the message and the diff JSON."),

  /**
   * A kind read from an artifact that this version does not know (a newer monitor wrote it); the
   * artifact keeps its spelling, see {@code DiffArtifact.ErrorInfo#kindName}.
   */
  UNRECOGNISED(Advice.READ_THE_MESSAGE);

  private final String advice;

  ErrorKind(String advice) {
    this.advice = advice;
  }

  /** What a data engineer can do about it, as the table report shows it. */
  public String advice() {
    return advice;
  }

  /** The kind of that name, or {@link #UNRECOGNISED}: an artifact's kind is never refused. */
  public static ErrorKind named(String name) {
    for (ErrorKind kind : values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return UNRECOGNISED;
  }

  /**
   * Advice several kinds share: nested, since an enum's own static fields come after its constants.
   */
  private static final class Advice {
    static final String READ_THE_MESSAGE =
        "Read the message, fix its cause, and re-run the check; the diff JSON has details.";
    static final String UNREACHABLE =
        "AWS could not be reached in time; this is usually transient and the next run retries."
            + " If it persists, check the network path (VPC endpoints, NAT) of the function.";
    static final String RESULT_LOST =
        "The run's result for this table was lost before it could be reported. Re-run the check"
            + " for this table; if it recurs, look at SchemaDiffFunction's log for the run.";
  }
}
