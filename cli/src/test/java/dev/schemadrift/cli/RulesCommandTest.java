package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.rule.RuleCatalogue;
import dev.schemadrift.rule.RuleId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code schema-drift rules}: the catalogue as a text table, and as docs/RULES.md's Markdown. */
class RulesCommandTest {

  @Test
  void everyRuleHasOneLineWithItsSeverities() {
    CliRun run = CliRun.of("rules");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.getFirst().startsWith("RULE "), lines.getFirst());
    for (RuleCatalogue.Row row : RuleCatalogue.rows()) {
      RuleId rule = row.rule();
      List<String> ruleLines =
          lines.stream()
              .filter(line -> line.matches(Pattern.quote(rule.name()) + "\\s.*"))
              .toList();
      assertEquals(1, ruleLines.size(), rule + ":\n" + run.out());
      String line = ruleLines.getFirst();
      String[] cells = line.substring(rule.name().length()).strip().split("\\s+", 4);
      assertEquals(row.cells().get(FormatProfile.POSITIONAL), cells[0], line);
      assertEquals(row.cells().get(FormatProfile.BY_NAME), cells[1], line);
      assertEquals(row.cells().get(FormatProfile.ICEBERG), cells[2], line);
      if (row.note() != null) {
        assertTrue(run.out().contains(row.note()), row.note());
      }
      assertTrue(line.endsWith(rule.summary()), line);
    }
    assertTrue(run.out().contains("S = SAFE, R = RISKY, B = BREAKING"), run.out());
  }

  @Test
  void markdownIsTheCatalogueTable() {
    CliRun run = CliRun.of("rules", "--markdown");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(RuleCatalogue.markdownTable(), run.out());
    for (RuleId rule : RuleId.values()) {
      // Each row carries its anchor, the target of the rule's SARIF helpUri.
      assertTrue(
          run.out()
              .contains(
                  "| <a id=\"" + RuleCatalogue.anchor(rule) + "\"></a>`" + rule.name() + "` |"),
          rule.name());
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("rules", "--json");

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("", run.out());
  }
}
