package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code schema-drift check --aws} against moto server gives the same artifacts as the Lambda path
 * (SchemaDiffHandler) for the same contracts, Glue tables and data: the CLI is the function run
 * from a laptop, not a second implementation.
 */
class CheckAwsIT {
  private static final String CONTRACTS = "cli-it-contracts";
  private static final String DATA = "cli-it-data";
  private static final String LAMBDA_REPORTS = "cli-it-reports-lambda";
  private static final String CLI_REPORTS = "cli-it-reports-cli";
  private static final String RUN_ID = "20261126T080000Z";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;
  private Map<String, String> environment;
  private S3Client s3;
  private GlueCatalog catalog;
  private final List<String> contractKeys = new ArrayList<>();

  @BeforeEach
  void freshEmulator() throws IOException {
    environment = environment();
    reset(environment.get("AWS_ENDPOINT_URL"));
    AwsClients clients = new AwsClients(environment, List.of());
    s3 = clients.s3();
    catalog = new GlueCatalog(clients.build(GlueClient.builder(), "GLUE"));
    for (String bucket : List.of(CONTRACTS, DATA, LAMBDA_REPORTS, CLI_REPORTS)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    scenario();
  }

  /**
   * Every outcome: OK, SAFE, RISKY, BREAKING (changed and missing), NO_DATA, ERROR (bad Glue type
   * and invalid contract), a table the run creates, and a disabled registry entry. Contracts are
   * written locally and uploaded under the same relative keys, so both paths name them alike.
   */
  private void scenario() throws IOException {
    String columns = column("id", "int") + ", " + column("name", "string");
    table("it_sales", "ok", "parquet", columns, "", definition -> definition, true);
    table(
        "it_sales",
        "safe",
        "parquet",
        columns,
        "",
        definition -> addColumn(definition, "note", "string"),
        true);
    table(
        "it_sales",
        "risky",
        "csv",
        columns,
        "",
        definition -> retype(definition, "id", "bigint"),
        true);
    table("it_sales", "breaking", "orc", columns, "", definition -> drop(definition, "name"), true);
    table(
        "it_sales",
        "bad_type",
        "parquet",
        columns,
        "",
        definition -> retype(definition, "id", "decimal(10,"),
        true);
    table("it_sales", "no_data", "parquet", columns, "", definition -> definition, false);
    // No Glue table and no database: the first path creates both.
    table("it_hr", "created", "json", columns, "", null, true);
    table(
        "it_ops",
        "not_created",
        "avro",
        columns,
        ", \"policy\": {\"create_if_missing\": false}",
        null,
        true);
    contractFile("contracts/broken.json", "{\"contract_version\": \"1\", \"database\": \"x\"}");
    contractFile(
        "contracts/it_ops/disabled.json", contract("it_ops", "disabled", "parquet", columns, ""));

    List<String> entries = new ArrayList<>();
    for (String key : contractKeys) {
      entries.add(
          "{\"contract\": \""
              + key
              + "\""
              + (key.endsWith("disabled.json") ? ", \"enabled\": false" : ", \"tags\": [\"it\"]")
              + "}");
    }
    upload(
        "configs/tables.json",
        "{\"registry_version\": 1, \"defaults\": {\"policy\": {\"extra_columns\": \"allow\"}},"
            + " \"tables\": ["
            + String.join(", ", entries)
            + "]}");
  }

  // ---------------------------------------------------------------------------------- tests

  @Test
  void registryRunGivesTheSameBytesAsTheLambda() throws IOException {
    JsonNode summary =
        invokeLambda(
            new RunSettings(
                CONTRACTS, LAMBDA_REPORTS, CONTRACTS, "configs/tables.json", 1000, 4, null, null),
            "{\"run_id\": \"" + RUN_ID + "\"}");

    CliRun run =
        cli(
            "check",
            "--aws",
            "--registry",
            root.resolve("configs/tables.json").toString(),
            "--contracts-root",
            root.toString(),
            "--out",
            "s3://" + CLI_REPORTS,
            "--run-id",
            RUN_ID,
            "--quiet");

    assertEquals(3, run.exitCode(), "two ERROR tables\n" + run.describe());
    assertTrue(
        run.out().contains("Manifest: s3://" + CLI_REPORTS + "/runs/" + RUN_ID + ".json"),
        run.out());
    assertScenarioStatuses(summary);
    // Everything the runs wrote: diffs, manifest and registry cursor. it_hr.created was created by
    // the Lambda path; the CLI finds it marked with the same run id and reads back the same Glue
    // table, so even its artifact (created_table true) must match byte for byte.
    Map<String, byte[]> lambda = objects(LAMBDA_REPORTS);
    Map<String, byte[]> cli = objects(CLI_REPORTS);
    assertTrue(lambda.containsKey("runs/" + RUN_ID + ".json"), lambda.keySet().toString());
    assertEquals(
        9, lambda.keySet().stream().filter(key -> key.startsWith("diffs/")).count(), "enabled");
    assertTrue(
        lambda.keySet().stream().anyMatch(key -> key.startsWith("state/checks/")),
        "a scheduled registry run of the function records its verdicts: " + lambda.keySet());
    assertSameArtifacts(lambda, cli);
    JsonNode created =
        Json.readTree("created", lambda.get("diffs/it_hr.created/" + RUN_ID + ".diff.json"));
    assertTrue(created.get("created_table").asBoolean(), created.toString());
    // The function keeps the registry's create_if_missing policy and its summary shows it.
    List<String> createdByLambda = new ArrayList<>();
    for (JsonNode table : summary.get("tables")) {
      if (table.get("created_table").asBoolean()) {
        createdByLambda.add(table.get("database").asText() + "." + table.get("table").asText());
      }
    }
    assertEquals(List.of("it_hr.created"), createdByLambda);
  }

  /**
   * {@code check --aws} is read-only unless told (issue 15): without --create-missing Glue keeps no
   * trace of the missing table or its database and the table is TABLE_MISSING; with it the table is
   * created and the summary, manifest, report and index say so.
   */
  @Test
  void checkCreatesNothingInGlueWithoutCreateMissingAndShowsWhatItCreatesWithIt()
      throws IOException {
    Path out = root.resolve("out");
    List<String> arguments =
        List.of(
            "check",
            "--aws",
            "--registry",
            root.resolve("configs/tables.json").toString(),
            "--contracts-root",
            root.toString(),
            "--out",
            out.toString());

    CliRun readOnly = cli(concat(arguments, "--run-id", RUN_ID));

    assertEquals(3, readOnly.exitCode(), readOnly.describe());
    assertTrue(catalog.tables("it_hr", List.of("created")).isEmpty(), "no database it_hr");
    assertTrue(catalog.table("it_ops", "not_created").isEmpty());
    JsonNode missing =
        Json.readTree(
            "missing",
            Files.readAllBytes(out.resolve("diffs/it_hr.created/" + RUN_ID + ".diff.json")));
    assertEquals("BREAKING", missing.get("status").asText(), missing.toString());
    assertEquals("TABLE_MISSING", missing.at("/findings/0/rule").asText());
    assertFalse(missing.get("created_table").asBoolean());
    assertFalse(readOnly.out().contains("Created"), readOnly.out());
    assertEquals(List.of(), createdInManifest(out, RUN_ID));

    String next = "20261127T080000Z";
    CliRun creating = cli(concat(arguments, "--run-id", next, "--create-missing"));

    assertEquals(3, creating.exitCode(), creating.describe());
    GlueTable created = catalog.table("it_hr", "created").orElseThrow();
    assertEquals(next, created.parameters().get("schema_drift_created_by_run"));
    assertTrue(catalog.table("it_ops", "not_created").isEmpty(), "its policy still says no");
    JsonNode artifact =
        Json.readTree(
            "created",
            Files.readAllBytes(out.resolve("diffs/it_hr.created/" + next + ".diff.json")));
    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertTrue(artifact.get("created_table").asBoolean());
    assertTrue(
        creating.out().contains("\n  Created from their contracts: it_hr.created\n"),
        creating.out());
    assertEquals(List.of("it_hr.created"), createdInManifest(out, next));
    assertTrue(
        Files.readString(out.resolve("reports/it_hr.created/" + next + ".report.html"))
            .contains("This run created the Glue table from the contract."));
    assertTrue(
        Files.readString(out.resolve("state/index.json"))
            .contains("\"table\":\"created\",\"last_checked\":\"" + next + "\""));
    assertTrue(
        Files.readString(out.resolve("state/index.json")).contains("\"created\":\"" + next + "\""),
        "the index keeps the run that created it");
  }

  @Test
  void contractsRunGivesTheSameDiffsAsOneLambdaEventPerContract() throws IOException {
    RunSettings single =
        new RunSettings(CONTRACTS, LAMBDA_REPORTS, null, null, 1000, 4, null, null);
    List<String> enabled =
        contractKeys.stream().filter(key -> !key.endsWith("disabled.json")).toList();
    for (String key : enabled) {
      invokeLambda(single, "{\"contract_key\": \"" + key + "\", \"run_id\": \"" + RUN_ID + "\"}");
    }
    List<String> arguments = new ArrayList<>(List.of("check", "--aws", "--contracts"));
    for (String key : enabled) {
      arguments.add(root.resolve(key).toString());
    }
    arguments.addAll(
        List.of(
            "--contracts-root",
            root.toString(),
            "--out",
            "s3://" + CLI_REPORTS,
            "--run-id",
            RUN_ID));

    CliRun run = cli(arguments.toArray(String[]::new));

    assertEquals(3, run.exitCode(), run.describe());
    // Diffs only: each Lambda event writes its own one-table manifest over the last.
    Map<String, byte[]> lambda = diffs(LAMBDA_REPORTS);
    Map<String, byte[]> cli = diffs(CLI_REPORTS);
    assertEquals(enabled.size(), lambda.size(), lambda.keySet().toString());
    assertSameArtifacts(lambda, cli);
  }

  @Test
  void cliWithLocalOutFolderAndS3DataWritesTheSameDiffs() throws IOException {
    invokeLambda(
        new RunSettings(
            CONTRACTS, LAMBDA_REPORTS, CONTRACTS, "configs/tables.json", 1000, 4, null, null),
        "{\"run_id\": \"" + RUN_ID + "\"}");
    Path out = root.resolve("out");

    CliRun run =
        cli(
            "check",
            "--aws",
            "--registry",
            root.resolve("configs/tables.json").toString(),
            "--contracts-root",
            root.toString(),
            "--out",
            out.toString(),
            "--run-id",
            RUN_ID);

    assertEquals(3, run.exitCode(), run.describe());
    Map<String, byte[]> local = new TreeMap<>();
    for (String file : CliRun.files(out)) {
      if (file.startsWith("diffs/")) {
        local.put(file, Files.readAllBytes(out.resolve(file)));
      }
    }
    assertSameArtifacts(diffs(LAMBDA_REPORTS), local);
  }

  @Test
  void initFromGlueThenCheckAgainstGlueIsOk() throws IOException {
    Path contract = root.resolve("initialised/it_sales/safe.json");
    Files.createDirectories(contract.getParent());

    CliRun init = cli("init", "--aws", "it_sales.safe", "-o", contract.toString());

    assertEquals(0, init.exitCode(), init.describe());
    JsonNode written = Json.readTree("contract", Files.readAllBytes(contract));
    assertEquals("s3://" + DATA + "/it_sales/safe/", written.get("data_location").asText());
    assertEquals(3, written.get("columns").size(), "the column the contract lacked is in now");
    Path out = root.resolve("out");
    CliRun check =
        cli(
            "check",
            "--aws",
            "--contracts",
            contract.toString(),
            "--contracts-root",
            root.toString(),
            "--out",
            out.toString(),
            "--run-id",
            RUN_ID,
            "--fail-on",
            "SAFE");
    assertEquals(0, check.exitCode(), check.describe());
    JsonNode artifact =
        Json.readTree(
            "artifact",
            Files.readAllBytes(out.resolve("diffs/it_sales.safe/" + RUN_ID + ".diff.json")));
    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertEquals(0, artifact.get("findings").size());
  }

  @Test
  void initFromAMissingTableOrABadGlueTypeIsAUsageError() {
    CliRun missing = cli("init", "--aws", "it_sales.none");

    assertEquals(2, missing.exitCode(), missing.describe());
    assertTrue(missing.err().contains("Glue has no table it_sales.none"), missing.err());

    CliRun badType = cli("init", "--aws", "it_sales.bad_type");

    assertEquals(2, badType.exitCode(), badType.describe());
    assertTrue(badType.err().contains("'id'"), badType.err());
    assertEquals("", badType.out());
  }

  // -------------------------------------------------------------------------------- helpers

  /**
   * Byte for byte the same, except where a message says where the contract was read from: the
   * Lambda names its S3 object, the CLI the local file (the invalid contract's error). The Lambda's
   * check state ({@code state/checks/}, issue 17) is the function's own: the CLI keeps none.
   */
  private void assertSameArtifacts(Map<String, byte[]> allOfLambda, Map<String, byte[]> allOfCli) {
    Map<String, byte[]> lambda = new TreeMap<>(allOfLambda);
    lambda.keySet().removeIf(key -> key.startsWith("state/checks/"));
    assertTrue(
        allOfCli.keySet().stream().noneMatch(key -> key.startsWith("state/checks/")),
        "the CLI keeps no check state: " + allOfCli.keySet());
    // The CLI also renders reports in-process; on the Lambda path that is the report function's
    // job (moto does not run it), so only the schema-diff outputs are compared here.
    Map<String, byte[]> cli = new TreeMap<>(allOfCli);
    cli.keySet()
        .removeIf(
            key ->
                key.startsWith("reports/")
                    || key.equals("index.html")
                    || key.equals("state/index.json"));
    assertEquals(lambda.keySet(), cli.keySet());
    String s3 = "s3://" + CONTRACTS + "/contracts/broken.json";
    String local = root.resolve("contracts/broken.json").toString();
    int differing = 0;
    for (String key : lambda.keySet()) {
      String expected = new String(lambda.get(key), StandardCharsets.UTF_8);
      if (expected.contains(s3)) {
        differing++;
        expected = expected.replace(s3, local);
      }
      assertEquals(expected, new String(cli.get(key), StandardCharsets.UTF_8), key);
    }
    assertEquals(1, differing, "only the invalid contract's artifact names its source");
  }

  private void assertScenarioStatuses(JsonNode summary) {
    Map<String, String> statuses = new TreeMap<>();
    for (JsonNode table : summary.get("tables")) {
      String name = table.get("database").asText() + "." + table.get("table").asText();
      statuses.put(
          name.startsWith("_contract_errors.") ? "_contract_errors" : name,
          table.get("status").asText());
    }
    assertEquals(
        Map.of(
            "_contract_errors", "ERROR",
            "it_hr.created", "OK",
            "it_ops.not_created", "BREAKING",
            "it_sales.bad_type", "ERROR",
            "it_sales.breaking", "BREAKING",
            "it_sales.no_data", "NO_DATA",
            "it_sales.ok", "OK",
            "it_sales.risky", "RISKY",
            "it_sales.safe", "SAFE"),
        statuses);
  }

  private static String[] concat(List<String> arguments, String... more) {
    List<String> all = new ArrayList<>(arguments);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** The tables the manifest of a run says it created. */
  private static List<String> createdInManifest(Path out, String run) throws IOException {
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(out.resolve("runs/" + run + ".json")));
    List<String> created = new ArrayList<>();
    for (JsonNode table : manifest.get("tables")) {
      if (table.get("created_table").asBoolean()) {
        created.add(table.get("database").asText() + "." + table.get("table").asText());
      }
    }
    return created;
  }

  private JsonNode invokeLambda(RunSettings settings, String event) throws IOException {
    SchemaDiffHandler handler =
        new SchemaDiffHandler(settings, new AwsClients(environment, List.of()), CLOCK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.readTree("summary", out.toByteArray());
  }

  private CliRun cli(String... arguments) {
    return CliRun.with(SchemaDriftCommand.factory(CLOCK, environment), arguments);
  }

  /** Writes a contract locally, uploads it under the same key, and makes its table and data. */
  private void table(
      String database,
      String name,
      String format,
      String columns,
      String extra,
      UnaryOperator<GlueTable> change,
      boolean data)
      throws IOException {
    String json = contract(database, name, format, columns, extra);
    contractFile("contracts/" + database + "/" + name + ".json", json);
    Contract contract = ContractReader.read(name, json.getBytes(StandardCharsets.UTF_8));
    if (change != null) {
      catalog.createDatabase(database, "it");
      catalog.createTable(
          change.apply(TableDefinitions.fromContract(contract).orElseThrow()), null);
    }
    String prefix = database + "/" + name + "/";
    put(DATA, prefix + "_SUCCESS", "");
    if (data) {
      put(DATA, prefix + "part-00000", "data");
    }
  }

  private void contractFile(String key, String json) throws IOException {
    contractKeys.add(key);
    upload(key, json);
  }

  /** The same bytes locally (for the CLI) and in the contract bucket (for the Lambda). */
  private void upload(String key, String body) throws IOException {
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, body, StandardCharsets.UTF_8);
    put(CONTRACTS, key, body);
  }

  private static String contract(
      String database, String table, String format, String columns, String extra) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \""
        + table
        + "\", \"owner\": \"team@example.org\", \"data_location\": \"s3://"
        + DATA
        + "/"
        + database
        + "/"
        + table
        + "/\", \"format\": \""
        + format
        + "\", \"columns\": ["
        + columns
        + "]"
        + extra
        + "}";
  }

