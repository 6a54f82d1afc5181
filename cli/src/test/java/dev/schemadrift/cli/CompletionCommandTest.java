package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema-drift completion}: scripts that bash (and zsh through bashcompinit) can source. */
class CompletionCommandTest {
  @TempDir Path folder;

  @Test
  void bashScriptCompletesCommandsOptionsAndEnumValues() throws Exception {
    CliRun run = CliRun.of("completion", "bash");
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("", run.err(), run.describe());
    Path script = folder.resolve("schema-drift.bash");
    Files.writeString(script, run.out());

    assertEquals(List.of("check"), complete(script, "schema-drift", "che"));
    assertEquals(List.of("--fail-on"), complete(script, "schema-drift", "check", "--fail-o"));
    assertEquals(
        List.of("SAFE", "RISKY", "BREAKING"),
        complete(script, "schema-drift", "diff", "--fail-on", ""));
    assertEquals(List.of("bash", "zsh"), complete(script, "schema-drift", "completion", ""));
  }

  @Test
  void zshScriptIsTheBashScriptThatLoadsBashcompinit() {
    CliRun bash = CliRun.of("completion", "bash");
    CliRun zsh = CliRun.of("completion", "zsh");

    assertEquals(0, zsh.exitCode(), zsh.describe());
    assertTrue(zsh.out().startsWith("#!/usr/bin/env bash\n# For zsh:"), zsh.describe());
    assertTrue(zsh.out().contains("autoload -U +X bashcompinit && bashcompinit"), zsh.describe());
    assertEquals(
        bash.out(), zsh.out().replaceFirst("\n# For zsh:[^\n]*\n", "\n"), "the same completion");
  }

  @Test
  void theScriptIsTheSameOnEveryRun() {
    assertEquals(CliRun.of("completion", "bash").out(), CliRun.of("completion", "bash").out());
  }

  @Test
  void anotherShellIsAUsageError() {
    CliRun run = CliRun.of("completion", "fish");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    assertTrue(run.err().contains("expected one of [bash, zsh]"), run.describe());
  }

  /** What bash offers after the given words, the last one being completed. */
  private List<String> complete(Path script, String... words) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the script");
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append(" '").append(word).append('\'');
    }
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "'\n"
            // Outside real completion compopt refuses to run; the script's result is the same.
            + "compopt() { :; }\n"
            + "COMP_WORDS=("
            + array
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\n"
            + "COMP_LINE='"
            + line
            + "'\nCOMP_POINT=${#COMP_LINE}\n"
            + "_complete_schema-drift\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process process =
        new ProcessBuilder("/bin/bash", "--norc", "--noprofile", "-c", program)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bash finished");
    assertEquals(0, process.exitValue(), output);
    return output.lines().filter(completion -> !completion.isEmpty()).toList();
  }
}
