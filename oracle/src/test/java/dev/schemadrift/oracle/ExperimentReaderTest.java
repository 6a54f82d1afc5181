package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void partitionKeysAreReadWithRepairAsTheDefaultRegistration() throws IOException {
    Path file =
        write(
            "PARTITION_KEY_ADDED",
            "second",
            """
            {"formats": ["csv"], "changed": "day",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}],
             "before_partition_keys": [{"name": "region", "type": "string"}],
             "after_partition_keys": [{"name": "region", "type": "string"},
                                      {"name": "day", "type": "string"}]}
            """);
    Experiment experiment = ExperimentReader.read(file).getFirst();
    assertEquals(PartitionLayout.Registration.REPAIR, experiment.layout().registration());
    assertEquals(
        List.of(new Column("a", "int"), new Column("region", "string")),
        experiment.contractColumns());
    assertEquals(3, experiment.tableColumns().size());
    assertFalse(experiment.contractIsAfter());
  }

  @Test
  void aLayoutWithoutItsAfterKeysNamesTheMissingField() throws IOException {
    Path file =
        write(
            "PARTITION_KEY_ADDED",
            "bad",
            """
            {"formats": ["csv"], "changed": "a",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}],
             "before_partition_keys": [{"name": "region", "type": "string"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(file));
    assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    assertTrue(
        error.getMessage().contains("'after_partition_keys' is missing"), error.getMessage());
  }

  @Test
  void anUnknownRegistrationNamesTheField() throws IOException {
    Path file =
        write(
            "PARTITION_KEY_RENAMED",
            "bad",
            """
            {"formats": ["csv"], "changed": "a", "registration": "crawl",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}],
             "before_partition_keys": [{"name": "region", "type": "string"}],
             "after_partition_keys": [{"name": "area", "type": "string"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(file));
    assertTrue(
        error.getMessage().contains("field 'registration': 'crawl' is neither"),
        error.getMessage());
  }

  @Test
  void theContractSideAndPartitionFormatAreRead() throws IOException {
    Path file =
        write(
            "PARTITION_FORMAT_MISMATCH",
            "csv",
            """
            {"formats": ["parquet"], "changed": "a", "partitioned": true, "contract": "after",
             "partition_format": "csv",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}]}
            """);
    Experiment experiment = ExperimentReader.read(file).getFirst();
    assertTrue(experiment.contractIsAfter());
    assertEquals(StorageFormat.CSV, experiment.partitionFormat());
  }

  @Test
  void aPartitionFormatNeedsAPartitionedExperiment() throws IOException {
    Path file =
        write(
            "PARTITION_FORMAT_MISMATCH",
            "bad",
            """
            {"formats": ["parquet"], "changed": "a", "partition_format": "csv",
             "before": [{"name": "a", "type": "int"}], "after": [{"name": "a", "type": "int"}]}
            """);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExperimentReader.read(file));
    assertTrue(error.getMessage().contains("need partitioned: true"), error.getMessage());
  }

  @Test
  void theCommittedExperimentsAllRead() {
    List<Experiment> experiments = ExperimentReader.readAll(Path.of("experiments"));
    assertTrue(experiments.size() >= 40, "experiments: " + experiments.size());
    assertEquals(
        experiments.size(), experiments.stream().map(Experiment::tableName).distinct().count());
  }
}
