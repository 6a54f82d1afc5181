package dev.schemadrift.cli;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.report.ReportGenerator;

/**
 * How the CLI renders reports after a run: in-process, with the report generator's own code, on the
 * same object store the run wrote to (a local folder or S3).
 */
final class Reports {
  private Reports() {}

  static ReportTrigger inProcess(ObjectStore store) {
    return (bucket, manifestKey) -> {
      try {
        new ReportGenerator(store, bucket).generateRun(manifestKey);
      } catch (IllegalArgumentException e) {
        throw new StoreException(
            ErrorKind.REPORT_FAILED, "reports could not be rendered: " + e.getMessage(), e);
      }
    };
  }
}
