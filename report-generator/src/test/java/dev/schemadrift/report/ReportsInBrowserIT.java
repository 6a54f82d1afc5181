package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.local.MemoryObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * index.html and reports opened from a folder (file://) in Debian's headless Chromium: rows,
 * filtering, search, sorting, the address fragment, links, hostile values, 10,000 rows, and a
 * console without errors, and no page or card wider than its room at 1280 px and at 375 px (every
 * page opened is measured at both). Screenshots (desktop 1280 px, phone 375 px) go to
 * target/screenshots/. Without Chromium the test skips locally and fails in CI ({@code CI=true}).
 */
class ReportsInBrowserIT {
  private static final Path SITES = Path.of("target/browser").toAbsolutePath();
  private static final Path SHOTS = Path.of("target/screenshots").toAbsolutePath();
  private static final String VISIBLE_ROWS =
      "return Array.from(document.querySelectorAll('#tables tbody tr'))"
          + ".filter(function (row) { return !row.hidden; })"
          + ".map(function (row) { return row.cells[0].textContent; });";

  /**
   * Everything wider than its room: the page against the window, and inside each card (and the
   * status banner) any element reaching past the card's edges or scrolling sideways within it, as a
   * findings table whose last columns are scrolled out of sight does. Elements hidden for sighted
   * readers (visually-hidden, a stacked table's 1 px header) do not count.
   */
  private static final String OVERFLOWS =
      """
      var problems = [];
      var page = document.documentElement;
      function describe(element) {
        var name = element.tagName.toLowerCase();
        var css = element.getAttribute('class');
        return '<' + name + (css ? ' class="' + css + '"' : '') + '> '
          + JSON.stringify((element.textContent || '').trim().slice(0, 40));
      }
      if (page.scrollWidth > page.clientWidth) {
        problems.push('the page is ' + page.scrollWidth + ' px wide in ' + page.clientWidth + ' px');
        // Name the outermost elements that stick out, so a failure says what to fix.
        document.body.querySelectorAll('*').forEach(function (element) {
          var parent = element.parentElement;
          if (element.getBoundingClientRect().right > page.clientWidth + 1
              && parent.getBoundingClientRect().right <= page.clientWidth + 1) {
            problems.push('sticks out of the page: ' + describe(element));
          }
        });
      }
      document.querySelectorAll('.card, .banner').forEach(function (card) {
        var box = card.getBoundingClientRect();
        var heading = card.querySelector('h1, h2');
        var where = heading ? heading.textContent.trim() : card.getAttribute('class');
        card.querySelectorAll('*').forEach(function (element) {
          var hidden = element.closest('.visually-hidden, thead');
          if (hidden && hidden.getBoundingClientRect().width <= 1) return;
          var rect = element.getBoundingClientRect();
          if (rect.width === 0 && rect.height === 0) return;
          var style = getComputedStyle(element);
          // A tag cut short with an ellipsis (its title holds all of it) is shortened, not hidden.
          var scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll'
            || (style.overflowX === 'hidden' && style.textOverflow !== 'ellipsis');
          if (scrolls && element.scrollWidth > element.clientWidth + 1) {
            problems.push(where + ': ' + describe(element) + ' scrolls sideways, '
              + element.scrollWidth + ' px in ' + element.clientWidth + ' px');
          }
          if (rect.right > box.right + 1 || rect.left < box.left - 1) {
            problems.push(where + ': ' + describe(element) + ' spans ' + Math.round(rect.left)
              + '..' + Math.round(rect.right) + ' px, the card ' + Math.round(box.left) + '..'
              + Math.round(box.right) + ' px');
          }
        });
      });
      return problems.slice(0, 12);
      """;

  private static ChromeSession chrome;
  private static int viewportWidth = 1280;
  private static boolean viewportMobile;

  @BeforeAll
  static void startBrowser() throws Exception {
    if (!ChromeSession.available()) {
      String why =
          "headless Chromium is missing (/usr/bin/chromium, /usr/bin/chromedriver):"
              + " scripts/browser-tools.sh installs chromium and chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    MemoryObjectStore scenario = Scenario.store();
    Scenario.generate(scenario);
    SiteWriter.copy(scenario, Scenario.BUCKET, SITES.resolve("scenario"));
    chrome = ChromeSession.start();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chrome != null) {
      chrome.close();
    }
  }

  @Test
  void indexListsEveryTableAndFilters() throws Exception {
    viewport(1280, false);
    open("scenario/index.html");
    assertEquals(7, visible().size());
    assertEquals(
        true, chrome.execute("return !document.getElementById('filters').hidden;").asBoolean());
    chrome.screenshot(SHOTS.resolve("index-desktop.png"), 1280, false);

    chrome.type(chrome.findOne("#q"), "parks");
    assertEquals(
        List.of("nyc_parks.parks_properties", "nyc_parks.park_events", "nyc_parks.playgrounds"),
        waitForRows(3));
    assertEquals("3 of 7 tables", text("#count"));
    chrome.screenshot(SHOTS.resolve("index-search-desktop.png"), 1280, false);
    chrome.click(chrome.findOne("#clear"));
    waitForRows(7);

    choose("#f-status", "BREAKING");
    assertEquals(
        List.of("nyc_parks.parks_properties", "nyc_transit.turnstile_usage"), waitForRows(2));
    choose("#f-severity", "safe");
    assertEquals(
        List.of("nyc_parks.parks_properties", "nyc_transit.turnstile_usage"), waitForRows(2));
    choose("#f-status", "");
    assertEquals(3, waitForRows(3).size(), "tables with safe findings, any status");
    chrome.click(chrome.findOne("#clear"));
    waitForRows(7);

    choose("#f-db", "nyc_transit");
    assertEquals(List.of("nyc_transit.turnstile_usage", "nyc_transit.bus_routes"), waitForRows(2));
    chrome.click(chrome.findOne("#clear"));
    choose("#f-owner", "schools-data@example.org");
    assertEquals(
        List.of("nyc_schools.school_directory", "nyc_schools.test_results"), waitForRows(2));
    chrome.click(chrome.findOne("#clear"));
    choose("#f-tag", "tier-1");
    assertEquals(6, waitForRows(6).size(), "every table but playgrounds is tier-1");
    chrome.click(chrome.findOne("#clear"));
    waitForRows(7);

    String breaking = chrome.findOne(".totals button[data-status=BREAKING]");
    chrome.click(breaking);
    assertEquals(2, waitForRows(2).size());
    assertEquals("true", attribute(".totals button[data-status=BREAKING]", "aria-pressed"));
    assertEquals(
        "BREAKING", chrome.execute("return document.getElementById('f-status').value;").asText());
    chrome.screenshot(SHOTS.resolve("index-filtered-desktop.png"), 1280, false);
    chrome.click(breaking);
    waitForRows(7);

    chrome.click(chrome.findOne("#tables thead button[data-key=name]"));
    assertEquals("nyc_parks.park_events", visible().getFirst());
    assertEquals("ascending", attribute("#tables thead th:nth-child(1)", "aria-sort"));
    chrome.click(chrome.findOne("#tables thead button[data-key=name]"));
    assertEquals("nyc_transit.turnstile_usage", visible().getFirst());
    assertEquals("descending", attribute("#tables thead th:nth-child(1)", "aria-sort"));
    chrome.click(chrome.findOne("#tables thead button[data-key=breaking]"));
    assertEquals("nyc_parks.parks_properties", visible().getFirst(), "most breaking first");

    open("scenario/index.html#status=RISKY&q=bus");
    assertEquals(List.of("nyc_transit.bus_routes"), waitForRows(1), "filters from the address");
    assertEquals("bus", chrome.execute("return document.getElementById('q').value;").asText());

    open("scenario/index.html");
    chrome.screenshot(SHOTS.resolve("index-phone.png"), 375, true);
    assertEquals(
        0,
        chrome.execute("return document.documentElement.scrollWidth - window.innerWidth;").asInt(),
        "nothing wider than a 375 px phone");
    assertNoConsoleErrors();
  }

  @Test
  void reportsShowFindingsAndEveryLinkResolves() throws Exception {
    String last = Scenario.RUNS.getLast();
    viewport(1280, false);
    open("scenario/reports/nyc_parks.parks_properties/latest.html");
    assertEquals(7, count("table.findings tbody tr"));
    assertTrue(text("h1").contains("Breaking changes"), text("h1"));
    assertEquals(1, count(".banner.st-breaking"));
    assertEquals(3, count(".strip svg a"), "three runs in the history strip");
    chrome.screenshot(SHOTS.resolve("report-breaking-desktop.png"), 1280, false);
    assertLinksResolve();
    chrome.screenshot(SHOTS.resolve("report-breaking-phone.png"), 375, true);
    assertEquals(
        0,
        chrome.execute("return document.documentElement.scrollWidth - window.innerWidth;").asInt(),
        "nothing wider than a 375 px phone");

    for (String table : Scenario.LAST_STATUS.keySet()) {
      viewport(1280, false);
      open("scenario/reports/" + table + "/" + last + ".report.html");
      String status = Scenario.LAST_STATUS.get(table);
      assertTrue(
          text(".banner .status-word").equals(status), table + ": " + text(".banner .status-word"));
      assertLinksResolve();
      String name = "report-" + status.toLowerCase(Locale.ROOT).replace('_', '-');
      if (table.endsWith("turnstile_usage")) {
        name = "report-nested";
      }
      chrome.screenshot(SHOTS.resolve(name + "-desktop.png"), 1280, false);
    }
    viewport(375, true);
    open("scenario/reports/nyc_schools.test_results/latest.html");
    chrome.screenshot(SHOTS.resolve("report-no-data-phone.png"), 375, true);
    open("scenario/reports/nyc_schools.school_directory/latest.html");
    chrome.screenshot(SHOTS.resolve("report-error-phone.png"), 375, true);
    assertNoConsoleErrors();
  }

  @Test
  void hostileValuesStayInert() throws Exception {
    MemoryObjectStore store = new MemoryObjectStore();
    List<String> corpus = new ArrayList<>(HostileInputTest.corpus().toList());
    corpus.add("<img src=x onerror=\"window.pwned=1\">");
    corpus.add("<script>window.pwned=1</script>");
    corpus.add("\"><svg onload=\"window.pwned=1\">");
    StringBuilder tables = new StringBuilder();
    String run = "20261126T080000Z";
    for (int index = 0; index < corpus.size(); index++) {
      DiffArtifact artifact = HostileInputTest.breaking(corpus.get(index), "hostile_" + index);
      String key = BucketLayout.diff(artifact.table(), run);
      store.put(Scenario.BUCKET, key, ArtifactJson.write(artifact), "application/json");
      tables
          .append(index == 0 ? "" : ", ")
          .append(HostileInputTest.entry(artifact, corpus.get(index), run));
    }
    String manifest =
        """
        {"manifest_version": 1, "run_id": "%s", "mode": "registry", "totals": {},
         "tables": [%s], "skipped": [], "not_found": [], "next_cursor": null}
        """
            .formatted(run, tables);
    store.put(
        Scenario.BUCKET,
        "runs/" + run + ".json",
        manifest.getBytes(StandardCharsets.UTF_8),
        "application/json");
    new ReportGenerator(store, Scenario.BUCKET).generateRun("runs/" + run + ".json");
    SiteWriter.copy(store, Scenario.BUCKET, SITES.resolve("hostile"));

    viewport(1280, false);
    open("hostile/index.html");
    assertEquals(corpus.size(), visible().size());
    assertInert(1);
    chrome.type(chrome.findOne("#q"), "script");
    assertTrue(waitForRowsAtMost(corpus.size() - 1).size() >= 2);
    chrome.screenshot(SHOTS.resolve("hostile-index-desktop.png"), 1280, false);
    for (int index : new int[] {0, 1, 3, 4, 21, corpus.size() - 1}) {
      open("hostile/reports/nyc_parks.hostile_" + index + "/latest.html");
      assertInert(0);
      assertLinksResolve();
    }
    open("hostile/reports/nyc_parks.hostile_3/latest.html");
    chrome.screenshot(SHOTS.resolve("hostile-report-desktop.png"), 1280, false);
    assertNoConsoleErrors();
  }

  @Test
  void tenThousandRowsStayInteractive() throws Exception {
    IndexState state = LargeIndex.state(10_000);
    byte[] html = ReportTemplates.index(IndexView.of(state));
    Path index = SITES.resolve("large/index.html");
    Files.createDirectories(index.getParent());
    Files.write(index, html);
    long breaking =
        state.tables().values().stream().filter(table -> table.status() == Status.BREAKING).count();

    viewport(1280, false);
    open("large/index.html");
    double loaded =
        chrome
            .execute(
                "var nav = performance.getEntriesByType('navigation')[0];"
                    + " return nav.domContentLoadedEventEnd;")
            .asDouble();
    double filter =
        chrome
            .execute(
                "var t = performance.now(); var s = document.getElementById('f-status');"
                    + " s.value = 'BREAKING'; s.dispatchEvent(new Event('change'));"
                    + " document.body.offsetHeight; return performance.now() - t;")
            .asDouble();
    assertTrue(
        text("#count").startsWith(String.format(Locale.ROOT, "%,d of 10,000 tables", breaking)),
        text("#count"));
    assertEquals(Math.min(200, breaking), count("#tables tbody tr"), "one page rendered");
    double clear =
        chrome
            .execute(
                "var t = performance.now(); var s = document.getElementById('f-status');"
                    + " s.value = ''; s.dispatchEvent(new Event('change'));"
                    + " document.body.offsetHeight; return performance.now() - t;")
            .asDouble();
    JsonNode search =
        chrome.executeAsync(
            "var done = arguments[arguments.length - 1]; var t = performance.now();"
                + " var q = document.getElementById('q'); q.value = 'dataset_0999';"
                + " q.dispatchEvent(new Event('input'));"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () {"
                + " document.body.offsetHeight; done(performance.now() - t); }); });");
    assertEquals("10 of 10,000 tables", text("#count"));
    chrome.screenshot(SHOTS.resolve("index-10000-search-desktop.png"), 1280, false);
    chrome.execute(
        "var q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input'));");
    double sort =
        chrome
            .execute(
                "var t = performance.now(); document.querySelector('#tables thead button[data-key=name]').click();"
                    + " document.body.offsetHeight; return performance.now() - t;")
            .asDouble();
    chrome.viewportScreenshot(SHOTS.resolve("index-10000-desktop.png"));
    System.out.printf(
        Locale.ROOT,
        "10,000-row index (%,d bytes): DOM ready %.0f ms; filter by status %.0f ms; clear %.0f ms;"
            + " search %.0f ms; sort by name %.0f ms%n",
        html.length,
        loaded,
        filter,
        clear,
        search.asDouble(),
        sort);
    // Interactive: a generous bound that still catches an accidental quadratic filter.
    assertTrue(filter < 2_000 && clear < 2_000 && search.asDouble() < 2_000, "filtering is slow");
    assertNoConsoleErrors();
  }

  // ------------------------------------------------------------------------------ helpers

  /** Opens a page of a site folder, and checks that it fits at 1280 px and at 375 px. */
  private static void open(String path) {
    String[] parts = path.split("#", 2);
    String url = SITES.resolve(parts[0]).toUri() + (parts.length > 1 ? "#" + parts[1] : "");
    chrome.open("about:blank");
    chrome.open(url);
    assertFits(path);
  }

  private static void viewport(int width, boolean mobile) {
    viewportWidth = width;
    viewportMobile = mobile;
    chrome.viewport(width, mobile ? 800 : 900, mobile);
  }

  /** Nothing overflows the window or a card on a desktop or a phone; the viewport is restored. */
  private static void assertFits(String path) {
    try {
      for (int width : new int[] {1280, 375}) {
        chrome.viewport(width, 900, width < 720);
        List<String> problems = new ArrayList<>();
        chrome.execute(OVERFLOWS).forEach(problem -> problems.add(problem.asText()));
        assertEquals(List.of(), problems, path + " at " + width + " px");
      }
    } finally {
      chrome.viewport(viewportWidth, viewportMobile ? 800 : 900, viewportMobile);
    }
  }

  private static List<String> visible() {
    List<String> rows = new ArrayList<>();
    chrome.execute(VISIBLE_ROWS).forEach(row -> rows.add(row.asText()));
    return rows;
  }

  /** Filtering runs on the next animation frame: wait for it. */
  private static List<String> waitForRows(int expected) throws InterruptedException {
    List<String> rows = visible();
    for (int attempt = 0; attempt < 40 && rows.size() != expected; attempt++) {
      Thread.sleep(50);
      rows = visible();
    }
    assertEquals(expected, rows.size(), "visible rows: " + rows);
    return rows;
  }

  private static List<String> waitForRowsAtMost(int most) throws InterruptedException {
    List<String> rows = visible();
    for (int attempt = 0; attempt < 40 && rows.size() > most; attempt++) {
      Thread.sleep(50);
      rows = visible();
    }
    return rows;
  }

  /** Picks an option as a user does: click the select, then the option. */
  private static void choose(String select, String value) {
    chrome.click(chrome.findOne(select));
    chrome.click(chrome.findOne(select + " option[value=\"" + value + "\"]"));
  }

  private static String text(String css) {
    return chrome.execute("return document.querySelector(arguments[0]).textContent;", css).asText();
  }

  private static String attribute(String css, String name) {
    return chrome
        .execute(
            "return document.querySelector(arguments[0]).getAttribute(arguments[1]);", css, name)
        .asText();
  }

  private static int count(String css) {
    return chrome.execute("return document.querySelectorAll(arguments[0]).length;", css).asInt();
  }

  /** No script of the values ran, none was added, nothing was loaded from anywhere. */
  private static void assertInert(int scripts) {
    assertEquals("undefined", chrome.execute("return typeof window.pwned;").asText());
    assertEquals(scripts, count("script:not([type=\"application/json\"])"));
    assertEquals(scripts, count("script[type=\"application/json\"]"), "the index's data block");
    assertEquals(
        0, count("img, iframe, object, embed, form[action], base, meta[http-equiv=refresh]"));
    assertEquals(
        0,
        chrome
            .execute(
                "return Array.from(document.querySelectorAll('*')).filter(function (e) {"
                    + " return Array.from(e.attributes).some(function (a) {"
                    + " return /^on/i.test(a.name); }); }).length;")
            .asInt(),
        "no event-handler attributes");
  }

  /** Every link points at a file that exists in the folder. */
  private static void assertLinksResolve() {
    JsonNode links =
        chrome.execute(
            "return Array.from(document.querySelectorAll('a[href]')).map(function (a) {"
                + " return new URL(a.getAttribute('href'), document.baseURI).href; });");
    assertTrue(links.size() > 0);
    for (JsonNode link : links) {
      URI uri = URI.create(link.asText());
      assertEquals("file", uri.getScheme(), link.asText());
      Path target = Path.of(URI.create(uri.getScheme() + "://" + uri.getRawPath()));
      assertTrue(Files.exists(target), "broken link " + link.asText());
    }
  }

  private static void assertNoConsoleErrors() {
    List<String> errors =
        chrome.console().stream().filter(line -> line.startsWith("SEVERE")).toList();
    assertEquals(List.of(), errors, "console errors");
  }
}
