package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReaderTest {
  @TempDir Path folder;

  private Path write(String rule, String name, String json) throws IOException {
    Path file = folder.resolve(rule).resolve(name + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }

  @Test
  void oneExperimentPerFormatNamedRuleCaseFormat() throws IOException {
    write(
        "COLUMN_ADDED",
        "at-end",
        """
        {"formats": ["orc", "json"], "changed": "b",
         "before": [{"name": "a", "type": "int"}],
         "after": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}
        """);
    List<Experiment> experiments = ExperimentReader.readAll(folder);
    assertEquals(
        List.of("COLUMN_ADDED/at-end/orc", "COLUMN_ADDED/at-end/json"),
        experiments.stream().map(Experiment::id).toList());
    assertEquals("column_added_at_end_orc", experiments.getFirst().tableName());
    assertEquals(ColumnAccess.DEFAULT, experiments.getFirst().access());
  }

  @Test
  void accessSwitchIsRead() throws IOException {
    Path file =
        write(
            "COLUMN_INSERTED",
            "orc-by-name",
            """
            {"formats": ["orc"], "access": "by-name", "changed": "a",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}]}
            """);
    assertEquals(ColumnAccess.BY_NAME, ExperimentReader.read(file).getFirst().access());
  }

  @Test
  void anUnknownFormatNamesTheFileAndTheField() throws IOException {
    Path file =
        write(
            "COLUMN_ADDED",
            "bad",
            """
            {"formats": ["xml"], "changed": "a",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(file));
    assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("unknown format 'xml'"), error.getMessage());
  }

  @Test
  void aChangedColumnInNeitherSchemaIsRefused() throws IOException {
    Path file =
        write(
            "COLUMN_ADDED",
            "bad",
            """
            {"formats": ["orc"], "changed": "z",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(file));
    assertTrue(error.getMessage().contains("changed column 'z'"), error.getMessage());
  }

  @Test
  void aNestedPathNamesItsColumnBeforeTheFirstBracketOrDot() throws IOException {
    Path file =
        write(
            "COLUMN_TYPE_WIDENED",
            "map",
            """
            {"formats": ["openx_json", "opencsv"], "changed": "scores{value}",
             "before": [{"name": "scores", "type": "map<string,int>"}],
             "after": [{"name": "scores", "type": "map<string,bigint>"}]}
            """);
    assertEquals(
        List.of(StorageFormat.OPENX_JSON, StorageFormat.OPENCSV),
        ExperimentReader.read(file).stream().map(Experiment::format).toList());
    Path wrong =
        write(
            "COLUMN_TYPE_WIDENED",
            "array",
            """
            {"formats": ["orc"], "changed": "labels[]",
             "before": [{"name": "tags", "type": "array<int>"}],
             "after": [{"name": "tags", "type": "array<bigint>"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(wrong));
    assertTrue(error.getMessage().contains("changed column 'labels'"), error.getMessage());
  }

  @Test
  void theCommittedExperimentsAllRead() {
    List<Experiment> experiments = ExperimentReader.readAll(Path.of("experiments"));
    assertTrue(experiments.size() >= 40, "experiments: " + experiments.size());
    assertEquals(
        experiments.size(), experiments.stream().map(Experiment::tableName).distinct().count());
  }
}
