package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.CapturedLog;
import dev.schemadrift.run.RunFailedException;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import dev.schemadrift.run.it.FaultProxy.Fault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Faults injected into the real SDK calls of a SchemaDiffFunction run: a proxy on 127.0.0.1 in
 * front of moto throttles, answers 500, stays silent or resets the connection for one call, for
 * good (after every retry) or once. The SDK must retry with backoff, boundedly; a call that keeps
 * failing is that table's ERROR or fails the invocation, never a table reported OK unchecked; and a
 * rerun completes the job. Every (call, fault) pair is a row of docs/RELIABILITY.md.
 */
class FaultInjectionIT {
  private static final String CONTRACTS = "it-contracts";
  private static final String REPORTS = "it-reports";
  private static final String DATA = "it-data-lake";
  private static final String REPORT_FUNCTION = "schema-drift-reports";
  private static final String RUN = "20261126T080000Z";
  private static final String EVENT = "{\"run_id\":\"" + RUN + "\"}";
  private static final String VICTIM = "contracts/it_victim/orders.json";
  private static final String BYSTANDER = "contracts/it_bystander/orders.json";

  static final AwsClients.Limits TEST_LIMITS = FaultProxy.CLIENT_LIMITS;

  private final AttemptCounter attempts = new AttemptCounter();
  private final CapturedLog log = new CapturedLog();
  private FaultProxy proxy;
  private S3Client s3;
  private SchemaDiffHandler handler;

  /** Counts the SDK's attempts (each retry included) at the faulted call. */
  private static final class AttemptCounter implements ExecutionInterceptor {
    private volatile Predicate<SdkRequest> watched = request -> false;
    private final AtomicInteger count = new AtomicInteger();

    void watch(Predicate<SdkRequest> request) {
      watched = request;
      count.set(0);
    }

