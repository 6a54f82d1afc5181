package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupTrainingTest {
  @Test
  void everyTrainingCommandRuns() throws Exception {
    // A renamed command or option would turn the launcher's training into a usage error, and the
    // archive would hold only picocli's error path.
    assertTrue(StartupTraining.train());
  }
}
