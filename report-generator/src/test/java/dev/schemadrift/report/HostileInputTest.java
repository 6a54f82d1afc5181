package dev.schemadrift.report;

import static dev.schemadrift.report.Artifacts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.AppliedWaiver;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.RenameEvidence;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names, comments, reasons, owners, tags and values come from users. Each hostile string of the
 * corpus goes into every such field of an artifact and of the manifest, and the reports and the
 * index must render it inert: the documents keep exactly the element structure they have with a
 * plain value (no element or attribute made, closed or changed), links only go where the generator
 * points them, invisible and bidirectional characters are shown, and long values are cut. Markdown
 * is checked through a CommonMark + GFM renderer (tables, strikethrough, autolinks).
 */
class HostileInputTest {
  private static final String RUN = "20261126T080000Z";
  private static final String PLAIN = "plain";

  /** The hostile strings, also opened in a browser by ReportsInBrowserIT. */
  static Stream<String> corpus() {
    return Stream.of(
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "</td></tr></table><script>alert(document.cookie)</script>",
        "</title></style></textarea><svg onload=alert(1)>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)//",
        "[click me](javascript:alert(1))",
        "[docs](https://evil.example/phish \"title\")",
        "![tracker](https://evil.example/pixel.png)",
        "<https://evil.example/auto>",
        "see https://evil.example/path?q=1 now",
        "www.evil.example/x",
        "mail evil@example.org",
        "| injected | cell |\n|---|---|",
        "**bold** _em_ ~~strike~~ `code` <b>b</b>",
        "# heading\n> quote\n- item\n1. first",
        "&lt;script&gt; &amp; &#60;img&#62;",
        "line one\nline two\r\nline three",
        "${7*7} <#assign x=1> [#-- --] {{7*7}}",
        "\\| backslash pipe \\\\|",
        "admin\u202Etxt.exe",
        "pa\u200Brks\u200D\uFEFF\u2066rtl\u2069",
        "nul\u0000bell\u0007esc\u001B",
        "שלום عربي mixed",
        "x".repeat(10_240));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void reportsAndIndexRenderHostileValuesInert(String hostile) {
    Rendered plain = render(PLAIN);
    Rendered hostileRendering = render(hostile);

    for (String page : List.of("html", "index", "errorHtml")) {
      String expected = plain.page(page);
      String actual = hostileRendering.page(page);
      assertEquals(Skeleton.of(expected), Skeleton.of(actual), page + " structure changed");
      assertEquals(Skeleton.links(expected), Skeleton.links(actual), page + " links changed");
      assertNoHiddenCharacters(page, actual);
      assertFalse(actual.contains("<script>alert"), page);
      assertTrue(
          actual.length() < expected.length() + 60_000, page + " is " + actual.length() + " long");
    }
    for (String page : List.of("markdown", "errorMarkdown")) {
      String expected = markdownAsHtml(plain.page(page));
      String actual = markdownAsHtml(hostileRendering.page(page));
      assertEquals(Skeleton.of(expected), Skeleton.of(actual), page + " structure changed");
      assertEquals(Skeleton.links(expected), Skeleton.links(actual), page + " links changed");
      assertNoRawHtml(hostileRendering.page(page));
      assertNoHiddenCharacters(page, hostileRendering.page(page));
    }
  }

  /**
   * The index rows travel as JSON inside a script element, where HTML escaping does not apply:
   * nothing in them may end the element, and they must read back as the values shown.
   */
  @ParameterizedTest
  @MethodSource("corpus")
  void indexDataCannotLeaveItsScriptElement(String hostile) {
    String index = render(hostile).page("index");
    String start = "<script type=\"application/json\" id=\"index-data\">";
    int from = index.indexOf(start) + start.length();
    String data = index.substring(from, index.indexOf("</script>", from));

    assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), data);
    assertFalse(data.contains("\u2028") || data.contains("\u2029"));
    var rows = dev.schemadrift.json.Json.readTree("data", Artifacts.bytes(data)).get("rows");
    assertEquals(2, rows.size());
    String shown = VisibleText.of(hostile, VisibleText.INDEX_LIMIT);
    for (var row : rows) {
      assertEquals(shown, row.get(7).asText(), "owner");
      assertEquals(shown, row.get(8).get(0).asText(), "first tag");
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyLinkIsOneTheGeneratorMade(String hostile) {
    Rendered rendered = render(hostile);
    Pattern allowed =
        Pattern.compile(
            "(\\.\\./\\.\\./)?(index\\.html|diffs/[a-z0-9_]+\\.[a-z0-9_]+/\\d{8}T\\d{6}Z\\.diff\\.json"
                + "|reports/[a-z0-9_]+\\.[a-z0-9_]+/latest\\.html)"
                + "|\\d{8}T\\d{6}Z\\.report\\.(html|md)|latest\\.html");
    for (String page : List.of("html", "index", "errorHtml")) {
      for (String link : Skeleton.links(rendered.page(page))) {
        assertTrue(allowed.matcher(link).matches(), page + " links to " + link);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void markdownValuesStayInTheirCells(String hostile) {
    String markdown = render(hostile).page("markdown");
    for (String line : markdown.split("\n")) {
      if (line.startsWith("| ")) {
        // Unescaped pipes delimit cells: every row of a table has as many as its header.
        int cells = line.replaceAll("\\\\.", "").split("\\|", -1).length;
        assertTrue(cells >= 3 && cells <= 9, cells + " cells in " + line);
      }
    }
    Node document = parser().parse(markdown);
    int[] tables = {0};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(org.commonmark.node.CustomBlock block) {
            tables[0]++;
            visitChildren(block);
          }
        });
    assertEquals(4, tables[0], "the counts, findings, compared and unused-waiver tables");
  }

  // ------------------------------------------------------------------------------ rendering

  private record Rendered(
      String html, String markdown, String index, String errorHtml, String errorMarkdown) {
    String page(String name) {
      return switch (name) {
        case "html" -> html;
        case "markdown" -> markdown;
        case "index" -> index;
        case "errorHtml" -> errorHtml;
        case "errorMarkdown" -> errorMarkdown;
        default -> throw new IllegalArgumentException(name);
      };
    }
  }

  /** Generates, through the whole generator, reports on artifacts with {@code value} everywhere. */
  private static Rendered render(String value) {
    MemoryObjectStore store = new MemoryObjectStore();
    DiffArtifact breaking = breaking(value);
    DiffArtifact error = error(value);
    for (DiffArtifact artifact : List.of(breaking, error)) {
      store.put(
          Scenario.BUCKET,
          BucketLayout.diff(artifact.table(), RUN),
          ArtifactJson.write(artifact),
          "application/json");
    }
    String manifest =
        """
        {"manifest_version": 1, "run_id": "%s", "mode": "registry", "totals": {},
         "tables": [%s, %s], "skipped": [], "not_found": [], "next_cursor": null}
        """
            .formatted(RUN, entry(breaking, value, RUN), entry(error, value, RUN));
    store.put(
        Scenario.BUCKET, "runs/" + RUN + ".json", Artifacts.bytes(manifest), "application/json");
    new ReportGenerator(store, Scenario.BUCKET).generateRun("runs/" + RUN + ".json");
    return new Rendered(
        object(store, BucketLayout.htmlReport(breaking.table(), RUN)),
        object(store, BucketLayout.markdownReport(breaking.table(), RUN)),
        object(store, BucketLayout.INDEX),
        object(store, BucketLayout.htmlReport(error.table(), RUN)),
        object(store, BucketLayout.markdownReport(error.table(), RUN)));
  }

  /** A manifest entry for the artifact, with the value as owner, tag and contract key. */
  static String entry(DiffArtifact artifact, String value, String run) {
    String json = dev.schemadrift.json.Json.mapper().valueToTree(value).toString();
    return """
        {"database": "%s", "table": "%s", "status": "%s", "diff_key": "%s", "contract_key": %s,
         "owner": %s, "tags": [%s, "team"], "counts": {}, "error": null, "write_error": null}
        """
        .formatted(
            artifact.table().database(),
            artifact.table().name(),
            artifact.status(),
            BucketLayout.diff(artifact.table(), run),
            json,
            json,
            json);
  }

  private static DiffArtifact breaking(String value) {
    return breaking(value, "hostile");
  }

  /** A BREAKING artifact of table nyc_parks.{@code table} with the value in every user field. */
  static DiffArtifact breaking(String value, String table) {
    Policy.Waiver waiver =
        new Policy.Waiver(
            RuleId.COLUMN_TYPE_WIDENED, value, value, value, LocalDate.of(2027, 3, 31));
    List<Finding> findings =
        List.of(
            finding(
                RuleId.COLUMN_REMOVED, Severity.BREAKING, value, value, null, null, "aaaaaaaaaaa1"),
            finding(
                RuleId.COLUMN_RENAMED,
                Severity.BREAKING,
                value,
                value,
                value,
                RenameEvidence.POSITION_AND_TYPE,
                "aaaaaaaaaaa2"),
            new Finding(
                RuleId.COLUMN_TYPE_WIDENED,
                Severity.RISKY,
                Severity.BREAKING,
                value,
                value,
                value,
                value,
                null,
                "aaaaaaaaaaa3",
                new AppliedWaiver(waiver, AppliedWaiver.State.ACCEPTED)));
    return new DiffArtifact(
        DiffArtifact.VERSION,
        RUN,
        new DiffArtifact.TableName("nyc_parks", table),
        Status.BREAKING,
        true,
        new DiffArtifact.ContractInfo(value, value, value),
        new DiffArtifact.CatalogInfo(
            value, value, value, FormatProfile.BY_NAME, FileFamily.PARQUET, true, value),
        new DiffArtifact.DataProbe(value, true),
        new DiffArtifact.Counts(2, 0, 0, 1),
        findings,
        List.of(waiver),
        null);
  }

  private static Finding finding(
      RuleId rule,
      Severity severity,
      String path,
      String expected,
      String actual,
      RenameEvidence evidence,
      String fingerprint) {
    return new Finding(
        rule, severity, severity, path, expected, actual, path, evidence, fingerprint, null);
  }

  private static DiffArtifact error(String value) {
    return new DiffArtifact(
        DiffArtifact.VERSION,
        RUN,
        new DiffArtifact.TableName("nyc_parks", "hostile_error"),
        Status.ERROR,
        false,
        new DiffArtifact.ContractInfo(value, null, value),
        null,
        null,
        DiffArtifact.Counts.ZERO,
        List.of(),
        List.of(),
        // A kind as an artifact may spell it: unknown to this version, kept as written.
        DiffArtifact.ErrorInfo.read(value, value));
  }

  private static String object(MemoryObjectStore store, String key) {
    return text(store.get(Scenario.BUCKET, key).orElseThrow(() -> new AssertionError(key)));
  }

  // ------------------------------------------------------------------------------ checks

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

  private static Parser parser() {
    return Parser.builder().extensions(EXTENSIONS).build();
  }

  /**
   * The Markdown as a renderer shows it. commonmark-java makes {@code mailto:} links of e-mail
   * addresses even when their {@code @} is escaped (GitHub does not); such a link shows exactly its
   * target, so it is unwrapped before comparing.
   */
  private static String markdownAsHtml(String markdown) {
    String html =
        HtmlRenderer.builder().extensions(EXTENSIONS).build().render(parser().parse(markdown));
    return html.replaceAll("<a href=\"mailto:([^\"]*)\">\\1</a>", "$1");
  }

  private static void assertNoRawHtml(String markdown) {
    parser()
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(HtmlInline html) {
                throw new AssertionError("raw HTML in Markdown: " + html.getLiteral());
              }

              @Override
              public void visit(HtmlBlock html) {
                throw new AssertionError("raw HTML block in Markdown: " + html.getLiteral());
              }

              @Override
              public void visit(Image image) {
                throw new AssertionError("image in Markdown: " + image.getDestination());
              }
            });
  }

  /** Bidi controls, zero-width and control characters must be shown, never emitted raw. */
  private static void assertNoHiddenCharacters(String page, String text) {
    text.codePoints()
        .forEach(
            codePoint -> {
              boolean allowedWhitespace = codePoint == '\n';
              boolean ourLinkBreak = codePoint == 0x200B && page.toLowerCase().contains("markdown");
              int type = Character.getType(codePoint);
              boolean hidden =
                  type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.UNASSIGNED
                      || type == Character.PRIVATE_USE;
              assertFalse(
                  hidden && !allowedWhitespace && !ourLinkBreak,
                  page + " contains U+" + Integer.toHexString(codePoint).toUpperCase());
            });
  }
}
