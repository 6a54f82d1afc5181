package dev.schemadrift.report.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.snapstart.SnapStartPriming;
import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void primingRunsAWholeGenerationAndIsRepeatable() {
    int first = Priming.prime();
    assertTrue(first > 5_000, "index.html is rendered: " + first + " bytes");
    assertEquals(first, Priming.prime(), "no clock or randomness: the same bytes every time");
  }

  @Test
  void registersWithoutACheckpointingJvm() {
    SnapStartPriming priming = Priming.register();
    assertNotNull(priming);
    priming.beforeCheckpoint(null);
    priming.afterRestore(null);
  }
}
