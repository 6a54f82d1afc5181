package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Tables as Spark registers them, in moto's Glue and S3: a Parquet datasource table (placeholder
 * {@code col array<string>}, schema split over {@code spark.sql.sources.schema.part.N}) and a Delta
 * table whose schema is only in its {@code _delta_log} JSON commits. The Glue tables and the log
 * are the data cases of the unit tests ({@code rules/_spark/}, {@code delta/}).
 */
class SparkDeltaTablesIT {
  private static final String CONTRACTS = "it-contracts";
  private static final String REPORTS = "it-reports";
  private static final String DATA = "it-data-lake";
  private static final Path SHARED = Path.of("../shared/src/test/resources");
  private static final RunId RUN = new RunId("20261126T080000Z");

  private S3Client s3;
  private GlueClient glue;
  private AwsClients clients;

  @BeforeEach
  void freshEmulator() {
    Moto.reset();
    clients = Moto.clients();
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    glue.createDatabase(request -> request.databaseInput(input -> input.name("sales")));
  }

  @Test
  void sparkAndDeltaTablesAreComparedOnTheSchemaSparkAndTheLogHold() throws IOException {
    // The Spark datasource table: Glue holds the placeholder, the parameters the real schema.
    JsonNode spark = ruleCaseTable("_spark/split-schema-parameters.json");
    glue.createTable(
        request ->
            request.databaseName("sales").tableInput(tableInput(spark, "orders_spark", "spark")));
    put(DATA, "sales/orders_spark/order_date=2026-11-20/part-00000.snappy.parquet", "PAR1");
    putContract("orders_spark", "spark", "{\"name\": \"customer_id\", \"type\": \"string\"}, ");

    // The Delta table: a placeholder in Glue, the schema in _delta_log (channel added at v2).
    glue.createTable(
        request ->
            request
                .databaseName("sales")
                .tableInput(
                    tableInput(spark, "orders_delta", "delta").toBuilder()
                        .parameters(
                            Map.of(
                                "spark.sql.sources.provider", "delta",
                                "EXTERNAL", "TRUE",
                                "spark.sql.create.version", "3.5.1"))
                        .partitionKeys(List.of())
                        .build()));
    Path log = SHARED.resolve("delta/schema-changed-later/lake/sales/orders/_delta_log");
    try (Stream<Path> files = Files.list(log)) {
      for (Path file : files.sorted().toList()) {
        put(DATA, "sales/orders_delta/_delta_log/" + file.getFileName(), Files.readString(file));
      }
    }
    put(DATA, "sales/orders_delta/order_date=2026-11-20/part-00000.snappy.parquet", "PAR1");
    putContract("orders_delta", "delta", "");
    put(
        CONTRACTS,
        "configs/tables.json",
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/orders_spark.json\"},"
            + " {\"contract\": \"contracts/orders_delta.json\"}]}");

    RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, CONTRACTS, "configs/tables.json", 100, 4, null, null);
    new SchemaDiffRun(settings, new S3ObjectStore(s3), new GlueCatalog(glue), ReportTrigger.NONE)
        .execute(new RunRequest(RUN, null, List.of()));

    JsonNode sparkArtifact = artifact("orders_spark");
    assertEquals("OK", sparkArtifact.path("status").asText(), sparkArtifact.toString());
    assertEquals("parquet", sparkArtifact.path("catalog").path("file_family").asText());
    assertEquals(
        "s3://it-data-lake/sales/orders_spark/",
        sparkArtifact.path("catalog").path("location").asText());

