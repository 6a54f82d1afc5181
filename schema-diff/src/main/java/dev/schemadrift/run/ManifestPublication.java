package dev.schemadrift.run;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;

/**
 * The last step of a run once every artifact is written: write the manifest, save the registry
 * cursor and start the report generator; a failure of any of them fails the run.
 */
final class ManifestPublication {
  private final RunSettings settings;
  private final ObjectStore store;
  private final ReportTrigger trigger;

  ManifestPublication(RunSettings settings, ObjectStore store, ReportTrigger trigger) {
    this.settings = settings;
    this.store = store;
    this.trigger = trigger;
  }

  /**
   * Writes the manifest, then the cursor when the run moves it, then triggers the reports.
   *
   * @param cursorAfterRun null when the run does not move the registry cursor
   */
  void publish(RunManifest manifest, RegistryCursor cursorAfterRun) {
    String manifestKey = BucketLayout.manifest(manifest.runId().value());
    try {
      store.put(settings.reportBucket(), manifestKey, manifest.toJson(), SchemaDiffRun.JSON);
    } catch (StoreException e) {
      throw new RunFailedException(
          "the diffs were written but the run manifest "
              + manifestKey
              + " could not be: "
              + e.getMessage(),
          e);
    }
    if (cursorAfterRun != null) {
      try {
        RegistryCursor.save(store, settings.reportBucket(), cursorAfterRun);
      } catch (StoreException e) {
        // The next scheduled run would repeat this slice: fail so the retry saves the cursor.
        throw new RunFailedException(
            "the diffs and manifest were written but the registry cursor could not be saved: "
                + e.getMessage(),
            e);
      }
    }
    try {
      trigger.trigger(settings.reportBucket(), manifestKey);
    } catch (StoreException e) {
      throw new RunFailedException(
          "the diffs and manifest "
              + manifestKey
              + " were written but the report generator could not be"
              + " started: "
              + e.getMessage(),
          e);
    }
  }
}