    int count() {
      return count.get();
    }

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (watched.test(context.request())) {
        count.incrementAndGet();
      }
    }
  }

  @BeforeEach
  void scenario() throws IOException {
    Moto.reset();
    AwsClients direct = Moto.clients();
    s3 = direct.s3();
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    Moto.createReportFunction(direct, REPORT_FUNCTION);
    GlueClient glue = direct.build(GlueClient.builder(), "GLUE");
    for (String database : List.of("it_victim", "it_bystander")) {
      put(CONTRACTS, "contracts/" + database + "/orders.json", contract(database));
      put(DATA, database + "/orders/part-00000.parquet", "PAR1");
      glue.createDatabase(request -> request.databaseInput(input -> input.name(database)));
    }
    // The bystander's table exists; the victim's is created from its contract by the run.
    new GlueCatalog(glue)
        .createTable(
            TableDefinitions.fromContract(
                    ContractReader.read(
                        BYSTANDER, contract("it_bystander").getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(),
            null);
    put(
        CONTRACTS,
        "configs/tables.json",
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \""
            + BYSTANDER
            + "\"}, {\"contract\": \""
            + VICTIM
            + "\"}]}");

    proxy = new FaultProxy(URI.create(Moto.endpoint()), Duration.ofSeconds(4));
    Map<String, String> environment = new java.util.HashMap<>(Moto.environment());
    environment.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
    AwsClients proxied = new AwsClients(environment, List.of(attempts), TEST_LIMITS);
    handler =
        new SchemaDiffHandler(
            new RunSettings(
                CONTRACTS,
                REPORTS,
                CONTRACTS,
                "configs/tables.json",
                100,
                4,
                REPORT_FUNCTION,
                null),
            proxied,
            Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC),
            log.log(),
            Map.of("STACK_NAME", "fault-stack"));
  }

  @AfterEach
  void stopProxy() throws IOException {
    proxy.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (FaultPoint point : FaultPoint.values()) {
      for (Fault fault : Fault.values()) {
        cases.add(Arguments.of(point, fault));
      }
    }
    return cases.stream();
  }

  // --------------------------------------------------------------------------------- tests

  @Test
  void withoutFaultsBothTablesAreOkThroughTheProxy() throws IOException {
    JsonNode summary = invoke();

    assertEquals("OK", line(summary, BYSTANDER).path("status").asText());
    assertEquals("OK", line(summary, VICTIM).path("status").asText());
    assertTrue(diff("it_victim").path("created_table").asBoolean());
    assertEquals(0, proxy.injected());
  }

  @ParameterizedTest(name = "{0} {1} every attempt")
  @MethodSource("matrix")
  void aCallThatKeepsFailingIsRetriedThenReported(FaultPoint point, Fault fault)
      throws IOException {
    attempts.watch(sdkCall(point));
    proxy.fail(httpCall(point), fault, Integer.MAX_VALUE);

    long started = System.nanoTime();
    String observed;
    if (point.outcome() == FaultPoint.Outcome.RUN_FAILS) {
      RunFailedException failure = assertThrows(RunFailedException.class, this::invoke);
      observed = "run fails: " + failure.getMessage();
      List<JsonNode> failed = log.withMessage("run failed");
      assertEquals(1, failed.size(), log.lines().toString());
      assertEquals("ERROR", failed.getFirst().path("level").asText());
      assertTrue(log.metricDocuments().isEmpty(), "a failed run is no completed run");
      assertFalse(failure.getMessage().contains("\tat "));
      if (point == FaultPoint.REGISTRY_READ) {
        assertTrue(keys("diffs/").isEmpty(), "nothing checked without the registry");
      } else {
        assertEquals("OK", diff("it_bystander").path("status").asText(), "the diffs stay valid");
        assertEquals("OK", diff("it_victim").path("status").asText(), "the diffs stay valid");
      }
    } else {
      JsonNode summary = invoke();
      JsonNode victim = line(summary, VICTIM);
      assertEquals("ERROR", victim.path("status").asText(), victim.toString());
      assertEquals(expectedKind(point, fault), victim.path("error").asText(), victim.toString());
      assertEquals("OK", line(summary, BYSTANDER).path("status").asText(), "only that table");
      if (point == FaultPoint.DIFF_WRITE) {
        assertTrue(victim.path("diff_key").isNull());
        assertTrue(keys("diffs/it_victim.").isEmpty(), "nothing half-written");
      } else {
        JsonNode artifact = object(victim.path("diff_key").asText()).orElseThrow();
        assertEquals("ERROR", artifact.path("status").asText());
        assertEquals(expectedKind(point, fault), artifact.at("/error/kind").asText());
      }
      observed = victim.path("status").asText() + " " + victim.path("error").asText();
      List<JsonNode> warnings = log.withMessage("table check failed");
      assertEquals(1, warnings.size(), log.lines().toString());
      assertEquals("WARN", warnings.getFirst().path("level").asText());
      assertEquals(expectedKind(point, fault), warnings.getFirst().path("kind").asText());
    }
    System.out.printf(
        "fault matrix: %s %s -> %s; SDK attempts %d, injected %d, %d ms%n",
        point,
        fault,
        observed.lines().findFirst().orElse(""),
        attempts.count(),
        proxy.injected(),
        (System.nanoTime() - started) / 1_000_000);
    assertEquals(TEST_LIMITS.maxAttempts(), attempts.count(), "retried, boundedly");

    // The cause goes away: a rerun of the same run (Lambda's retry) completes the job.
    proxy.clear();
    JsonNode rerun = invoke();
    assertEquals("OK", line(rerun, VICTIM).path("status").asText());
    assertEquals("OK", line(rerun, BYSTANDER).path("status").asText());
    assertNotNull(object("runs/" + RUN + ".json").orElse(null));
  }

  @ParameterizedTest(name = "{0} {1} once")
  @MethodSource("matrix")
  void aCallThatFailsOnceIsRetriedAndTheRunIsUnchanged(FaultPoint point, Fault fault)
      throws IOException {
    attempts.watch(sdkCall(point));
    proxy.fail(httpCall(point), fault, 1);

    JsonNode summary = invoke();
    byte[] manifest = bytes("runs/" + RUN + ".json");
    List<JsonNode> metrics = log.metricDocuments();

    assertEquals(1, proxy.injected());
    // Every SDK attempt after the first is a retry in the run's metrics (a reset connection may be
    // retried inside the JDK's HTTP client, unseen by the SDK); a throttle is counted as such.
    assertEquals(1, metrics.size(), log.lines().toString());
    assertEquals(
        attempts.count() - 1, metrics.getFirst().path("AwsRetries").asInt(), metrics.toString());
    assertEquals(
        fault == Fault.THROTTLE ? 1 : 0,
        metrics.getFirst().path("AwsThrottles").asInt(),
        metrics.toString());
    assertTrue(attempts.count() >= 1 && attempts.count() <= TEST_LIMITS.maxAttempts());
    assertEquals("OK", line(summary, VICTIM).path("status").asText(), summary.toString());
    assertEquals("OK", line(summary, BYSTANDER).path("status").asText(), summary.toString());
    // A fault-free rerun of the same run writes the same bytes: the retry changed nothing.
    proxy.clear();
    invoke();
    assertArrayEquals(manifest, bytes("runs/" + RUN + ".json"));
  }

  // ------------------------------------------------------------------------------- helpers

  private static String expectedKind(FaultPoint point, Fault fault) {
    if (point == FaultPoint.DIFF_WRITE) {
      return "DIFF_NOT_WRITTEN";
    }
    return switch (fault) {
      case THROTTLE -> "THROTTLED";
      case SERVER_ERROR -> "AWS_ERROR";
      case TIMEOUT -> "TIMEOUT";
      case RESET -> "UNREACHABLE";
    };
  }

  /** The faulted call as the proxy sees it on the wire (only the victim's, where per table). */
  private static Predicate<FaultProxy.Request> httpCall(FaultPoint point) {
    return switch (point) {
      case REGISTRY_READ ->
          request ->
              request.method().equals("GET")
                  && request.path().equals("/" + CONTRACTS + "/configs/tables.json");
      case CONTRACT_READ ->
          request ->
              request.method().equals("GET")
                  && request.path().equals("/" + CONTRACTS + "/" + VICTIM);
      case DATA_PROBE ->
          request ->
              request.method().equals("GET")
                  && request.path().equals("/" + DATA)
                  && request.query().contains("prefix=it_victim");
      case GLUE_READ ->
          request ->
              "GetTables".equals(request.glueOperation())
                  && request.text().contains("\"it_victim\"");
      case GLUE_CREATE ->
          request ->
              "CreateTable".equals(request.glueOperation())
                  && request.text().contains("\"it_victim\"");
      case DIFF_WRITE ->
          request ->
              request.method().equals("PUT")
                  && request.path().startsWith("/" + REPORTS + "/diffs/it_victim.");
      case MANIFEST_WRITE ->
          request ->
              request.method().equals("PUT") && request.path().startsWith("/" + REPORTS + "/runs/");
      case CURSOR_WRITE ->
          request ->
              request.method().equals("PUT")
                  && request.path().equals("/" + REPORTS + "/state/cursor.json");
      case REPORT_INVOKE ->
          request -> request.isLambda() && request.path().endsWith("/invocations");
    };
  }

  /** The same call as the SDK sees it, to count its attempts. */
  private static Predicate<SdkRequest> sdkCall(FaultPoint point) {
    return switch (point) {
      case REGISTRY_READ ->
          request ->
              request instanceof GetObjectRequest get && get.key().equals("configs/tables.json");
      case CONTRACT_READ ->
          request -> request instanceof GetObjectRequest get && get.key().equals(VICTIM);
      case DATA_PROBE ->
          request ->
              request instanceof ListObjectsV2Request list
                  && list.prefix().startsWith("it_victim/");
      case GLUE_READ ->
          request ->
              request instanceof GetTablesRequest tables
                  && tables.databaseName().equals("it_victim");
      case GLUE_CREATE ->
          request ->
              request instanceof CreateTableRequest create
                  && create.databaseName().equals("it_victim");
      case DIFF_WRITE ->
          request ->
              request instanceof PutObjectRequest put && put.key().startsWith("diffs/it_victim.");
      case MANIFEST_WRITE ->
          request -> request instanceof PutObjectRequest put && put.key().startsWith("runs/");
      case CURSOR_WRITE ->
          request ->
              request instanceof PutObjectRequest put && put.key().equals("state/cursor.json");
      case REPORT_INVOKE -> request -> request instanceof InvokeRequest;
    };
  }

  private JsonNode invoke() throws IOException {
    log.clear();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }

  private static JsonNode line(JsonNode summary, String contractKey) {
    for (JsonNode line : summary.path("tables")) {
      if (line.path("contract_key").asText().equals(contractKey)) {
        return line;
      }
    }
    throw new AssertionError("no line for " + contractKey + " in " + summary);
  }

  private JsonNode diff(String database) {
    return object("diffs/" + database + ".orders/" + RUN + ".diff.json")
        .orElseThrow(() -> new AssertionError("no diff for " + database));
  }

  private byte[] bytes(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray();
  }

  private Optional<JsonNode> object(String key) {
    try {
      byte[] bytes = s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray();
      return Optional.of(Json.readTree(key, bytes));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  private List<String> keys(String prefix) {
    return s3.listObjectsV2(request -> request.bucket(REPORTS).prefix(prefix)).contents().stream()
        .map(object -> object.key())
        .toList();
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static String contract(String database) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \"orders\", \"data_location\": \"s3://"
        + DATA
        + "/"
        + database
        + "/orders/\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\":"
        + " \"bigint\"}, {\"name\": \"name\", \"type\": \"string\"}]}";
  }
}
