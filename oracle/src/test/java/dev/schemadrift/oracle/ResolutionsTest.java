package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolutionsTest {
  @TempDir Path folder;

  private Path write(String text) throws IOException {
    return Files.writeString(folder.resolve("resolutions.tsv"), text);
  }

  @Test
  void readsBothKindsAndSkipsComments() throws IOException {
    Map<String, String> resolutions =
        Resolutions.read(
            write(
                "# comment\n"
                    + "A/b/orc\trule fixed\n"
                    + "A/b/parquet\tengine more lenient than Athena's documented behaviour:"
                    + " https://docs.aws.amazon.com/athena/\n"));
    assertEquals("rule fixed", resolutions.get("A/b/orc"));
    assertTrue(resolutions.get("A/b/parquet").endsWith("/athena/"));
  }

  @Test
  void readsAnEngineDefectWithWhatFailed() throws IOException {
    Map<String, String> resolutions =
        Resolutions.read(
            write("A/b/avro\tengine defect: ClassCastException reading the old partition\n"));
    assertEquals(
        "engine defect: ClassCastException reading the old partition", resolutions.get("A/b/avro"));
  }

  @Test
  void anEngineDefectThatSaysNothingIsRefused() throws IOException {
    Path file = write("A/b/orc\tengine defect:  \n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Resolutions.read(file));
    assertTrue(error.getMessage().contains("line 1"), error.getMessage());
    assertTrue(
        error.getMessage().contains("engine defect: <what and evidence>"), error.getMessage());
  }

  @Test
  void aResolutionWithoutASourceIsRefused() throws IOException {
    Path file = write("A/b/orc\tengine more lenient than Athena's documented behaviour: \n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Resolutions.read(file));
    assertTrue(error.getMessage().contains("line 1"), error.getMessage());
  }

  @Test
  void anythingElseIsRefused() throws IOException {
    Path file = write("A/b/orc\twe think it is fine\n");
    assertThrows(IllegalArgumentException.class, () -> Resolutions.read(file));
  }

  @Test
  void anExperimentResolvedTwiceIsRefused() throws IOException {
    Path file = write("A/b/orc\trule fixed\nA/b/orc\trule fixed\n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Resolutions.read(file));
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
  }

  @Test
  void theCommittedFileReads() throws IOException {
    Resolutions.read(Path.of("resolutions.tsv"));
  }
}
