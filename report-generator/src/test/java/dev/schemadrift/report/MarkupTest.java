package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Escaping, visible text and the colours' contrast. */
class MarkupTest {
  @Test
  void markdownEscapesMarkupAndBreaksAutolinks() {
    MarkdownOutputFormat markdown = MarkdownOutputFormat.INSTANCE;

    assertEquals(
        "a\\|b \\*c\\* \\[d\\](e) \\<f\\>", markdown.escapePlainText("a|b *c* [d](e) <f>"));
    assertEquals("one two", markdown.escapePlainText("one\ntwo"));
    assertEquals("https:\u200B//x.y", markdown.escapePlainText("https://x.y"));
    assertEquals("WWW\u200B.x.y", markdown.escapePlainText("WWW.x.y"));
    assertEquals("a\\@b.c", markdown.escapePlainText("a@b.c"));
    assertEquals(
        "decimal(10,2) 1.2.0 08:00", markdown.escapePlainText("decimal(10,2) 1.2.0 08:00"));
  }

  @Test
  void invisibleCharactersAreShownAndLongValuesCut() {
    assertEquals("a⟨U+202E⟩b⟨U+200B⟩c⟨U+0000⟩", VisibleText.of("a\u202Eb\u200Bc\u0000", 100));
    assertEquals("one two three", VisibleText.of("one\r\ntwo\nthree", 100));
    assertEquals("שלום ✓ 🟩", VisibleText.of("שלום ✓ 🟩", 100));
    assertEquals("abc… (7 more characters)", VisibleText.of("abcdefghij", 3));
    assertEquals(null, VisibleText.of(null, 3));
  }

  /** Escaping is on for every value: no template turns it off. */
  @Test
  void noTemplateTurnsEscapingOff() throws Exception {
    for (String template : List.of("report.ftlh", "report.ftl", "index.ftlh")) {
      String text;
      try (var in = MarkupTest.class.getResourceAsStream("/templates/" + template)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String off : List.of("no_esc", "noautoesc", "noparse", "output_format", "?markup")) {
        assertTrue(!text.contains(off), template + " uses " + off);
      }
    }
  }

  /** WCAG AA: at least 4.5:1 for every status's text on its tint and white on its solid fill. */
  @Test
  void statusColoursHaveEnoughContrast() throws Exception {
    String css;
    try (var in = MarkupTest.class.getResourceAsStream("/templates/report.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> checked = new ArrayList<>();
    for (String status : List.of("ok", "safe", "risky", "breaking", "no-data", "error")) {
      String foreground = variable(css, "--st-" + status + "-fg");
      String tint = variable(css, "--st-" + status + "-bg");
      String solid = variable(css, "--st-" + status + "-solid");
      assertTrue(contrast(foreground, tint) >= 4.5, status + " text on its tint");
      assertTrue(contrast(foreground, "#ffffff") >= 4.5, status + " text on white");
      assertTrue(contrast("#ffffff", solid) >= 4.5, "white on " + status);
      checked.add(status);
    }
    assertTrue(contrast(variable(css, "--muted"), "#ffffff") >= 4.5, "muted text");
    assertTrue(contrast(variable(css, "--muted"), variable(css, "--page")) >= 4.5, "muted on page");
    assertTrue(contrast(variable(css, "--link"), "#ffffff") >= 4.5, "links");
    assertEquals(6, checked.size());
  }

  private static String variable(String css, String name) {
    Matcher matcher = Pattern.compile(Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6});").matcher(css);
    assertTrue(matcher.find(), name + " is defined");
    return matcher.group(1);
  }

  private static double contrast(String first, String second) {
    double one = luminance(first);
    double two = luminance(second);
    return (Math.max(one, two) + 0.05) / (Math.min(one, two) + 0.05);
  }

  private static double luminance(String hex) {
    double[] channels = new double[3];
    for (int index = 0; index < 3; index++) {
      double value = Integer.parseInt(hex.substring(1 + 2 * index, 3 + 2 * index), 16) / 255.0;
      channels[index] = value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }
}
