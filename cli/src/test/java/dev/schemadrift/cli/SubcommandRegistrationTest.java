package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command line naming one subcommand registers that one alone (a faster start); what the user
 * sees must be what the whole tree shows.
 */
class SubcommandRegistrationTest {

  @ParameterizedTest
  @ValueSource(strings = {"check", "init", "validate", "rules", "render", "diff"})
  void aSubcommandAloneShowsTheHelpOfTheWholeTree(String name) {
    assertEquals(1, SchemaDriftCommand.subcommandsFor(new String[] {name, "--help"}).size());
    CliRun alone = CliRun.of(name, "--help");
    // `help NAME` registers every subcommand.
    CliRun whole = CliRun.of("help", name);

    assertEquals(0, alone.exitCode(), alone.describe());
    assertEquals(whole.out(), alone.out());
    assertEquals(whole.err(), alone.err());
    assertTrue(alone.out().startsWith("Usage: schema-drift " + name), alone.out());
  }

  @Test
  void anUnknownOptionGetsTheSameAnswerAlone() {
    CliRun alone =
        CliRun.of("diff", "--contract", "c.json", "--table", "t.json", "--contrac", "c.json");
    // A leading global option registers every subcommand and does not change a usage error.
    CliRun whole =
        CliRun.of(
            "--debug", "diff", "--contract", "c.json", "--table", "t.json", "--contrac", "c.json");
    assertEquals(
        SchemaDriftCommand.subcommandsFor(new String[] {"--debug"}).size(),
        SchemaDriftCommand.wholeTree().getSubcommands().size());

    assertEquals(SchemaDriftCommand.EXIT_USAGE, alone.exitCode(), alone.describe());
    assertTrue(
        alone.err().startsWith("schema-drift diff: Unknown options: '--contrac'"), alone.err());
    assertEquals(whole.err(), alone.err());
    assertEquals(whole.exitCode(), alone.exitCode());
  }

  @Test
  void anythingElseRegistersEverySubcommand() {
    for (List<String> arguments :
        List.of(List.<String>of(), List.of("--help"), List.of("help", "diff"), List.of("Diff"))) {
      assertEquals(
          9,
          SchemaDriftCommand.subcommandsFor(arguments.toArray(String[]::new)).size(),
          "" + arguments);
    }
    CliRun help = CliRun.of("--help");
    for (String name :
        List.of(
            "check",
            "init",
            "validate",
            "rules",
            "render",
            "diff",
            "compat",
            "completion",
            "help")) {
      assertTrue(help.out().contains("\n  " + name + " "), name + " in\n" + help.out());
    }
  }
}
