package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.CapturedLog;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.RunFailedException;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.aws.LambdaReportTrigger;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import dev.schemadrift.state.CheckState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SchemaDiffFunction end to end through the real AWS SDK against moto server: S3 for contracts,
 * data and artifacts, Glue for tables, Lambda for the report trigger.
 */
class SchemaDiffFunctionIT {
  private static final String CONTRACTS = "it-contracts";
  private static final String REPORTS = "it-reports";
  private static final String DATA = "it-data-lake";
  private static final String EXAMPLE_DATA = "nyc-open-data-lake";
  private static final String REPORT_FUNCTION = "schema-drift-reports";
  private static final Path EXAMPLES = Path.of("../contracts");

  private final CallCounter calls = new CallCounter();
  private final CapturedLog log = new CapturedLog();
  private final List<InvokeRequest> invokes = new CopyOnWriteArrayList<>();
  private AwsClients clients;
  private S3Client s3;
  private GlueClient glue;
  private GlueCatalog catalog;

  @BeforeEach
  void freshEmulator() {
    Moto.reset();
    clients = Moto.clients(calls, new InvokeRecorder());
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    catalog = new GlueCatalog(glue);
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA, EXAMPLE_DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    Moto.createReportFunction(clients, REPORT_FUNCTION);
    calls.clear();
  }

