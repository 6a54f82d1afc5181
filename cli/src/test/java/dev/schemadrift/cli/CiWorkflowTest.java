package dev.schemadrift.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The pull-request workflow in examples/ci (shown in docs/CI.md): every {@code schema-drift}
 * command line in it parses with today's options, and it runs validate, compat against the base
 * branch and check with the SARIF upload reading the file check writes.
 */
class CiWorkflowTest {
  private static final Path WORKFLOW = Path.of("examples/ci/contract-review.yml");

  @Test
  void everyCommandLineParsesAndTheStepsFitTogether() throws IOException {
    Path root = CliRun.repositoryRoot();
    byte[] bytes = Files.readAllBytes(root.resolve(WORKFLOW));
    JsonNode steps = Yaml.readTree(WORKFLOW.toString(), bytes).at("/jobs/contracts/steps");
    Map<String, CommandLine.ParseResult> commands = new LinkedHashMap<>();
    String sarifFile = null;
    for (JsonNode step : steps) {
      String uses = step.path("uses").asText("");
      if (uses.startsWith("actions/checkout@")) {
        assertEquals(0, step.at("/with/fetch-depth").asInt(-1), "compat needs the base branch");
      }
      if (uses.startsWith("github/codeql-action/upload-sarif@")) {
        sarifFile = step.at("/with/sarif_file").asText();
      }
      for (String line : step.path("run").asText("").lines().toList()) {
        int start = line.indexOf("bin/schema-drift ");
        if (start < 0) {
          continue;
        }
        String command = line.substring(start + "bin/schema-drift ".length());
        int or = command.indexOf("||");
        List<String> words = words(or < 0 ? command : command.substring(0, or));
        CommandLine.ParseResult result =
            SchemaDriftCommand.wholeTree().parseArgs(words.toArray(String[]::new));
        commands.put(words.getFirst(), result.subcommand());
      }
    }
    assertEquals(List.of("validate", "compat", "check"), List.copyOf(commands.keySet()));
    String old = commands.get("compat").matchedOptionValue("--old", "");
    assertTrue(old.startsWith("git:$BASE:"), old);
    String out = commands.get("check").matchedOptionValue("--out", "");
    assertEquals(out + "/schema-drift.sarif", sarifFile, "the upload reads what check writes");
  }

  @Test
  void docsShowTheWorkflowAsItIs() throws IOException {
    Path root = CliRun.repositoryRoot();
    String workflow = Files.readString(root.resolve(WORKFLOW), UTF_8);
    String doc = Files.readString(root.resolve("docs/CI.md"), UTF_8);
    assertTrue(doc.contains("```yaml\n" + workflow + "```\n"), "docs/CI.md embeds " + WORKFLOW);
  }

  /** Shell words, enough for the workflow: split on blanks, double quotes removed. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    for (String word : command.strip().split("\\s+")) {
      words.add(word.replace("\"", ""));
    }
    return words;
  }
}
