package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every exit code of {@code schema-drift diff}: scripts and CI pipelines branch on them. */
class DiffCommandTest {
  private static final String RUN_ID = "20261126T080000Z";

  private static final String CONTRACT =
      """
      {
        "contract_version": "1.0.0",
        "database": "nyc_parks",
        "table": "parks_properties",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "format": "parquet",
        "columns": [
          {"name": "gispropnum", "type": "string"},
          {"name": "acres", "type": "decimal(10,2)"}
        ]
      }
      """;

  /** A Parquet table whose columns are given as JSON array elements. */
  private static final String TABLE_TEMPLATE =
      """
      {"Table": {
        "Name": "parks_properties",
        "DatabaseName": "nyc_parks",
        "TableType": "EXTERNAL_TABLE",
        "VersionId": "3",
        "UpdateTime": "2026-11-20T10:00:00+00:00",
        "StorageDescriptor": {
          "Columns": [%s],
          "Location": "s3://example-data/nyc/parks_properties/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "SerdeInfo": {
            "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
          }
        },
        "PartitionKeys": []
      }}
      """;

  private static final String MATCHING_TABLE =
      TABLE_TEMPLATE.formatted(
          "{\"Name\": \"gispropnum\", \"Type\": \"string\"},"
              + " {\"Name\": \"acres\", \"Type\": \"decimal(10,2)\"}");

  /** acres is gone: COLUMN_REMOVED is BREAKING. */
  private static final String BREAKING_TABLE =
      TABLE_TEMPLATE.formatted("{\"Name\": \"gispropnum\", \"Type\": \"string\"}");

  /** An extra column after every contract column: COLUMN_ADDED is SAFE. */
  private static final String SAFE_TABLE =
      TABLE_TEMPLATE.formatted(
          "{\"Name\": \"gispropnum\", \"Type\": \"string\"},"
              + " {\"Name\": \"acres\", \"Type\": \"decimal(10,2)\"},"
              + " {\"Name\": \"visits\", \"Type\": \"int\"}");

  @TempDir Path directory;

  /** What one run printed and returned. */
  private record Run(int exitCode, String out, String err) {
    JsonNode artifact() {
      return Json.readTree("stdout", out.getBytes(StandardCharsets.UTF_8));
    }

    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  // ---------------------------------------------------------------- 0 and 1

  @Test
  void matchingTableIsOk() throws IOException {
    Run run = diff(CONTRACT, MATCHING_TABLE);

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("OK", run.artifact().get("status").asText());
    assertEquals(RUN_ID, run.artifact().get("run_id").asText());
    assertEquals("", run.err());
    assertTrue(run.out().endsWith("}\n"), "the artifact ends with one newline");
  }

  @Test
  void breakingWithoutFailOnStillExitsZero() throws IOException {
    Run run = diff(CONTRACT, BREAKING_TABLE);

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("BREAKING", run.artifact().get("status").asText());
    assertEquals("COLUMN_REMOVED", run.artifact().get("findings").get(0).get("rule").asText());
  }

  @Test
  void breakingAtOrAboveFailOnExitsOne() throws IOException {
    Run run = diff(CONTRACT, BREAKING_TABLE, "--fail-on", "RISKY");

    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("BREAKING", run.artifact().get("status").asText(), "the artifact is printed");
  }

  @Test
  void statusEqualToFailOnExitsOne() throws IOException {
    Run run = diff(CONTRACT, BREAKING_TABLE, "--fail-on", "BREAKING");

    assertEquals(1, run.exitCode(), run.describe());
  }

  @Test
  void safeBelowFailOnExitsZero() throws IOException {
    Run run = diff(CONTRACT, SAFE_TABLE, "--fail-on", "RISKY");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("SAFE", run.artifact().get("status").asText());
  }

  @Test
  void okNeverFails() throws IOException {
    Run run = diff(CONTRACT, MATCHING_TABLE, "--fail-on", "SAFE");

    assertEquals(0, run.exitCode(), run.describe());
  }

