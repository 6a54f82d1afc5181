package dev.schemadrift.rule;

import dev.schemadrift.catalog.FormatProfile;
import java.util.ArrayList;
import java.util.List;

/** Renders the rule catalogue (ids, summaries, default severity per profile) for people. */
public final class RuleCatalogue {
  private RuleCatalogue() {}

  /** The Markdown table that docs/RULES.md carries between its generated-table markers. */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| Rule id | What happened (catalog vs contract) | POSITIONAL | BY_NAME | ICEBERG |\n");
    out.append("|---|---|---|---|---|\n");
    List<String> notes = new ArrayList<>();
    for (RuleId rule : RuleId.values()) {
      out.append("| `")
          .append(rule.name())
          .append("` | ")
          .append(rule.summary().replace("|", "\\|"))
          .append(" | ")
          .append(rule.cell(FormatProfile.POSITIONAL))
          .append(" | ")
          .append(rule.cell(FormatProfile.BY_NAME))
          .append(" | ")
          .append(rule.cell(FormatProfile.ICEBERG))
          .append(" |\n");
      rule.contextual().ifPresent(notes::add);
    }
    out.append(
        "\nS = SAFE, R = RISKY, B = BREAKING, – = not applicable; UNKNOWN is judged as POSITIONAL.\n");
    for (String note : notes) {
      out.append('\n').append(note).append('\n');
    }
    return out.toString();
  }
}
