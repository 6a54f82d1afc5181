package dev.schemadrift.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.FormatProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue, its data cases and docs/RULES.md in step: a rule without a case or without
 * its row in the docs fails the build. Run with {@code -Dupdate.docs=true} (make rules-doc) to
 * rewrite the generated table.
 */
class RuleCatalogueTest {
  private static final Path DOCS = Path.of("../docs/RULES.md");
  private static final String BEGIN = "<!-- BEGIN GENERATED RULE TABLE -->\n";
  private static final String END = "<!-- END GENERATED RULE TABLE -->";

  @Test
  void everyRuleHasDataCases() throws IOException {
    List<String> missing = new ArrayList<>();
    for (RuleId rule : RuleId.values()) {
      Path folder = RuleCasesTest.CASES.resolve(rule.name());
      long cases = 0;
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          cases = files.filter(file -> file.toString().endsWith(".json")).count();
        }
      }
      if (cases == 0) {
        missing.add(rule.name());
      }
    }
    assertEquals(List.of(), missing, "rules without a case under " + RuleCasesTest.CASES);
  }

  @Test
  void everyCaseFolderIsARuleOrAnAspect() throws IOException {
    try (Stream<Path> folders = Files.list(RuleCasesTest.CASES)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        String name = folder.getFileName().toString();
        if (!name.startsWith("_")) {
          assertTrue(isRule(name), name + " is not a rule id (aspect folders start with _)");
        }
      }
    }
  }

  @Test
  void everyCellListsSeveritiesAndMarksEveryChoiceWithItsNote() {
    for (RuleCatalogue.Row row : RuleCatalogue.rows()) {
      boolean choice = false;
      for (FormatProfile profile : RuleCatalogue.COLUMNS) {
        String cell = row.cells().get(profile);
        assertTrue(
            cell.matches("([SRB]|–)(/([SRB]|–))*[⁰¹²³⁴⁵⁶⁷⁸⁹]*"), row.rule() + " has " + cell);
        assertEquals(cell.contains("/"), !cell.matches(".*[SRB–]"), row.rule() + " " + cell);
        choice |= cell.contains("/");
      }
      assertEquals(choice, row.note() != null, row.rule() + " note " + row.note());
    }
  }

  @Test
  void docsCarryTheGeneratedTable() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    int begin = docs.indexOf(BEGIN);
    int end = docs.indexOf(END);
    assertTrue(begin >= 0 && end > begin, DOCS + " lacks the generated-table markers");
    String expected =
        docs.substring(0, begin + BEGIN.length())
            + RuleCatalogue.markdownTable()
            + docs.substring(end);
    if (Boolean.getBoolean("update.docs")) {
      Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, docs, "docs/RULES.md is out of date: run make rules-doc");
  }

  private static boolean isRule(String name) {
    for (RuleId rule : RuleId.values()) {
      if (rule.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
