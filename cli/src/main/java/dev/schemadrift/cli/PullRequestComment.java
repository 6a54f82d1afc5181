package dev.schemadrift.cli;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.run.TableResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment in GitHub-flavoured Markdown: one line of counts per status, then each
 * table that is not OK with its top findings. Bounded (tables, findings per table, text per cell
 * and {@link #MAX_CHARACTERS} in all), so that a run with many tables still fits a comment (GitHub
 * refuses bodies over 65,536 characters).
 */
final class PullRequestComment {
  /** Findings shown per table, worst first; the rest are counted. */
  static final int FINDINGS_PER_TABLE = 10;

  /** Tables shown; the rest are counted. */
  static final int TABLES = 25;

  /** Characters of a reason or an error message before it is cut. */
  static final int TEXT = 200;

  /** The comment's length at most: GitHub's limit, less room for a workflow's own lines. */
  static final int MAX_CHARACTERS = 60_000;

  /** Statuses in the order a reviewer reads them: worst first, OK last. */
  private static final List<Status> ORDER =
      List.of(Status.ERROR, Status.BREAKING, Status.RISKY, Status.SAFE, Status.NO_DATA, Status.OK);

  private PullRequestComment() {}

  static String write(String runId, List<TableResult> tables) {
    Map<Status, Integer> totals = new EnumMap<>(Status.class);
    for (TableResult table : tables) {
      totals.merge(table.artifact().status(), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append("### schema-drift: ");
    List<String> counts = new ArrayList<>();
    for (Status status : ORDER) {
      int count = totals.getOrDefault(status, 0);
      if (count > 0) {
        counts.add(count + " " + status);
      }
    }
    out.append(counts.isEmpty() ? "no tables" : String.join(", ", counts)).append("\n\n");
    out.append("Run `")
        .append(runId)
        .append("` checked ")
        .append(tables.size())
        .append(tables.size() == 1 ? " table." : " tables.")
        .append('\n');
    List<TableResult> notOk =
        tables.stream()
            .filter(table -> table.artifact().status() != Status.OK || table.writeError() != null)
            .sorted(
                Comparator.comparingInt(
                    (TableResult table) -> ORDER.indexOf(table.artifact().status())))
            .toList();
    if (notOk.isEmpty()) {
      out.append("\nEvery table matches its contract.\n");
      return out.toString();
    }
    int shown = 0;
    for (TableResult table : notOk) {
      StringBuilder section = new StringBuilder();
      table(section, table);
      // The closing line needs room too: about 80 characters.
      if (shown == TABLES || out.length() + section.length() + 80 > MAX_CHARACTERS) {
        break;
      }
      out.append(section);
      shown++;
    }
    if (shown < notOk.size()) {
      out.append("\n… and ")
          .append(notOk.size() - shown)
          .append(" more tables that are not OK; see the reports.\n");
    }
    return out.toString();
  }

  private static void table(StringBuilder out, TableResult table) {
    DiffArtifact artifact = table.artifact();
    out.append("\n#### ")
        .append(artifact.status())
        .append(": ")
        .append(escape(artifact.table().qualified()))
        .append("\n\n");
    if (table.contractKey() != null) {
      out.append("Contract: ").append(escape(table.contractKey())).append("\n\n");
    }
    if (table.writeError() != null) {
      out.append("The diff artifact was not written: ")
          .append(escape(cut(table.writeError())))
          .append("\n\n");
    }
    if (artifact.error() != null) {
      out.append("**")
          .append(artifact.error().kindName())
          .append("**: ")
          .append(escape(cut(artifact.error().message())))
          .append('\n');
      return;
    }
    if (artifact.status() == Status.NO_DATA) {
      out.append("No data files at ").append(escape(artifact.dataProbe().location())).append('\n');
      return;
    }
    List<Finding> counted =
        artifact.findings().stream()
            .filter(Finding::counts)
            .sorted(Comparator.comparing(Finding::severity).reversed())
            .toList();
    if (counted.isEmpty()) {
      return;
    }
    out.append("| Severity | Rule | Column | Reason |\n|---|---|---|---|\n");
    for (Finding finding : counted.subList(0, Math.min(FINDINGS_PER_TABLE, counted.size()))) {
      out.append("| ")
          .append(finding.severity())
          .append(" | `")
          .append(finding.rule())
          .append("` | ")
          .append(escape(cut(finding.path())))
          .append(" | ")
          .append(escape(cut(finding.reason())))
          .append(" |\n");
    }
    if (counted.size() > FINDINGS_PER_TABLE) {
      out.append("\n… and ")
          .append(counted.size() - FINDINGS_PER_TABLE)
          .append(" more findings; see the table's report.\n");
    }
  }

  private static String cut(String text) {
    String line = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    return line.length() > TEXT ? line.substring(0, TEXT - 1) + "…" : line;
  }

  /**
   * Names and messages come from contracts and Glue: every character Markdown or HTML would read as
   * markup is escaped, so a column called {@code <img>} or {@code a|b} shows as written and cannot
   * break the table.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '~', '|' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