  /** Records Lambda invoke requests as the SDK sends them (moto only echoes the body back). */
  private final class InvokeRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof InvokeRequest invoke) {
        invokes.add(invoke);
      }
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private RunSettings settings(boolean registry, int maxTables) {
    return new RunSettings(
        CONTRACTS,
        REPORTS,
        registry ? CONTRACTS : null,
        "configs/tables.json",
        maxTables,
        8,
        REPORT_FUNCTION,
        null);
  }

  private SchemaDiffHandler handler(RunSettings settings) {
    return new SchemaDiffHandler(
        settings,
        clients,
        Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC),
        log.log(),
        Map.of("STACK_NAME", "it-stack"));
  }

  /**
   * One invocation; what it logged must be JSON lines only: a DEBUG record per table, one run
   * record and one valid EMF document agreeing with the summary.
   */
  private JsonNode invoke(SchemaDiffHandler handler, String event) throws IOException {
    log.clear();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    JsonNode summary = Json.mapper().readTree(out.toByteArray());
    assertLogged(summary);
    return summary;
  }

  private void assertLogged(JsonNode summary) {
    List<JsonNode> documents = log.metricDocuments();
    assertEquals(1, documents.size(), log.lines().toString());
    JsonNode metrics = documents.getFirst();
    assertEquals("it-stack", metrics.path("Stack").asText());
    assertEquals(1, metrics.path("RunsCompleted").asInt());
    assertEquals(summary.path("run_id").asText(), metrics.path("run_id").asText());
    List<JsonNode> runs = log.withMessage("run finished");
    assertEquals(1, runs.size(), log.lines().toString());
    JsonNode run = runs.getFirst();
    assertEquals(summary.path("run_id").asText(), run.path("run_id").asText());
    assertEquals(summary.path("mode").asText(), run.path("mode").asText());
    assertEquals(summary.path("totals"), run.path("tables"), run.toString());
    assertTrue(run.path("aws_calls").asInt() > 0, "the SDK's calls are counted: " + run);
    assertEquals(metrics.path("AwsRetries").asLong(), run.path("aws_retries").asLong());
    Map<String, String> statusMetrics =
        Map.of(
            "OK", "TablesOk",
            "SAFE", "TablesSafe",
            "RISKY", "TablesRisky",
            "BREAKING", "TablesBreaking",
            "NO_DATA", "TablesNoData",
            "ERROR", "TablesError");
    assertEquals(statusMetrics.size(), summary.path("totals").size());
    for (Map.Entry<String, String> status : statusMetrics.entrySet()) {
      assertEquals(
          summary.path("totals").path(status.getKey()).asInt(),
          metrics.path(status.getValue()).asInt(),
          status.getValue());
    }
    assertEquals(run.path("tables_left").asInt(), metrics.path("TablesLeft").asInt());
    assertEquals(
        summary.path("tables").size(), log.withMessage("table checked").size(), "one per table");
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private byte[] get(String bucket, String key) {
    return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
  }

  private static String contract(
      String database, String table, String format, String columns, String extra) {
    return "{\"contract_version\":\"1.0.0\",\"database\":\""
        + database
        + "\",\"table\":\""
        + table
        + "\",\"owner\":\"team-"
        + database
        + "@example.org\",\"data_location\":\"s3://"
        + DATA
        + "/"
        + database
        + "/"
        + table
        + "/\",\"format\":\""
        + format
        + "\",\"columns\":["
        + columns
        + "]"
        + extra
        + "}";
  }

  private static String column(String name, String type) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
  }

  /** Creates the Glue table the contract describes, changed by {@code change}, plus a data file. */
  private void table(
      String contractJson, java.util.function.UnaryOperator<GlueTable> change, boolean data) {
    Contract contract = ContractReader.read("test", contractJson.getBytes(StandardCharsets.UTF_8));
    catalog.createDatabase(contract.database(), "it");
    if (change != null) {
      catalog.createTable(
          change.apply(TableDefinitions.fromContract(contract).orElseThrow()), null);
    }
    if (data) {
      dataFile(contract);
    }
  }

  private void dataFile(Contract contract) {
    String location = contract.dataLocation().substring("s3://".length());
    int slash = location.indexOf('/');
    put(
        location.substring(0, slash),
        location.substring(slash + 1) + "part-00000.parquet",
        "PAR1 data");
    put(location.substring(0, slash), location.substring(slash + 1) + "_SUCCESS", "");
  }

  private static GlueTable withColumns(GlueTable table, List<GlueColumn> columns) {
    return new GlueTable(
        table.databaseName(),
        table.name(),
        table.tableType(),
        table.parameters(),
        columns,
        table.partitionKeys(),
        table.location(),
        table.inputFormat(),
        table.outputFormat(),
        table.serdeLibrary(),
        table.serdeParameters(),
        true,
        null,
        null);
  }

  private static GlueTable addColumn(GlueTable table, String name, String type) {
    List<GlueColumn> columns = new ArrayList<>(table.columns());
    columns.add(GlueColumn.of(name, type));
    return withColumns(table, columns);
  }

  private static GlueTable retype(GlueTable table, String name, String type) {
    return withColumns(
        table,
        table.columns().stream()
            .map(column -> column.name().equals(name) ? GlueColumn.of(name, type) : column)
            .toList());
  }

  private static GlueTable drop(GlueTable table, String name) {
    return withColumns(
        table, table.columns().stream().filter(column -> !column.name().equals(name)).toList());
  }

  // --------------------------------------------------------------------------------- tests

  @Test
  void singleTableModeWritesTheDiffAndTheManifestAndTriggersReports() throws IOException {
    String body =
        contract(
            "it_sales",
            "orders",
            "parquet",
            column("id", "bigint") + "," + column("amount", "decimal(10,2)"),
            "");
    put(CONTRACTS, "contracts/it_sales/orders.json", body);
    table(body, definition -> retype(definition, "amount", "decimal(12,2)"), true);

    JsonNode summary =
        invoke(
            handler(settings(false, 100)),
            "{\"contract_key\":\"contracts/it_sales/orders.json\",\"run_id\":\"20261126T080000Z\"}");

    assertEquals("runs/20261126T080000Z.json", summary.get("manifest_key").asText());
    assertEquals(1, summary.get("tables").size());
    JsonNode line = summary.get("tables").get(0);
    assertEquals(
        "BREAKING",
        line.get("status").asText(),
        "decimal precision increase on unpartitioned Parquet");
    JsonNode artifact = Json.mapper().readTree(get(REPORTS, line.get("diff_key").asText()));
    assertEquals("COLUMN_DECIMAL_PRECISION_INCREASED", artifact.at("/findings/0/rule").asText());
    assertEquals("BY_NAME", artifact.at("/catalog/profile").asText());
    assertTrue(artifact.at("/data_probe/has_data").asBoolean());
    assertArrayEquals(get(REPORTS, "runs/20261126T080000Z.json"), stripKey(summary));

    assertEquals(1, invokes.size());
    InvokeRequest invoke = invokes.getFirst();
    assertEquals(REPORT_FUNCTION, invoke.functionName());
    assertEquals(InvocationType.EVENT, invoke.invocationType());
    assertEquals(
        "{\"bucket\":\"" + REPORTS + "\",\"manifest_key\":\"runs/20261126T080000Z.json\"}",
        invoke.payload().asUtf8String());
  }

  /** The summary is the manifest plus its key: remove the key to compare with the stored bytes. */
  private static byte[] stripKey(JsonNode summary) throws IOException {
    ObjectNode copy = summary.deepCopy();
    copy.remove("manifest_key");
    return Json.writePretty(json -> Json.mapper().writeTree(json, copy));
  }

  /**
   * The enabled example contracts (14 in issue 16) plus 16 made here: every outcome over 6
   * databases; returns each table's expected status.
   */
  private Map<String, String> registryScenario() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    List<String> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
        String key = "contracts/" + EXAMPLES.relativize(file).toString().replace('\\', '/');
        String body = Files.readString(file);
        put(CONTRACTS, key, body);
        Contract contract = ContractReader.read(key, body.getBytes(StandardCharsets.UTF_8));
        if (contract.table().equals("turnstile_usage")) {
          entries.add("{\"contract\":\"" + key + "\",\"enabled\":false}");
          continue;
        }
        entries.add("{\"contract\":\"" + key + "\",\"tags\":[\"example\"]}");
        dataFile(contract);
        if (TableDefinitions.fromContract(contract).isPresent()
            && contract.policy().effectiveCreateIfMissing()) {
          catalog.createDatabase(contract.database(), "it");
          catalog.createTable(TableDefinitions.fromContract(contract).orElseThrow(), null);
          expected.put(contract.qualifiedName(), "OK");
        } else {
          expected.put(contract.qualifiedName(), "BREAKING");
        }
      }
    }
    String two =
        column("id", "int") + "," + column("name", "string") + "," + column("score", "int");
    Map<String, String> made = new LinkedHashMap<>();
    made.put("it_sales.ok_parquet", contract("it_sales", "ok_parquet", "parquet", two, ""));
    made.put("it_sales.safe_added", contract("it_sales", "safe_added", "parquet", two, ""));
    made.put(
        "it_sales.risky_csv_widened", contract("it_sales", "risky_csv_widened", "csv", two, ""));
    made.put("it_sales.breaking_removed", contract("it_sales", "breaking_removed", "orc", two, ""));
    made.put("it_sales.no_data", contract("it_sales", "no_data", "parquet", two, ""));
    made.put("it_hr.created", contract("it_hr", "created", "json", two, ""));
    made.put("it_hr.created_csv", contract("it_hr", "created_csv", "csv", two, ""));
    made.put("it_hr.bad_glue_type", contract("it_hr", "bad_glue_type", "parquet", two, ""));
    made.put("it_hr.csv_inserted", contract("it_hr", "csv_inserted", "csv", two, ""));
    made.put("it_hr.parquet_inserted", contract("it_hr", "parquet_inserted", "parquet", two, ""));
    made.put(
        "it_ops.missing_not_created",
        contract(
            "it_ops",
            "missing_not_created",
            "avro",
            two,
            ",\"policy\":{\"create_if_missing\":false}"));
    made.put(
        "it_ops.waived",
        contract(
            "it_ops",
            "waived",
            "parquet",
            two,
            ",\"policy\":{\"waivers\":[{\"rule\":\"COLUMN_REMOVED\",\"path\":\"score\",\"reason\":\"migration\",\"owner\":\"ops\",\"expires\":\"2027-01-31\"}]}"));
    made.put("it_ops.ok_avro", contract("it_ops", "ok_avro", "avro", two, ""));
    made.put("it_ops.ok_tsv", contract("it_ops", "ok_tsv", "tsv", two, ""));
    for (Map.Entry<String, String> entry : made.entrySet()) {
      String key = "contracts/" + entry.getKey().replace('.', '/') + ".json";
      put(CONTRACTS, key, entry.getValue());
      entries.add("{\"contract\":\"" + key + "\"}");
    }
    table(made.get("it_sales.ok_parquet"), definition -> definition, true);
    table(
        made.get("it_sales.safe_added"),
        definition -> addColumn(definition, "extra", "string"),
        true);
    table(
        made.get("it_sales.risky_csv_widened"),
        definition -> retype(definition, "score", "bigint"),
        true);
    table(made.get("it_sales.breaking_removed"), definition -> drop(definition, "name"), true);
    table(made.get("it_sales.no_data"), definition -> definition, false);
    table(made.get("it_hr.created"), null, true);
    table(made.get("it_hr.created_csv"), null, true);
    table(
        made.get("it_hr.bad_glue_type"), definition -> retype(definition, "score", "array<"), true);
    table(
        made.get("it_hr.csv_inserted"),
        definition -> {
          List<GlueColumn> columns = new ArrayList<>(definition.columns());
          columns.add(0, GlueColumn.of("inserted", "string"));
          return withColumns(definition, columns);
        },
        true);
    table(
        made.get("it_hr.parquet_inserted"),
        definition -> {
          List<GlueColumn> columns = new ArrayList<>(definition.columns());
          columns.add(0, GlueColumn.of("inserted", "string"));
          return withColumns(definition, columns);
        },
        true);
    table(made.get("it_ops.missing_not_created"), null, true);
    table(made.get("it_ops.waived"), definition -> drop(definition, "score"), true);
    table(made.get("it_ops.ok_avro"), definition -> definition, true);
    table(made.get("it_ops.ok_tsv"), definition -> definition, true);
    expected.put("it_sales.ok_parquet", "OK");
    expected.put("it_sales.safe_added", "SAFE");
    expected.put("it_sales.risky_csv_widened", "RISKY");
    expected.put("it_sales.breaking_removed", "BREAKING");
    expected.put("it_sales.no_data", "NO_DATA");
    expected.put("it_hr.created", "OK");
    expected.put("it_hr.created_csv", "OK");
    expected.put("it_hr.bad_glue_type", "ERROR");
    expected.put("it_hr.csv_inserted", "BREAKING");
    expected.put("it_hr.parquet_inserted", "SAFE");
    expected.put("it_ops.missing_not_created", "BREAKING");
    expected.put("it_ops.waived", "OK");
    expected.put("it_ops.ok_avro", "OK");
    expected.put("it_ops.ok_tsv", "OK");
    // Two broken contracts: unreadable JSON, and a key that does not exist.
    put(
        CONTRACTS,
        "contracts/it_broken/invalid.json",
        "{\"contract_version\":\"1.0.0\", \"colums\": []}");
    entries.add("{\"contract\":\"contracts/it_broken/invalid.json\"}");
    entries.add("{\"contract\":\"contracts/it_broken/absent.json\"}");
    put(
        CONTRACTS,
        "configs/tables.json",
        "{\"registry_version\":1,\"tables\":[" + String.join(",", entries) + "]}");
    return expected;
  }

  private static Map<String, String> statuses(JsonNode summary) {
    Map<String, String> statuses = new TreeMap<>();
    for (JsonNode table : summary.get("tables")) {
      statuses.put(
          table.get("database").asText() + "." + table.get("table").asText(),
          table.get("status").asText());
    }
    return statuses;
  }

  @Test
  void registryRunJudgesEveryTableAndOneErrorNeverTouchesAnother() throws IOException {
    Map<String, String> expected = registryScenario();
    SchemaDiffHandler handler = handler(settings(true, 1000));

    JsonNode summary = invoke(handler, "{\"run_id\":\"20261126T080000Z\"}");

    Map<String, String> statuses = statuses(summary);
    int errorsFromContracts = 0;
    for (Map.Entry<String, String> status : statuses.entrySet()) {
      if (status.getKey().startsWith("_contract_errors.")) {
        assertEquals("ERROR", status.getValue());
        errorsFromContracts++;
      }
    }
    statuses.keySet().removeIf(name -> name.startsWith("_contract_errors."));
    assertEquals(expected, statuses);
    assertEquals(2, errorsFromContracts, "the invalid and the absent contract");
    assertTrue(summary.get("tables").size() >= 25, "at least 25 tables");
    assertEquals(1, summary.get("skipped").size(), "the disabled entry is listed, not checked");
    assertTrue(summary.get("next_cursor").isNull(), "everything fit in one run");

    // The created tables are really in Glue now, with the contract's SerDe.
    GlueTable created = catalog.table("it_hr", "created").orElseThrow();
    assertEquals("org.openx.data.jsonserde.JsonSerDe", created.serdeLibrary());
    JsonNode createdArtifact =
        Json.mapper().readTree(get(REPORTS, "diffs/it_hr.created/20261126T080000Z.diff.json"));
    assertTrue(createdArtifact.get("created_table").asBoolean());
    JsonNode badType =
        Json.mapper()
            .readTree(get(REPORTS, "diffs/it_hr.bad_glue_type/20261126T080000Z.diff.json"));
    assertEquals("INVALID_GLUE_TYPE", badType.at("/error/kind").asText());
    assertTrue(
        badType.at("/error/message").asText().contains("'score'"),
        badType.at("/error/message").asText());

    // The same registry without the broken contracts gives the other tables the same artifacts.
    Map<String, byte[]> withErrors = artifacts("20261126T080000Z");
    put(
        CONTRACTS,
        "contracts/it_broken/invalid.json",
        contract("it_broken", "invalid", "parquet", column("a", "int"), ""));
    // A full run: a scheduled one would keep the unchanged tables' verdicts without new artifacts.
    JsonNode second = invoke(handler, "{\"run_id\":\"20261126T090000Z\", \"full\": true}");
    Map<String, byte[]> without = artifacts("20261126T090000Z");
    for (Map.Entry<String, byte[]> artifact : withErrors.entrySet()) {
      // Tables the first run created are found existing (created by another run) the second time.
      if (!artifact.getKey().startsWith("_contract_errors.")
          && !artifact.getKey().startsWith("it_hr.created")) {
        assertEquals(
            new String(artifact.getValue(), StandardCharsets.UTF_8)
                .replace("20261126T080000Z", "RUN"),
            new String(without.get(artifact.getKey()), StandardCharsets.UTF_8)
                .replace("20261126T090000Z", "RUN"),
            artifact.getKey());
      }
    }
    assertEquals(
        "NO_DATA",
        statuses(second).get("it_broken.invalid"),
        "the repaired contract is checked now");
  }

  private Map<String, byte[]> artifacts(String run) {
    Map<String, byte[]> artifacts = new TreeMap<>();
    for (var object :
        s3.listObjectsV2Paginator(request -> request.bucket(REPORTS).prefix("diffs/")).contents()) {
      if (object.key().endsWith("/" + run + ".diff.json")) {
        String table = object.key().substring("diffs/".length(), object.key().lastIndexOf('/'));
        artifacts.put(table, get(REPORTS, object.key()));
      }
    }
    return artifacts;
  }

  @Test
  void aRerunWithTheSameRunIdWritesIdenticalBytes() throws IOException {
    registryScenario();
    SchemaDiffHandler handler = handler(settings(true, 1000));
    invoke(handler, "{\"run_id\":\"20261126T080000Z\"}");
    Map<String, byte[]> first = artifacts("20261126T080000Z");
    byte[] firstManifest = get(REPORTS, "runs/20261126T080000Z.json");

    invoke(handler, "{\"run_id\":\"20261126T080000Z\"}");

    Map<String, byte[]> second = artifacts("20261126T080000Z");
    assertEquals(first.keySet(), second.keySet());
    for (String table : first.keySet()) {
      assertArrayEquals(first.get(table), second.get(table), table);
    }
    assertArrayEquals(firstManifest, get(REPORTS, "runs/20261126T080000Z.json"));
  }

  @Test
  void maxTablesPerRunContinuesWhereTheLastRunStopped() throws IOException {
    // Derived from the scenario, so that a new example contract does not change this test.
    // The two broken contracts are entries too, without an expected status.
    int total = registryScenario().size() + 2;
    assertTrue(total > 20 && total <= 30, "three runs of 10 cover the registry: " + total);
    SchemaDiffHandler handler = handler(settings(true, 10));
    Map<String, Integer> seen = new TreeMap<>();
    int runs = 0;
    String[] times = {"2026-11-26T08:00:00Z", "2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"};
    int[] sizes = {10, 10, total - 20};
    int[] left = {total - 10, total - 20, 0};
    JsonNode last = null;
    for (String time : times) {
      // The EventBridge schedule envelope: the run id comes from its time.
      last =
          invoke(
              handler,
              "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\""
                  + time
                  + "\",\"detail\":{}}");
      assertNotNull(
          last.get("next_cursor").get("index"),
          "the registry is cut: next_cursor says where to go on");
      assertEquals(sizes[runs], last.get("tables").size(), "run " + runs);
      assertEquals(
          left[runs],
          log.metricDocuments().getFirst().path("TablesLeft").asInt(),
          "tables left for the next runs of the cycle, run " + runs);
      runs++;
      for (JsonNode table : last.get("tables")) {
        seen.merge(table.get("contract_key").asText(), 1, Integer::sum);
      }
    }
    // Every enabled entry, 10 per run: three runs check every one exactly once, the last run
    // stopping at the end of the registry.
    assertEquals(total, seen.size(), seen.toString());
    assertTrue(seen.values().stream().allMatch(count -> count == 1), seen.toString());
    assertEquals("20261126T100000Z", last.get("run_id").asText());
  }

  @Test
  void callBudgetPerTable() throws IOException {
    registryScenario();
    SchemaDiffHandler handler = handler(settings(true, 1000));
    calls.clear();
    JsonNode summary = invoke(handler, "{\"run_id\":\"20261126T080000Z\"}");
    int tables = summary.get("tables").size();
    int databases = 6;
    Map<String, Integer> snapshot = calls.snapshot();
    int lists = calls.count("S3", "ListObjectsV2");
    int puts = calls.count("S3", "PutObject");
    int glueCalls = calls.total("Glue");
    int created = 2;
    System.out.printf(
        "call budget: %d tables, %d databases: S3 ListObjectsV2=%d PutObject=%d GetObject=%d, Glue=%d %s%n",
        tables, databases, lists, puts, calls.count("S3", "GetObject"), glueCalls, snapshot);
    // One probe per table, plus one listing of the contracts (1,000 keys per call).
    assertTrue(lists <= tables + 1, "at most one S3 list per table plus one: " + snapshot);
    // One diff per table, plus the manifest, the registry cursor and the check state's shards.
    assertTrue(
        puts <= tables + 2 + CheckState.SHARDS,
        "at most one S3 put per table plus two and the state per run: " + snapshot);
    // One GetPartitions per existing partitioned table whose sample was read (issue 16), each
    // named in its artifact.
    int sampled = 0;
    for (JsonNode line : summary.get("tables")) {
      if (!line.path("diff_key").isTextual()) {
        continue;
      }
      JsonNode artifact = Json.mapper().readTree(get(REPORTS, line.path("diff_key").asText()));
      if (artifact.path("catalog").path("partitions").path("skipped").isNull()) {
        sampled++;
      }
    }
    int partitionCalls = calls.count("Glue", "GetPartitions");
    assertEquals(sampled, partitionCalls, "one GetPartitions per sampled table: " + snapshot);
    // One GetTables per database, plus for each created table: CreateTable + GetTable, plus
    // CreateDatabase for a database that did not exist (none here), plus the partition calls.
    assertTrue(
        glueCalls <= databases + tables / 100 + 2 * created + 1 + partitionCalls,
        "Glue calls: " + snapshot);
    assertEquals(databases, calls.count("Glue", "GetTables"), snapshot.toString());
  }

  @Test
  void aRefusedReportInvokeFailsTheRunLoudlyAfterTheDiffsAreWritten() throws IOException {
    String body = contract("it_sales", "orders", "parquet", column("id", "bigint"), "");
    put(CONTRACTS, "contracts/it_sales/orders.json", body);
    table(body, definition -> definition, true);
    RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, null, null, 10, 4, "no-such-function", null);
    SchemaDiffHandler handler =
        new SchemaDiffHandler(
            settings,
            new dev.schemadrift.aws.S3ObjectStore(s3),
            catalog,
            (bucket, key) -> {
              throw new StoreException(ErrorKind.REPORT_INVOKE_FAILED, "refused", null);
            },
            Clock.systemUTC());

    RunFailedException failure =
        assertThrows(
            RunFailedException.class,
            () ->
                invoke(
                    handler,
                    "{\"contract_key\":\"contracts/it_sales/orders.json\",\"run_id\":\"20261126T080000Z\"}"));

    assertTrue(failure.getMessage().contains("report generator"), failure.getMessage());
    assertNotNull(get(REPORTS, "diffs/it_sales.orders/20261126T080000Z.diff.json"));
    assertNotNull(get(REPORTS, "runs/20261126T080000Z.json"));
  }

  @Test
  void theLambdaTriggerTalksToTheEmulatorAndGets202() {
    LambdaReportTrigger trigger =
        new LambdaReportTrigger(clients.build(LambdaClient.builder(), "LAMBDA"), REPORT_FUNCTION);
    trigger.trigger(REPORTS, "runs/20261126T080000Z.json");
    assertEquals(1, invokes.size());
    assertFalse(
        invokes.getFirst().payload().asUtf8String().contains("findings"), "never the diffs inline");
    assertNull(invokes.getFirst().qualifier());
  }
}
