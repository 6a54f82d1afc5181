package dev.schemadrift.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TelemetryPrimingTest {
  @Test
  void primingWritesARecordAndAFullMetricsDocumentTheSameEveryTime() {
    int first = TelemetryPriming.prime();

    assertTrue(first > 500, "a record and a document of every metric: " + first + " chars");
    assertEquals(first, TelemetryPriming.prime(), "fixed clock: the same output every time");
  }
}