  // ---------------------------------------------------------------- 3: the status is ERROR

  @Test
  void invalidContractPrintsAnErrorArtifactAndExitsThree() throws IOException {
    String contract = CONTRACT.replace("\"parks_properties\"", "\"Parks\"").replace("1.0.0", "1");

    Run run = diff(contract, MATCHING_TABLE);

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode artifact = run.artifact();
    assertEquals("ERROR", artifact.get("status").asText());
    assertEquals("INVALID_CONTRACT", artifact.get("error").get("kind").asText());
    String message = artifact.get("error").get("message").asText();
    assertTrue(message.contains("$.contract_version"), message);
    assertTrue(message.contains("$.table"), message);
    assertTrue(artifact.get("contract").get("version").isNull());
    assertEquals(64, artifact.get("contract").get("sha256").asText().length());
    assertEquals("nyc_parks", artifact.get("table").get("database").asText());
    assertEquals(
        "parks_properties",
        artifact.get("table").get("name").asText(),
        "an invalid contract table name falls back to the Glue table's");
    assertOneLineWithoutStackTrace(run.err());
    assertTrue(run.err().contains("$.table"), run.err());
  }

  @Test
  void malformedContractJsonIsAnErrorArtifactToo() throws IOException {
    Run run = diff("{\"contract_version\": ", MATCHING_TABLE);

    assertEquals(3, run.exitCode(), run.describe());
    assertEquals("INVALID_CONTRACT", run.artifact().get("error").get("kind").asText());
    assertOneLineWithoutStackTrace(run.err());
  }

  @Test
  void lineBreakInATypeStringStillGivesOneStderrLine() throws IOException {
    String contract = CONTRACT.replace("\"decimal(10,2)\"", "\"decimal(10,\\n2\"");

    Run run = diff(contract, MATCHING_TABLE);

    assertEquals(3, run.exitCode(), run.describe());
    assertOneLineWithoutStackTrace(run.err());
  }

  @Test
  void badGlueTypeIsAnErrorNamingTheColumn() throws IOException {
    String table =
        TABLE_TEMPLATE.formatted(
            "{\"Name\": \"gispropnum\", \"Type\": \"string\"},"
                + " {\"Name\": \"acres\", \"Type\": \"decimal(10,2\"}");

    Run run = diff(CONTRACT, table);

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode error = run.artifact().get("error");
    assertEquals("INVALID_GLUE_TYPE", error.get("kind").asText());
    assertTrue(error.get("message").asText().contains("'acres'"), error.toString());
    assertTrue(error.get("message").asText().contains("position"), error.toString());
    assertEquals("1.0.0", run.artifact().get("contract").get("version").asText());
    assertOneLineWithoutStackTrace(run.err());
  }

  @Test
  void invalidGlueTableIsAnErrorArtifact() throws IOException {
    Run run = diff(CONTRACT, "{\"Table\": {\"DatabaseName\": \"nyc_parks\"}}");

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode error = run.artifact().get("error");
    assertEquals("INVALID_GLUE_TABLE", error.get("kind").asText());
    assertTrue(error.get("message").asText().contains("$.Table.Name"), error.toString());
    assertOneLineWithoutStackTrace(run.err());
  }

  @Test
  void tableWithoutStorageDescriptorIsAnError() throws IOException {
    Run run =
        diff(
            CONTRACT,
            "{\"Table\": {\"Name\": \"parks_properties\", \"DatabaseName\": \"nyc_parks\"}}");

    assertEquals(3, run.exitCode(), run.describe());
    assertEquals("NO_STORAGE_DESCRIPTOR", run.artifact().get("error").get("kind").asText());
  }

  // ---------------------------------------------------------------- 2: usage errors

