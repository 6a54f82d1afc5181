package dev.schemadrift.cli;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.rule.RuleCatalogue;
import dev.schemadrift.rule.RuleId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema-drift rules}: the rule catalogue, as a text table or Markdown. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rule with its default severity per format profile (S/R/B, – = n/a).")
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
      for (RuleId rule : RuleId.values()) {
        out.printf(
            "%-36s %-10s %-8s %-7s %s%n",
            rule.name(),
            rule.cell(FormatProfile.POSITIONAL),
            rule.cell(FormatProfile.BY_NAME),
            rule.cell(FormatProfile.ICEBERG),
            rule.summary());
      }
      out.println();
      out.println(
          "S = SAFE, R = RISKY, B = BREAKING, – = not applicable; UNKNOWN is judged as POSITIONAL.");
      for (RuleId rule : RuleId.values()) {
        rule.contextual().ifPresent(out::println);
      }
    }
    out.flush();
    return 0;
  }
}
