package dev.schemadrift.run.it;

/**
 * The AWS calls a SchemaDiffFunction run makes, each a row of the fault table in
 * docs/RELIABILITY.md (a test keeps the two in step): what a user sees when the call keeps failing
 * after the SDK's retries.
 */
public enum FaultPoint {
  REGISTRY_READ("S3 GetObject of the registry", Outcome.RUN_FAILS),
  CONTRACT_READ("S3 GetObject of one contract", Outcome.TABLE_ERROR),
  DATA_PROBE("S3 ListObjectsV2 of one data location", Outcome.TABLE_ERROR),
  GLUE_READ("Glue GetTables of one database", Outcome.TABLE_ERROR),
  GLUE_CREATE("Glue CreateTable of one missing table", Outcome.TABLE_ERROR),
  DIFF_WRITE("S3 PutObject of one diff artifact", Outcome.TABLE_ERROR),
  MANIFEST_WRITE("S3 PutObject of the run manifest", Outcome.RUN_FAILS),
  CURSOR_WRITE("S3 PutObject of the registry cursor", Outcome.RUN_FAILS),
  REPORT_INVOKE("Lambda Invoke (async) of the report generator", Outcome.RUN_FAILS);

  /** What a call that keeps failing does to the run. */
  public enum Outcome {
    /** That table (registry entry) is ERROR; the others are checked; the run succeeds. */
    TABLE_ERROR,
    /** The invocation fails loudly (Lambda retries it); what was written stays valid. */
    RUN_FAILS
  }

  private final String call;
  private final Outcome outcome;

  FaultPoint(String call, Outcome outcome) {
    this.call = call;
    this.outcome = outcome;
  }

  public String call() {
    return call;
  }

  public Outcome outcome() {
    return outcome;
  }
}
