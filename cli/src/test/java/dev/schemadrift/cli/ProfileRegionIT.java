package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.aws.GlueCatalog;
import dev.schemadrift.run.it.Moto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With no region variable and only {@code region = eu-west-1} in the config file of a temporary
 * HOME, {@code init --aws} reads and {@code check --aws} writes the Glue catalog of eu-west-1; moto
 * keeps each region's catalog apart, so us-east-1 (the old silent default) must stay empty.
 */
class ProfileRegionIT {
  private static final String DATA = "region-it-data";
  private static final String RUN_ID = "20261126T080000Z";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;
  @TempDir Path root;
  private GlueClient ireland;
  private GlueClient virginia;

  @BeforeEach
  void eventsTableInIreland() throws IOException {
    Moto.reset();
    ireland = glue("eu-west-1");
    virginia = glue("us-east-1");
    S3Client s3 = new AwsClients(regionEnvironment("eu-west-1"), List.of()).s3();
    s3.createBucket(
        request ->
            request
                .bucket(DATA)
                .createBucketConfiguration(
                    configuration -> configuration.locationConstraint("eu-west-1")));
    for (String table : List.of("events", "created")) {
      String prefix = "it_region/" + table + "/";
      s3.putObject(request -> request.bucket(DATA).key(prefix + "_SUCCESS"), RequestBody.empty());
      s3.putObject(
          request -> request.bucket(DATA).key(prefix + "part-00000"),
          RequestBody.fromString("data"));
    }
    GlueCatalog catalog = new GlueCatalog(ireland);
    catalog.createDatabase("it_region", "profile region IT");
    catalog.createTable(
        TableDefinitions.fromContract(
                ContractReader.read("events", contract("events").getBytes(StandardCharsets.UTF_8)))
            .orElseThrow(),
        null);
    Path config = home.resolve(".aws/config");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "[default]\nregion = eu-west-1\n", StandardCharsets.UTF_8);
  }

  @Test
  void initReadsAndCheckWritesTheProfilesRegion() throws IOException {
    Map<String, String> environment = profileOnlyEnvironment();
    Path events = root.resolve("contracts/it_region/events.json");
    Files.createDirectories(events.getParent());

    CliRun init = cli(environment, "init", "--aws", "it_region.events", "-o", events.toString());

    assertEquals(0, init.exitCode(), init.describe());
    JsonNode written = Json.readTree("contract", Files.readAllBytes(events));
    assertEquals("s3://" + DATA + "/it_region/events/", written.get("data_location").asText());
    assertEquals(2, written.get("columns").size(), written.toString());

    Path created = root.resolve("contracts/it_region/created.json");
    Files.writeString(created, contract("created"), StandardCharsets.UTF_8);
    Path out = root.resolve("out");
    CliRun check =
        cli(
            environment,
            "check",
            "--aws",
            "--contracts",
            events.toString(),
            created.toString(),
            "--contracts-root",
            root.toString(),
            "--out",
            out.toString(),
            "--run-id",
            RUN_ID,
            "--fail-on",
            "SAFE",
            "--create-missing");

    assertEquals(0, check.exitCode(), check.describe());
    for (String table : List.of("events", "created")) {
      JsonNode artifact =
          Json.readTree(
              table,
              Files.readAllBytes(
                  out.resolve("diffs/it_region." + table + "/" + RUN_ID + ".diff.json")));
      assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    }
    // The missing table was created in the profile's region, and nothing anywhere else.
    assertEquals(
        "created",
        ireland
            .getTable(request -> request.databaseName("it_region").name("created"))
            .table()
            .name());
    assertEquals(
        List.of(),
        virginia.getDatabases(request -> {}).databaseList().stream().map(Database::name).toList());
  }

  @Test
  void aRegionVariableStillWinsOverTheProfile() {
    Map<String, String> environment = profileOnlyEnvironment();
    environment.put("AWS_REGION", "us-east-1");

    CliRun init = cli(environment, "init", "--aws", "it_region.events");

    assertEquals(2, init.exitCode(), init.describe());
    assertTrue(init.err().contains("Glue has no table it_region.events"), init.err());
  }

  @Test
  void noRegionAnywhereStopsBeforeAnyCall() throws IOException {
    Files.delete(home.resolve(".aws/config"));

    CliRun init = cli(profileOnlyEnvironment(), "init", "--aws", "it_region.events");

    assertEquals(2, init.exitCode(), init.describe());
    assertTrue(init.err().contains("no AWS region"), init.err());
    assertTrue(init.err().contains("export AWS_REGION="), init.err());
    assertFalse(init.err().contains("Exception"), init.err());
  }

  /** The emulator, the temporary HOME and no region variable; credentials stay the process's. */
  private Map<String, String> profileOnlyEnvironment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("AWS_ENDPOINT_URL", Moto.endpoint());
    environment.put("HOME", home.toString());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    return environment;
  }

  private static Map<String, String> regionEnvironment(String region) {
    Map<String, String> environment = new HashMap<>(Moto.environment());
    environment.put("AWS_REGION", region);
    return environment;
  }

  private static GlueClient glue(String region) {
    return new AwsClients(regionEnvironment(region), List.of()).build(GlueClient.builder(), "GLUE");
  }

  private static CliRun cli(Map<String, String> environment, String... arguments) {
    return CliRun.with(SchemaDriftCommand.factory(CLOCK, environment), arguments);
  }

  private static String contract(String table) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \"it_region\", \"table\": \""
        + table
        + "\", \"owner\": \"team@example.org\", \"data_location\": \"s3://"
        + DATA
        + "/it_region/"
        + table
        + "/\", \"format\": \"parquet\", \"columns\": [{\"name\": \"id\", \"type\": \"int\"},"
        + " {\"name\": \"name\", \"type\": \"string\"}]}";
  }
}