    JsonNode deltaArtifact = artifact("orders_delta");
    assertEquals("SAFE", deltaArtifact.path("status").asText(), deltaArtifact.toString());
    List<String> findings = new ArrayList<>();
    deltaArtifact
        .path("findings")
        .forEach(
            finding ->
                findings.add(finding.path("rule").asText() + " " + finding.path("path").asText()));
    assertEquals(List.of("COLUMN_ADDED channel"), findings);
    assertTrue(deltaArtifact.path("error").isNull());
  }

  @Test
  void aDeltaTableWhoseLogIsMissingIsItsOwnError() throws IOException {
    JsonNode spark = ruleCaseTable("_spark/split-schema-parameters.json");
    glue.createTable(
        request ->
            request
                .databaseName("sales")
                .tableInput(
                    tableInput(spark, "orders_delta", "delta").toBuilder()
                        .parameters(Map.of("spark.sql.sources.provider", "delta"))
                        .build()));
    put(DATA, "sales/orders_delta/part-00000.snappy.parquet", "PAR1");
    putContract("orders_delta", "delta", "");

    RunSettings settings =
        new RunSettings(
            CONTRACTS, REPORTS, null, null, 100, 4, null, "contracts/orders_delta.json");
    new SchemaDiffRun(settings, new S3ObjectStore(s3), new GlueCatalog(glue), ReportTrigger.NONE)
        .execute(new RunRequest(RUN, "contracts/orders_delta.json", List.of()));

    JsonNode artifact = artifact("orders_delta");
    assertEquals("DELTA_LOG_NOT_FOUND", artifact.path("error").path("kind").asText());
    assertTrue(
        artifact
            .path("error")
            .path("message")
            .asText()
            .contains("s3://it-data-lake/sales/orders_delta/_delta_log/"),
        artifact.toString());
  }

  /** The Glue table of a rule case, as JSON. */
  private static JsonNode ruleCaseTable(String name) throws IOException {
    Path file = SHARED.resolve("rules").resolve(name);
    return Json.readTree(file.toString(), Files.readAllBytes(file)).get("table");
  }

  /**
   * The case's table as a {@code CreateTable} input under another name, with its location and
   * Spark's {@code path} in this test's data bucket: what Spark's Glue catalog client sends.
   */
  private static TableInput tableInput(JsonNode table, String name, String kind) {
    String path = "s3://" + DATA + "/sales/" + name + "/";
    JsonNode storage = table.get("StorageDescriptor");
    Map<String, String> serdeParameters = strings(storage.path("SerdeInfo").path("Parameters"));
    serdeParameters.put("path", path);
    return TableInput.builder()
        .name(name)
        .tableType(table.path("TableType").asText())
        .parameters(strings(table.get("Parameters")))
        .partitionKeys(columns(table.get("PartitionKeys")))
        .storageDescriptor(
            descriptor ->
                descriptor
                    .columns(columns(storage.get("Columns")))
                    .location(path.replaceAll("/$", "") + "-__PLACEHOLDER__")
                    .inputFormat(storage.path("InputFormat").asText())
                    .outputFormat(storage.path("OutputFormat").asText())
                    .serdeInfo(
                        serde ->
                            serde
                                .serializationLibrary(
                                    storage.path("SerdeInfo").path("SerializationLibrary").asText())
                                .parameters(serdeParameters)))
        .description("registered by Spark (" + kind + ")")
        .build();
  }

  private static List<Column> columns(JsonNode list) {
    List<Column> columns = new ArrayList<>();
    for (JsonNode column : list) {
      columns.add(
          Column.builder()
              .name(column.path("Name").asText())
              .type(column.path("Type").asText())
              .comment(column.path("Comment").asText(null))
              .build());
    }
    return columns;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  /** A Parquet contract of order_id, {@code more} columns and amount, partitioned by date. */
  private void putContract(String table, String kind, String more) {
    put(
        CONTRACTS,
        "contracts/" + table + ".json",
        "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \""
            + table
            + "\", \"data_location\": \"s3://"
            + DATA
            + "/sales/"
            + table
            + "/\", \"format\": \"parquet\", \"description\": \"a "
            + kind
            + " table\", \"columns\": ["
            + "{\"name\": \"order_id\", \"type\": \"bigint\"}, "
            + more
            + "{\"name\": \"amount\", \"type\": \"decimal(12,2)\"}],"
            + " \"partition_keys\": [{\"name\": \"order_date\", \"type\": \"date\"}]}");
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private JsonNode artifact(String table) {
    String key = "diffs/sales." + table + "/" + RUN + ".diff.json";
    return Json.readTree(
        key, s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray());
  }
}
