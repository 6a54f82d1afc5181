package dev.schemadrift.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds the line of a column's entry in a contract file's text, so that a code-scanning alert
 * points at the column and not only at the file. A text search, not a parse: the contract was
 * already read by the run, and the first entry that names the column is the one a reader looks for.
 */
final class ContractLines {
  private ContractLines() {}

  /** The column a finding's path is about: the part before the first '.' or '['; null for "@…". */
  static String column(String path) {
    if (path.isEmpty() || path.startsWith("@")) {
      return null;
    }
    int end = path.length();
    for (int index = 0; index < path.length(); index++) {
      char c = path.charAt(index);
      if (c == '.' || c == '[') {
        end = index;
        break;
      }
    }
    return end == 0 ? null : path.substring(0, end);
  }

  /**
   * The 1-based line of the entry naming {@code column} in a JSON contract ({@code "name":
   * "column"}) or an ODCS YAML contract ({@code physicalName:} first, else {@code name:}, below the
   * first {@code properties:}); empty for other files or when no line names it.
   */
  static OptionalInt line(String contractKey, byte[] text, String column) {
    if (text == null || column == null) {
      return OptionalInt.empty();
    }
    String key = contractKey.toLowerCase(Locale.ROOT);
    List<String> lines = new String(text, StandardCharsets.UTF_8).lines().toList();
    if (key.endsWith(".json")) {
      return first(lines, 0, jsonEntry(column));
    }
    if (key.endsWith(".yaml") || key.endsWith(".yml")) {
      int properties = first(lines, 0, Pattern.compile("^\\s*properties\\s*:.*$")).orElse(0);
      OptionalInt physical = first(lines, properties, yamlEntry("physicalName", column));
      return physical.isPresent() ? physical : first(lines, properties, yamlEntry("name", column));
    }
    return OptionalInt.empty();
  }

  private static Pattern jsonEntry(String column) {
    return Pattern.compile(
        "\"name\"\\s*:\\s*\"" + Pattern.quote(jsonEscaped(column)) + "\"",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Pattern yamlEntry(String field, String column) {
    String quoted = Pattern.quote(column);
    return Pattern.compile(
        "^\\s*(?:-\\s+)?"
            + field
            + "\\s*:\\s*(?:"
            + quoted
            + "|\""
            + quoted
            + "\"|'"
            + quoted
            + "')\\s*(?:#.*)?$",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** How the name appears inside a JSON string when it needs no \\u escapes. */
  private static String jsonEscaped(String name) {
    return name.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static OptionalInt first(List<String> lines, int from, Pattern pattern) {
    for (int index = from; index < lines.size(); index++) {
      if (pattern.matcher(lines.get(index)).find()) {
        return OptionalInt.of(index + 1);
      }
    }
    return OptionalInt.empty();
  }
}