  private static String column(String name, String type) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\"}";
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

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  /** Every object of a bucket by key. */
  private Map<String, byte[]> objects(String bucket) {
    Map<String, byte[]> objects = new TreeMap<>();
    for (var object : s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
      objects.put(
          object.key(),
          s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asByteArray());
    }
    return objects;
  }

  private Map<String, byte[]> diffs(String bucket) {
    Map<String, byte[]> diffs = new TreeMap<>(objects(bucket));
    diffs.keySet().removeIf(key -> !key.startsWith("diffs/"));
    return diffs;
  }

  /**
   * The moto server that {@code scripts/with-moto.sh} started: the endpoint plus test credentials.
   * Fails, never skips, without it, so a green build means these tests ran.
   */
  private static Map<String, String> environment() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          "AWS_ENDPOINT_URL is not set: run integration tests through scripts/with-moto.sh");
    }
    return Map.of(
        "AWS_ENDPOINT_URL", endpoint,
        "AWS_ACCESS_KEY_ID", "testing",
        "AWS_SECRET_ACCESS_KEY", "testing",
        "AWS_REGION", "us-east-1");
  }

  /** Forgets every bucket and table: each test starts from an empty emulator. */
  private static void reset(String endpoint) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/reset"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException("moto reset answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto at " + endpoint + " is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
