package dev.schemadrift.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars template.yaml deploys, as the Lambda runtime sees them: each function's CodeUri jar
 * (built by the shade plugin in this reactor's package phase of schema-diff and report-generator,
 * before this module's integration tests) resolves its Handler string in a class loader of that jar
 * alone, carries only the url-connection HTTP client, and the schema-diff handler runs one event on
 * local adapters loaded from the same jar.
 */
class LambdaJarsIT {
  private static final Path ROOT = CloudFormationTemplate.repositoryRoot();

  /** Classes of the HTTP clients AWS.md keeps out of the functions (slow start, extra threads). */
  private static final List<String> BANNED_PREFIXES =
      List.of(
          "software/amazon/awssdk/http/apache/",
          "software/amazon/awssdk/http/apache5/",
          "software/amazon/awssdk/http/nio/netty/",
          "org/apache/http/",
          "org/apache/hc/",
          "io/netty/");

  private static final String URL_CONNECTION_CLIENT =
      "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class";

  private final CloudFormationTemplate template = CloudFormationTemplate.load();

  private Path jarOf(String function) {
    Path jar = ROOT.resolve((String) template.properties(function).get("CodeUri"));
    assertTrue(
        Files.isRegularFile(jar),
        jar + " does not exist: build the Lambda jars first (./mvnw package or make build)");
    return jar;
  }

  /** A class loader of the jar alone (over the JDK's platform classes), as in Lambda. */
  private static URLClassLoader isolated(Path jar) throws IOException {
    return new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  private record Handler(String className, String method) {
    static Handler parse(String text) {
      String[] parts = text.split("::");
      assertEquals(2, parts.length, "Handler is class::method: " + text);
      return new Handler(parts[0], parts[1]);
    }

    String classFile() {
      return className.replace('.', '/') + ".class";
    }
  }

  private Handler handlerOf(String function) {
    return Handler.parse((String) template.properties(function).get("Handler"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void jarCarriesOnlyTheUrlConnectionHttpClient(String function) throws IOException {
    Path jar = jarOf(function);
    List<String> banned = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        String name = entry.getName();
        BANNED_PREFIXES.stream()
            .filter(name::startsWith)
            .findFirst()
            .ifPresent(prefix -> banned.add(name));
        assertFalse(name.equals("module-info.class"), jar + " holds module-info.class");
        assertFalse(
            name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"), jar + " holds signature " + name);
      }
      assertEquals(
          List.of(), banned.stream().limit(5).toList(), jar + " holds excluded HTTP clients");
      assertTrue(
          zip.getEntry(URL_CONNECTION_CLIENT) != null, jar + " lacks the url-connection client");
      ZipEntry services =
          zip.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService");
      assertTrue(services != null, "the SDK finds its HTTP client through META-INF/services");
      String registered =
          new String(zip.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
      List<String> implementations =
          registered
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
      assertEquals(
          List.of("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService"),
          implementations);
    }
    System.out.printf("%s: %s, %,d bytes%n", function, ROOT.relativize(jar), Files.size(jar));
  }

  @Test
  void schemaDiffHandlerResolvesInItsJar() throws Exception {
    Handler handler = handlerOf("SchemaDiffFunction");
    try (URLClassLoader loader = isolated(jarOf("SchemaDiffFunction"))) {
      assertHandlerShape(loader, handler);
    }
  }

  @Test
  void reportGeneratorHandlerResolvesInItsJar() throws Exception {
    Handler handler = handlerOf("ReportGeneratorFunction");
    try (URLClassLoader loader = isolated(jarOf("ReportGeneratorFunction"))) {
      assertHandlerShape(loader, handler);
    }
  }

  /**
   * The region chain inside each jar alone: with no region variable, the profile's region in a
   * config file is found (the profile classes are not shaded away) and an S3 client builds on it;
   * without the file the error says how to set a region.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void regionComesFromTheProfileInsideTheJar(String function, @TempDir Path home) throws Exception {
    Path config = home.resolve(".aws/config");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "[profile drift]\nregion = eu-west-1\n", StandardCharsets.UTF_8);
    Map<String, String> environment =
        Map.of(
            "HOME", home.toString(), "AWS_PROFILE", "drift", "AWS_EC2_METADATA_DISABLED", "true");
    try (URLClassLoader loader = isolated(jarOf(function))) {
      Class<?> type = Class.forName("dev.schemadrift.aws.AwsClients", true, loader);
      Object clients =
          type.getConstructor(Map.class, List.class).newInstance(environment, List.of());

      assertEquals("eu-west-1", String.valueOf(type.getMethod("region").invoke(clients)));
      try (AutoCloseable s3 = (AutoCloseable) type.getMethod("s3").invoke(clients)) {
        assertEquals("S3Client", s3.getClass().getInterfaces()[0].getSimpleName());
      }

      Files.delete(config);
      Object withoutConfig =
          type.getConstructor(Map.class, List.class).newInstance(environment, List.of());
      InvocationTargetException refused =
          assertThrows(
              InvocationTargetException.class,
              () -> type.getMethod("region").invoke(withoutConfig));
      assertTrue(
          refused.getCause().getMessage().startsWith("no AWS region:"),
          String.valueOf(refused.getCause()));
    }
  }

  /**
   * The report generator's runtime path with notifications on, inside its jar alone: the S3 and SNS
   * clients are built from the environment (no call is made), so the SNS module and the
   * url-connection client it uses are in the jar.
   */
  @Test
  void reportGeneratorBuildsItsSnsClientInItsJar() throws Exception {
    Handler handler = handlerOf("ReportGeneratorFunction");
    try (URLClassLoader loader = isolated(jarOf("ReportGeneratorFunction"))) {
      Constructor<?> fromEnvironment =
          Class.forName(handler.className(), true, loader).getConstructor(Map.class);
      Map<String, String> environment =
          new HashMap<>(
              Map.of(
                  "REPORT_BUCKET", "my-reports",
                  "NOTIFICATION_TOPIC_ARN",
                      "arn:aws:sns:eu-west-1:123456789012:schema-drift-notifications",
                  "REPORT_BASE_URL", "https://reports.example.org",
                  "AWS_REGION", "eu-west-1",
                  "AWS_ACCESS_KEY_ID", "testing",
                  "AWS_SECRET_ACCESS_KEY", "testing"));
      fromEnvironment.newInstance(environment);
      // The topic is read and checked after the SNS client is built: a bad one proves both ran.
      environment.put("NOTIFICATION_TOPIC_ARN", "schema-drift-notifications");
      InvocationTargetException refused =
          assertThrows(
              InvocationTargetException.class, () -> fromEnvironment.newInstance(environment));
      assertTrue(
          refused.getCause().getMessage().contains("NOTIFICATION_TOPIC_ARN"),
          String.valueOf(refused.getCause()));
      assertTrue(
          loader.getResource("software/amazon/awssdk/services/sns/SnsClient.class") != null,
          "the SNS client is in the jar");
    }
  }

  /**
   * The AWS SDK's own log records reach the function's log: each Lambda jar registers exactly the
   * JSON SLF4J binding, so a warning the SDK logs (a retry, throttling) is printed to standard
   * output as one JSON object with its level.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void sdkWarningsBecomeJsonLinesInsideTheJar(String function) throws Exception {
    Path jar = jarOf(function);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry providers = zip.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
      assertTrue(providers != null, jar + " registers no SLF4J binding");
      assertEquals(
          List.of("dev.schemadrift.log.JsonLoggerProvider"),
          new String(zip.getInputStream(providers).readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList());
    }
    List<String> printed = printedBy(jar, "software.amazon.awssdk.retries");
    assertEquals(1, printed.size(), printed.toString());
    JsonNode record = Json.mapper().readTree(printed.getFirst());
    assertEquals("WARN", record.path("level").asText(), printed.getFirst());
    assertEquals("software.amazon.awssdk.retries", record.path("logger").asText());
    assertEquals("attempt 2 of 3 throttled", record.path("message").asText());
    assertEquals("slf4j", record.path("source").asText());
  }

  /** The CLI binds slf4j-nop: the SDK's records print nothing, and SLF4J prints no warning. */
  @Test
  void cliJarPrintsNoLogging() throws Exception {
    Path jar = ROOT.resolve("cli/target/schema-drift.jar");
    assertTrue(Files.isRegularFile(jar), jar + " does not exist: build the CLI jar first");
    assertEquals(List.of(), printedBy(jar, "software.amazon.awssdk.retries"));
  }

  /**
   * What one SDK-style warning prints (standard output and error, line by line) through SLF4J in a
   * class loader of the jar alone.
   */
  private static List<String> printedBy(Path jar, String logger) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (URLClassLoader loader = isolated(jar)) {
      System.setOut(capture);
      System.setErr(capture);
      Class<?> factory = Class.forName("org.slf4j.LoggerFactory", true, loader);
      Object slf4j = factory.getMethod("getLogger", String.class).invoke(null, logger);
      slf4j
          .getClass()
          .getMethod("warn", String.class, Object.class, Object.class)
          .invoke(slf4j, "attempt {} of {} throttled", 2, 3);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** What the Java runtime needs: a public class with a no-arg constructor and the method. */
  private static void assertHandlerShape(ClassLoader loader, Handler handler) throws Exception {
    Class<?> type = Class.forName(handler.className(), false, loader);
    assertTrue(Modifier.isPublic(type.getModifiers()), type + " is public");
    assertFalse(Modifier.isAbstract(type.getModifiers()), type + " is concrete");
    Constructor<?> runtimeConstructor = type.getConstructor();
    assertTrue(Modifier.isPublic(runtimeConstructor.getModifiers()));
    Class<?> streamHandler =
        loader.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
    assertTrue(streamHandler.isAssignableFrom(type), type + " is a RequestStreamHandler");
    Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
    Method method =
        type.getMethod(handler.method(), InputStream.class, OutputStream.class, context);
    assertEquals(void.class, method.getReturnType());
  }

  /**
   * One sample event through the handler in its jar: a contract in a contract bucket folder, a Glue
   * snapshot and a data folder, with the jar's own LocalFolderObjectStore and SnapshotCatalog in
   * place of S3 and Glue (the runtime constructor reads System.getenv and builds AWS clients).
   */
  @Test
  void bothHandlersRunOneScheduledEventOnLocalAdapters(@TempDir Path folder) throws Exception {
    Path buckets = folder.resolve("buckets");
    Path contract = buckets.resolve("contract-bucket/contracts/nyc_parks/parks_properties.json");
    Files.createDirectories(contract.getParent());
    Files.copy(ROOT.resolve("contracts/nyc_parks/parks_properties.json"), contract);
    Path catalog = folder.resolve("catalog/nyc_parks");
    Files.createDirectories(catalog);
    Files.copy(
        ROOT.resolve("examples/catalog/nyc_parks/parks_properties.json"),
        catalog.resolve("parks_properties.json"));
    Path data = ROOT.resolve("examples/data/nyc-open-data-lake");

    Handler handler = handlerOf("SchemaDiffFunction");
    byte[] summary;
    try (URLClassLoader loader = isolated(jarOf("SchemaDiffFunction"))) {
      Class<?> settingsType = loader.loadClass("dev.schemadrift.run.RunSettings");
      Object settings =
          settingsType
              .getConstructor(
                  String.class,
                  String.class,
                  String.class,
                  String.class,
                  int.class,
                  int.class,
                  String.class,
                  String.class)
              .newInstance("contract-bucket", "report-bucket", null, null, 10, 4, null, null);
      Object store =
          loader
              .loadClass("dev.schemadrift.local.LocalFolderObjectStore")
              .getConstructor(Path.class, Map.class)
              .newInstance(buckets, Map.of("nyc-open-data-lake", data));
      Object snapshots =
          loader
              .loadClass("dev.schemadrift.local.SnapshotCatalog")
              .getConstructor(Path.class)
              .newInstance(folder.resolve("catalog"));
      Class<?> triggerType = loader.loadClass("dev.schemadrift.port.ReportTrigger");
      Class<?> type = Class.forName(handler.className(), false, loader);
      Object function =
          type.getConstructor(
                  settingsType,
                  loader.loadClass("dev.schemadrift.port.ObjectStore"),
                  loader.loadClass("dev.schemadrift.port.Catalog"),
                  triggerType,
                  Clock.class)
              .newInstance(
                  settings,
                  store,
                  snapshots,
                  triggerType.getField("NONE").get(null),
                  Clock.fixed(Instant.parse("2026-11-26T06:00:07Z"), ZoneOffset.UTC));
      // What the schedule sends (its Input), plus the contract of single-table mode.
      byte[] event =
          """
          {"scheduled_time": "2026-11-26T06:00:00Z",
           "contract_key": "contracts/nyc_parks/parks_properties.json"}
          """
              .getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
      type.getMethod(handler.method(), InputStream.class, OutputStream.class, context)
          .invoke(function, new ByteArrayInputStream(event), out, null);
      summary = out.toByteArray();
    }

    JsonNode run = Json.mapper().readTree(summary);
    assertEquals(
        "20261126T060000Z", run.path("run_id").asText(), "the run id is the scheduled time");
    assertEquals("runs/20261126T060000Z.json", run.path("manifest_key").asText());
    assertEquals(1, run.path("tables").size(), run.toString());
    JsonNode table = run.path("tables").get(0);
    assertEquals("nyc_parks", table.path("database").asText());
    assertEquals("parks_properties", table.path("table").asText());
    assertNotEquals("ERROR", table.path("status").asText(), run.toString());
    Path reports = buckets.resolve("report-bucket");
    assertTrue(Files.isRegularFile(reports.resolve("runs/20261126T060000Z.json")));
    assertTrue(
        Files.isRegularFile(
            reports.resolve("diffs/nyc_parks.parks_properties/20261126T060000Z.diff.json")));
    JsonNode diff =
        Json.mapper()
            .readTree(
                reports
                    .resolve("diffs/nyc_parks.parks_properties/20261126T060000Z.diff.json")
                    .toFile());
    assertEquals(table.path("status").asText(), diff.path("status").asText());

    // Then what SchemaDiffFunction asks of the report generator, through its own jar.
    Handler reportHandler = handlerOf("ReportGeneratorFunction");
    byte[] generated;
    try (URLClassLoader loader = isolated(jarOf("ReportGeneratorFunction"))) {
      Object store =
          loader
              .loadClass("dev.schemadrift.local.LocalFolderObjectStore")
              .getConstructor(Path.class, Map.class)
              .newInstance(buckets, Map.of());
      Class<?> type = Class.forName(reportHandler.className(), false, loader);
      Object function =
          type.getConstructor(loader.loadClass("dev.schemadrift.port.ObjectStore"), String.class)
              .newInstance(store, "report-bucket");
      byte[] event =
          "{\"bucket\": \"report-bucket\", \"manifest_key\": \"runs/20261126T060000Z.json\"}"
              .getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
      type.getMethod(reportHandler.method(), InputStream.class, OutputStream.class, context)
          .invoke(function, new ByteArrayInputStream(event), out, null);
      generated = out.toByteArray();
    }
    JsonNode response = Json.mapper().readTree(generated);
    assertEquals(1, response.path("tables").asInt(), response.toString());
    assertEquals(1, response.path("index_tables").asInt(), response.toString());
    assertEquals(0, response.path("notifications").asInt(), "no topic: no notifications");
    String index = Files.readString(reports.resolve("index.html"));
    assertTrue(index.contains("parks_properties"), "index.html lists the table");
    assertTrue(
        Files.isRegularFile(
            reports.resolve("reports/nyc_parks.parks_properties/20261126T060000Z.report.html")));
    assertTrue(
        Files.isRegularFile(reports.resolve("reports/nyc_parks.parks_properties/latest.html")));
    assertTrue(Files.isRegularFile(reports.resolve("state/index.json")));
  }
}
