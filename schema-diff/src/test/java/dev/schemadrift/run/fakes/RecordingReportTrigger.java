package dev.schemadrift.run.fakes;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.List;

/** A {@link ReportTrigger} that records what it was asked to start and can be told to fail. */
public final class RecordingReportTrigger implements ReportTrigger {
  /** One request for reports. */
  public record Triggered(String bucket, String manifestKey) {}

  private final List<Triggered> triggered = new ArrayList<>();
  private ErrorKind failureKind;

  /** Makes every later trigger throw a {@link StoreException} of this kind (after recording it). */
  public synchronized void failWith(ErrorKind kind) {
    failureKind = kind;
  }

  /** Every request so far, in order. */
  public synchronized List<Triggered> triggered() {
    return List.copyOf(triggered);
  }

  @Override
  public synchronized void trigger(String bucket, String manifestKey) {
    triggered.add(new Triggered(bucket, manifestKey));
    if (failureKind != null) {
      throw new StoreException(failureKind, failureKind + " starting the reports", null);
    }
  }
}
