package dev.schemadrift.rule;

import dev.schemadrift.catalog.FormatProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the rule catalogue for people, from the severity models themselves: a cell lists every
 * default severity a rule can have under a profile, and a rule whose severity depends on more than
 * the profile gets a numbered note that spells its model out.
 */
public final class RuleCatalogue {
  /** The profiles that have a column in the table (UNKNOWN is judged as POSITIONAL). */
  public static final List<FormatProfile> COLUMNS =
      List.of(FormatProfile.POSITIONAL, FormatProfile.BY_NAME, FormatProfile.ICEBERG);

  /** The legend under the table. */
  public static final String LEGEND =
      "S = SAFE, R = RISKY, B = BREAKING, – = not applicable; UNKNOWN is judged as POSITIONAL.";

  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private RuleCatalogue() {}

  /** One rule as the table shows it: its cells by profile, and its note (null when it has none). */
  public record Row(RuleId rule, Map<FormatProfile, String> cells, String note) {}

  /** Every rule in catalogue order. */
  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    int notes = 0;
    for (RuleId rule : RuleId.values()) {
      Map<FormatProfile, Set<Severity>> severities = new EnumMap<>(FormatProfile.class);
      Map<FormatProfile, Boolean> notApplicable = new EnumMap<>(FormatProfile.class);
      for (FormatProfile profile : COLUMNS) {
        severities.put(profile, EnumSet.noneOf(Severity.class));
        notApplicable.put(profile, false);
      }
      for (RuleContext context : RuleContext.all()) {
        FormatProfile column = context.profile().judgedAs();
        Severity severity = rule.model().severity(context);
        if (severity == null) {
          notApplicable.put(column, true);
        } else {
          severities.get(column).add(severity);
        }
      }
      boolean varies = false;
      for (FormatProfile profile : COLUMNS) {
        int kinds = severities.get(profile).size() + (notApplicable.get(profile) ? 1 : 0);
        varies |= kinds > 1;
      }
      String mark = "";
      String note = null;
      if (varies) {
        mark = mark(++notes);
        note = mark + " `" + rule.name() + "`: " + rule.model().describe() + ".";
      }
      Map<FormatProfile, String> cells = new EnumMap<>(FormatProfile.class);
      for (FormatProfile profile : COLUMNS) {
        cells.put(profile, cell(severities.get(profile), notApplicable.get(profile), mark));
      }
      rows.add(new Row(rule, cells, note));
    }
    return List.copyOf(rows);
  }

  /** A note's number in superscript digits: ¹, ², …, ¹⁰. */
  private static String mark(int number) {
    StringBuilder mark = new StringBuilder();
    for (char digit : Integer.toString(number).toCharArray()) {
      mark.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
    }
    return mark.toString();
  }

  /** "B", "B/R¹" (harshest first), "–"; a note mark only where the cell holds a choice. */
  private static String cell(Set<Severity> severities, boolean notApplicable, String mark) {
    List<String> letters = new ArrayList<>();
    List<Severity> ordered = new ArrayList<>(severities);
    for (int index = ordered.size() - 1; index >= 0; index--) {
      letters.add(ordered.get(index).letter());
    }
    if (notApplicable) {
      letters.add("–");
    }
    return String.join("/", letters) + (letters.size() > 1 ? mark : "");
  }

  /**
   * The id of the rule's row in docs/RULES.md, for links such as a SARIF rule's helpUri: the rule
   * id in lower case, so a link stays valid as long as the id (which is permanent) does.
   */
  public static String anchor(RuleId rule) {
    return rule.name().toLowerCase(Locale.ROOT);
  }

  /** The Markdown table that docs/RULES.md carries between its generated-table markers. */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| Rule id | What happened (catalog vs contract) | POSITIONAL | BY_NAME | ICEBERG |\n");
    out.append("|---|---|---|---|---|\n");
    List<String> notes = new ArrayList<>();
    for (Row row : rows()) {
      out.append("| <a id=\"")
          .append(anchor(row.rule()))
          .append("\"></a>`")
          .append(row.rule().name())
          .append("` | ")
          .append(row.rule().summary().replace("|", "\\|"));
      for (FormatProfile profile : COLUMNS) {
        out.append(" | ").append(row.cells().get(profile));
      }
      out.append(" |\n");
      if (row.note() != null) {
        notes.add(row.note());
      }
    }
    out.append('\n').append(LEGEND).append('\n');
    for (String note : notes) {
      out.append('\n').append(note.replace("|", "\\|")).append('\n');
    }
    return out.toString();
  }
}