  @Test
  void missingTableOptionIsAUsageError() throws IOException {
    Run run = run("diff", "--contract", write("contract.json", CONTRACT), "--run-id", RUN_ID);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out(), "no artifact on a usage error");
    assertTrue(run.err().contains("--table"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() throws IOException {
    Run run = diff(CONTRACT, MATCHING_TABLE, "--fail-on-breaking");

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--fail-on-breaking"), run.err());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Run run = run("compare");

    assertEquals(2, run.exitCode(), run.describe());
  }

  @Test
  void nonexistentFileIsAUsageError() throws IOException {
    Path missing = directory.resolve("missing.json");

    Run run =
        run(
            "diff",
            "--contract",
            write("contract.json", CONTRACT),
            "--table",
            missing.toString(),
            "--run-id",
            RUN_ID);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("missing.json"), run.err());
    assertOneLineWithoutStackTrace(run.err());
  }

  @Test
  void directoryInsteadOfFileIsAUsageError() throws IOException {
    Run run =
        run(
            "diff",
            "--contract",
            directory.toString(),
            "--table",
            write("table.json", MATCHING_TABLE),
            "--run-id",
            RUN_ID);

    assertEquals(2, run.exitCode(), run.describe());
    assertOneLineWithoutStackTrace(run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-26", "20261126T080000", "20261131T080000Z", "now"})
  void badRunIdIsAUsageError(String runId) throws IOException {
    Run run =
        run(
            "diff",
            "--contract",
            write("contract.json", CONTRACT),
            "--table",
            write("table.json", MATCHING_TABLE),
            "--run-id",
            runId);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains(runId), run.err());
    assertOneLineWithoutStackTrace(run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CRITICAL", "RISKIER", ""})
  void badFailOnValueIsAUsageError(String value) throws IOException {
    Run run = diff(CONTRACT, BREAKING_TABLE, "--fail-on", value);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--fail-on"), run.err());
  }

  // ---------------------------------------------------------------- help

  @Test
  void diffHelpListsTheExitCodes() {
    Run run = run("diff", "--help");

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    for (String code : List.of("0", "1", "2", "3")) {
      assertTrue(
          Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(run.out()).find(),
          "exit code " + code + " is listed:\n" + run.out());
    }
    assertTrue(run.out().contains("--fail-on"), run.out());
  }

  @Test
  void topLevelHelpListsTheExitCodesAndTheDiffCommand() {
    Run run = run("--help");

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("diff"), run.out());
  }

  // ---------------------------------------------------------------- the README example

  @Test
  void readmeExampleWorks() throws IOException {
    Path readme = Path.of("..", "README.md");
    assumeTrue(Files.isRegularFile(readme), "no README.md at the repository root");
    String contract = null;
    String table = null;
    for (String block : fencedBlocks(Files.readString(readme))) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(block);
      } catch (IOException e) {
        continue;
      }
      if (node == null || !node.isObject()) {
        continue;
      }
      if (node.has("contract") && node.has("table")) {
        contract = node.get("contract").toString();
        table = node.get("table").toString();
      } else if (node.has("contract_version") && contract == null) {
        contract = block;
      } else if ((node.has("Table") || node.has("StorageDescriptor")) && table == null) {
        table = block;
      }
    }
    assumeTrue(
        contract != null && table != null, "README.md has no fenced contract and table JSON");

    Run run = diff(contract, table);

    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.describe());
    assertFalse("ERROR".equals(run.artifact().get("status").asText()), run.describe());
  }

  private static List<String> fencedBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```").matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  // ---------------------------------------------------------------- helpers

  private static void assertOneLineWithoutStackTrace(String err) {
    assertTrue(err.endsWith("\n"), "stderr ends with a newline: " + err);
    assertEquals(1, err.lines().count(), "stderr is one line:\n" + err);
    assertFalse(err.contains("\tat "), "no stack trace:\n" + err);
    assertFalse(err.contains("Exception"), "no exception class names:\n" + err);
  }

  private Run diff(String contract, String table, String... extra) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "diff",
                "--contract",
                write("contract.json", contract),
                "--table",
                write("table.json", table),
                "--run-id",
                RUN_ID));
    arguments.addAll(List.of(extra));
    return run(arguments.toArray(String[]::new));
  }

  private String write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static Run run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SchemaDriftCommand.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
