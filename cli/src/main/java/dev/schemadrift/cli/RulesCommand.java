package dev.schemadrift.cli;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.rule.RuleCatalogue;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema-drift rules}: the rule catalogue, as a text table or Markdown. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every rule with its default severity per format profile.",
      "Severities are S (SAFE), R (RISKY) and B (BREAKING); – means the rule does not apply to"
          + " the profile."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", SchemaDriftCommand.EXIT_INTERNAL_LINE})
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--markdown", description = "Print the Markdown table of docs/RULES.md.")
  boolean markdown;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.print(RuleCatalogue.markdownTable());
    } else {
      out.printf(
          "%-36s %-10s %-8s %-7s %s%n",
          "RULE", "POSITIONAL", "BY_NAME", "ICEBERG", "WHAT HAPPENED");
      List<RuleCatalogue.Row> rows = RuleCatalogue.rows();
      for (RuleCatalogue.Row row : rows) {
        out.printf(
            "%-36s %-10s %-8s %-7s %s%n",
            row.rule().name(),
            row.cells().get(FormatProfile.POSITIONAL),
            row.cells().get(FormatProfile.BY_NAME),
            row.cells().get(FormatProfile.ICEBERG),
            row.rule().summary());
      }
      out.println();
      out.println(RuleCatalogue.LEGEND);
      for (RuleCatalogue.Row row : rows) {
        if (row.note() != null) {
          out.println(row.note());
        }
      }
    }
    out.flush();
    return 0;
  }
}
