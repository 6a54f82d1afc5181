package dev.schemadrift.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through chromedriver with plain W3C WebDriver calls over HTTP (no
 * Selenium): navigate, run scripts, find and click elements, type, read the console, and take
 * full-page screenshots at a given width through the DevTools protocol.
 */
final class ChromeSession implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process driver;
  private final Path profile;
  private final String base;
  private final String session;

  private ChromeSession(Process driver, Path profile, String base, String session) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
    this.session = session;
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts chromedriver on a free port and opens a headless browser with a fresh profile. */
  static ChromeSession start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process driver =
        new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String base = "http://127.0.0.1:" + port;
    Path profile = Files.createTempDirectory("chromium-profile");
    try {
      waitUntilReady(base);
      ObjectNode capabilities = Json.mapper().createObjectNode();
      ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
      always.put("browserName", "chrome");
      always.putObject("goog:loggingPrefs").put("browser", "ALL");
      ObjectNode options = always.putObject("goog:chromeOptions");
      options.put("binary", CHROMIUM.toString());
      ArrayNode arguments = options.putArray("args");
      for (String argument :
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-quic",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--hide-scrollbars",
              "--window-size=1280,900",
              "--user-data-dir=" + profile)) {
        arguments.add(argument);
      }
      JsonNode created = send(base, "POST", "/session", capabilities);
      return new ChromeSession(driver, profile, base, created.get("sessionId").asText());
    } catch (IOException | RuntimeException e) {
      driver.destroyForcibly();
      throw e;
    }
  }

  private static void waitUntilReady(String base) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        HttpResponse<String> status =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() == 200 && status.body().contains("\"ready\":true")) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IOException("chromedriver did not start on " + base);
  }

  void open(String url) {
    command("POST", "/url", object().put("url", url));
  }

  /** Runs a script in the page ({@code arguments[0]}… are the arguments) and returns its value. */
  JsonNode execute(String script, Object... arguments) {
    ObjectNode body = object().put("script", script);
    ArrayNode list = body.putArray("args");
    for (Object argument : arguments) {
      list.add(Json.mapper().valueToTree(argument));
    }
    return command("POST", "/execute/sync", body);
  }

  /**
   * Runs an asynchronous script: it gets a callback as its last argument and returns what it passes
   * to it.
   */
  JsonNode executeAsync(String script) {
    ObjectNode body = object().put("script", script);
    body.putArray("args");
    return command("POST", "/execute/async", body);
  }

  /** Saves what the viewport shows as a PNG. */
  void viewportScreenshot(Path file) throws IOException {
    JsonNode shot = command("GET", "/screenshot", null);
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.asText()));
  }

  /** The element ids matching a CSS selector. */
  List<String> find(String css) {
    JsonNode found =
        command("POST", "/elements", object().put("using", "css selector").put("value", css));
    List<String> ids = new ArrayList<>();
    found.forEach(element -> ids.add(element.get(ELEMENT).asText()));
    return ids;
  }

  String findOne(String css) {
    List<String> found = find(css);
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " elements match " + css);
    }
    return found.getFirst();
  }

  void click(String element) {
    command("POST", "/element/" + element + "/click", object());
  }

  /** Types into an element as a user would (key events, so input listeners fire). */
  void type(String element, String text) {
    command("POST", "/element/" + element + "/value", object().put("text", text));
  }

  /** The browser console's entries since the last call, as "LEVEL message". */
  List<String> console() {
    JsonNode entries = command("POST", "/se/log", object().put("type", "browser"));
    List<String> lines = new ArrayList<>();
    entries.forEach(
        entry -> lines.add(entry.get("level").asText() + " " + entry.get("message").asText()));
    return lines;
  }

  /**
   * Lays the page out at {@code width} CSS pixels (a phone when {@code mobile}) and saves the whole
   * page, not only the viewport, as a PNG.
   */
  void screenshot(Path file, int width, boolean mobile) throws IOException {
    devTools(
        "Emulation.setDeviceMetricsOverride",
        object()
            .put("width", width)
            .put("height", 900)
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile));
    JsonNode metrics = devTools("Page.getLayoutMetrics", object());
    int height = (int) Math.ceil(metrics.get("cssContentSize").get("height").asDouble());
    devTools(
        "Emulation.setDeviceMetricsOverride",
        object()
            .put("width", width)
            .put("height", Math.min(height, 16_000))
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile));
    JsonNode shot =
        devTools(
            "Page.captureScreenshot",
            object().put("format", "png").put("captureBeyondViewport", false));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** Sets the layout width for the following steps (and page loads). */
  void viewport(int width, int height, boolean mobile) {
    devTools(
        "Emulation.setDeviceMetricsOverride",
        object()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile));
  }

  private JsonNode devTools(String command, ObjectNode parameters) {
    ObjectNode body = object().put("cmd", command);
    body.set("params", parameters);
    return command("POST", "/goog/cdp/execute", body);
  }

  private JsonNode command(String method, String path, ObjectNode body) {
    try {
      return send(base, method, "/session/" + session + path, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  private static JsonNode send(String base, String method, String path, JsonNode body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json; charset=utf-8");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    JsonNode answer = Json.mapper().readTree(response.body());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "WebDriver "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + answer);
    }
    return answer.get("value");
  }

  @Override
  public void close() throws IOException {
    try {
      send(base, "DELETE", "/session/" + session, null);
    } catch (RuntimeException | IOException e) {
      // The browser may already be gone; the driver is stopped below either way.
    }
    driver.destroy();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
