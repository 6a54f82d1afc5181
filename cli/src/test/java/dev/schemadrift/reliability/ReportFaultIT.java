package dev.schemadrift.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.it.FaultProxy;
import dev.schemadrift.run.it.FaultProxy.Fault;
import dev.schemadrift.run.it.Moto;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Faults injected into the report generator's writes against moto, through the same proxy as the
 * SchemaDiffFunction's: retried by the SDK, then the generation fails loudly (Lambda retries the
 * event), everything already written stays whole, and a rerun completes the index.
 */
class ReportFaultIT {
  private static final String CONTRACTS = "rf-contracts";
  private static final String REPORTS = "rf-reports";
  private static final String DATA = "rf-data";
  private static final String MANIFEST = "runs/20261126T080000Z.json";

  private FaultProxy proxy;
  private S3Client s3;
  private ReportGenerator generator;
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile Predicate<String> watchedKey = key -> false;

  @BeforeEach
  void scenario() throws IOException {
    Moto.reset();
    AwsClients direct = Moto.clients();
    s3 = direct.s3();
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    GlueCatalog catalog = new GlueCatalog(direct.build(GlueClient.builder(), "GLUE"));
    for (String database : List.of("rf_victim", "rf_bystander")) {
      String contract =
          "{\"contract_version\": \"1.0.0\", \"database\": \""
              + database
              + "\", \"table\": \"orders\", \"data_location\": \"s3://"
              + DATA
              + "/"
              + database
              + "/\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\":"
              + " \"bigint\"}]}";
      String key = "contracts/" + database + ".json";
      put(CONTRACTS, key, contract);
      put(DATA, database + "/part-00000.parquet", "PAR1");
      catalog.createDatabase(database, "rf");
      catalog.createTable(
          TableDefinitions.fromContract(
                  ContractReader.read(key, contract.getBytes(StandardCharsets.UTF_8)))
              .orElseThrow(),
          null);
    }
    new SchemaDiffRun(
            new RunSettings(CONTRACTS, REPORTS, null, null, 10, 2, null, null),
            new S3ObjectStore(s3),
            catalog,
            ReportTrigger.NONE)
        .execute(
            new RunRequest(
                new RunId("20261126T080000Z"),
                null,
                List.of(),
                List.of("contracts/rf_victim.json", "contracts/rf_bystander.json")));

    proxy = new FaultProxy(URI.create(Moto.endpoint()), Duration.ofSeconds(4));
    Map<String, String> environment = new HashMap<>(Moto.environment());
    environment.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
    ExecutionInterceptor counter =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
            if (context.request() instanceof PutObjectRequest put && watchedKey.test(put.key())) {
              attempts.incrementAndGet();
            }
          }
        };
    AwsClients proxied = new AwsClients(environment, List.of(counter), FaultProxy.CLIENT_LIMITS);
    generator = new ReportGenerator(new S3ObjectStore(proxied.s3()), REPORTS, 2);
  }

  @AfterEach
  void stopProxy() throws IOException {
    proxy.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (ReportFaultPoint point : ReportFaultPoint.values()) {
      for (Fault fault : Fault.values()) {
        cases.add(Arguments.of(point, fault));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} every attempt")
  @MethodSource("matrix")
  void aWriteThatKeepsFailingFailsTheGenerationAndARerunCompletes(
      ReportFaultPoint point, Fault fault) {
    watchedKey = key(point);
    proxy.fail(
        request -> request.method().equals("PUT") && key(point).test(objectKey(request.path())),
        fault,
        Integer.MAX_VALUE);

    StoreException failure =
        assertThrows(StoreException.class, () -> generator.generateRun(MANIFEST));

    System.out.printf(
        "report fault matrix: %s %s -> generation fails (%s); SDK attempts %d%n",
        point, fault, failure.kind(), attempts.get());
    assertEquals(FaultProxy.CLIENT_LIMITS.maxAttempts(), attempts.get(), "retried, boundedly");
    assertEveryObjectWhole();

    proxy.clear();
    generator.generateRun(MANIFEST);
    assertIndexListsBothTables();
  }

  @ParameterizedTest(name = "{0} {1} once")
  @MethodSource("matrix")
  void aWriteThatFailsOnceIsRetried(ReportFaultPoint point, Fault fault) {
    proxy.fail(
        request -> request.method().equals("PUT") && key(point).test(objectKey(request.path())),
        fault,
        1);

    generator.generateRun(MANIFEST);

    assertEquals(1, proxy.injected());
    assertIndexListsBothTables();
    assertEveryObjectWhole();
  }

  private static Predicate<String> key(ReportFaultPoint point) {
    return switch (point) {
      case REPORT_WRITE ->
          key -> key.startsWith("reports/rf_victim.orders/") && key.contains(".report.");
      case LATEST_WRITE -> key -> key.equals("reports/rf_victim.orders/latest.html");
      case INDEX_STATE_WRITE -> key -> key.equals("state/index.json");
      case INDEX_HTML_WRITE -> key -> key.equals("index.html");
    };
  }

  private static String objectKey(String path) {
    String prefix = "/" + REPORTS + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : "";
  }

  private void assertIndexListsBothTables() {
    JsonNode state = Json.readTree("state", bytes("state/index.json"));
    TreeSet<String> tables = new TreeSet<>();
    state.path("tables").forEach(entry -> tables.add(entry.path("database").asText()));
    assertEquals(new TreeSet<>(List.of("rf_bystander", "rf_victim")), tables);
    String index = new String(bytes("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("rf_victim") && index.contains("rf_bystander"));
  }

  private void assertEveryObjectWhole() {
    for (S3Object object :
        s3.listObjectsV2Paginator(request -> request.bucket(REPORTS)).contents()) {
      byte[] body = bytes(object.key());
      if (object.key().endsWith(".json")) {
        Json.readTree(object.key(), body);
      } else if (object.key().endsWith(".html")) {
        assertTrue(
            new String(body, StandardCharsets.UTF_8).strip().endsWith("</html>"), object.key());
      }
    }
  }

  private byte[] bytes(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray();
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }
}
