package dev.schemadrift.port;

/** Starts report generation for a finished run: an async Lambda invoke, or an in-process call. */
public interface ReportTrigger {
  /** Asks for the run's reports; the manifest names every diff, so it is all that is sent. */
  void trigger(String bucket, String manifestKey);

  /** Starts nothing: runs without reports (no report function configured, a dry run). */
  ReportTrigger NONE = (bucket, manifestKey) -> {};
}
