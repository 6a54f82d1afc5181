package dev.schemadrift.cli;

import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;

/** How the CLI renders reports after a run: in-process, with the report generator's own code. */
final class Reports {
  private Reports() {}

  /** The in-process trigger; null until the report generator module provides rendering. */
  static ReportTrigger inProcess(ObjectStore store) {
    return null;
  }
}
