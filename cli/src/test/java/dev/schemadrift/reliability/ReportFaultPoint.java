package dev.schemadrift.reliability;

/**
 * The S3 writes a report generation makes, each a row of the fault table in docs/RELIABILITY.md (a
 * test keeps the two in step). A write that keeps failing fails the generation loudly, so that
 * Lambda retries the event; what was written stays valid and a rerun completes.
 */
enum ReportFaultPoint {
  REPORT_WRITE("S3 PutObject of one table's run report (.md, .html)"),
  LATEST_WRITE("S3 PutObject of one table's latest.html"),
  INDEX_STATE_WRITE("S3 conditional PutObject of state/index.json"),
  INDEX_HTML_WRITE("S3 PutObject of index.html");

  private final String call;

  ReportFaultPoint(String call) {
    this.call = call;
  }

  String call() {
    return call;
  }
}
