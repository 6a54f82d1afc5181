package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark and Delta tables through the CLI on local folders: {@code check} reads a Delta table's
 * {@code _delta_log} under {@code --data-root} (s3://bucket/key is data-root/bucket/key), {@code
 * diff} and {@code init} use the schema Spark recorded, and the demo's Spark table is compared.
 */
class SparkDeltaCheckTest {
  private static final String RUN_ID = "20261126T080000Z";
  private static final Path SHARED = Path.of("../shared/src/test/resources");

  @TempDir Path root;

  @Test
  void checkReadsTheDeltaLogUnderTheDataRoot() throws IOException {
    Path contracts = root.resolve("contracts");
    Path catalog = root.resolve("catalog");
    Path data = root.resolve("data");
    Path out = root.resolve("out");
    write(
        contracts.resolve("sales/orders.json"),
        "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
            + " \"data_location\": \"s3://lake/sales/orders/\", \"format\": \"parquet\","
            + " \"columns\": [{\"name\": \"order_id\", \"type\": \"bigint\"},"
            + " {\"name\": \"amount\", \"type\": \"decimal(12,2)\"}],"
            + " \"partition_keys\": [{\"name\": \"order_date\", \"type\": \"date\"}]}");
    write(catalog.resolve("sales/orders.json"), deltaSnapshot("s3://lake/sales/orders/"));
    CliRun.copyTree(
        SHARED.resolve("delta/schema-changed-later/lake/sales/orders/_delta_log"),
        data.resolve("lake/sales/orders/_delta_log"));
    write(data.resolve("lake/sales/orders/order_date=2026-11-20/part-00000.parquet"), "PAR1");

    CliRun run =
        CliRun.of(
            "check",
            "--contracts-root",
            contracts.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString(),
            "--run-id",
            RUN_ID,
            "--contracts",
            contracts.resolve("sales/orders.json").toString());

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode artifact = artifact(out, "sales.orders");
    assertEquals("SAFE", artifact.path("status").asText(), artifact.toString());
    assertEquals(List.of("COLUMN_ADDED channel"), findings(artifact));
  }

  @Test
  void diffWithoutTheLogSaysTheDeltaLogWasNotRead() throws IOException {
    Path contract = root.resolve("orders.json");
    Path table = root.resolve("table.json");
    write(
        contract,
        "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
            + " \"data_location\": \"s3://lake/sales/orders/\", \"format\": \"parquet\","
            + " \"columns\": [{\"name\": \"order_id\", \"type\": \"bigint\"}]}");
    write(table, deltaSnapshot("s3://lake/sales/orders/"));

    CliRun run = CliRun.of("diff", "--contract", contract.toString(), "--table", table.toString());

    assertEquals(3, run.exitCode(), run.describe());
    assertTrue(run.out().contains("DELTA_LOG_NOT_READ"), run.describe());
  }

  @Test
  void initFromASparkTableWritesTheRecordedSchemaNotThePlaceholder() {
    CliRun run =
        CliRun.of(
            "init",
            "--table",
            CliRun.repositoryRoot()
                .resolve("examples/catalog/nyc_transit/service_alerts.json")
                .toString());

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode contract = Json.readTree("init output", run.out().getBytes(StandardCharsets.UTF_8));
    assertEquals("parquet", contract.path("format").asText());
    assertEquals(
        "s3://nyc-open-data-lake/transit/service_alerts/", contract.path("data_location").asText());
    assertEquals("alert_id", contract.at("/columns/0/name").asText());
    assertEquals("varchar(8)", contract.at("/columns/1/type").asText());
    assertEquals("alert_date", contract.at("/partition_keys/0/name").asText());
  }

  @Test
  void theDemosSparkTableIsComparedOnTheSchemaSparkRecorded() {
    Path repository = CliRun.repositoryRoot();
    Path catalogCopy = root.resolve("demo-catalog");
    CliRun.copyTree(repository.resolve("examples/catalog"), catalogCopy);
    Path out = root.resolve("out");

    CliRun.of(
        "check",
        "--contracts-root",
        repository.toString(),
        "--catalog",
        catalogCopy.toString(),
        "--data-root",
        repository.resolve("examples/data").toString(),
        "--out",
        out.toString(),
        "--run-id",
        RUN_ID,
        "--contracts",
        repository.resolve("contracts/nyc_transit/service_alerts.json").toString());

    JsonNode artifact = artifact(out, "nyc_transit.service_alerts");
    assertEquals("SAFE", artifact.path("status").asText(), artifact.toString());
    assertEquals(List.of("COLUMN_ADDED source_feed"), findings(artifact));
    assertEquals("parquet", artifact.at("/catalog/file_family").asText());
  }

  /** A Delta table as Spark registers it in Glue, in {@code get-table} output. */
  private static String deltaSnapshot(String path) {
    return "{\"Table\": {\"Name\": \"orders\", \"DatabaseName\": \"sales\","
        + " \"TableType\": \"EXTERNAL_TABLE\","
        + " \"Parameters\": {\"spark.sql.sources.provider\": \"delta\", \"EXTERNAL\": \"TRUE\"},"
        + " \"StorageDescriptor\": {\"Columns\": [{\"Name\": \"col\", \"Type\": \"array<string>\","
        + " \"Comment\": \"from deserializer\"}],"
        + " \"Location\": \""
        + path.replaceAll("/$", "")
        + "-__PLACEHOLDER__\","
        + " \"InputFormat\": \"org.apache.hadoop.mapred.SequenceFileInputFormat\","
        + " \"SerdeInfo\": {\"SerializationLibrary\":"
        + " \"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe\","
        + " \"Parameters\": {\"path\": \""
        + path
        + "\"}}},"
        + " \"PartitionKeys\": [], \"VersionId\": \"2\"}}";
  }

  private static JsonNode artifact(Path out, String table) {
    Path file = out.resolve("diffs/" + table + "/" + RUN_ID + ".diff.json");
    try {
      return Json.readTree(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new AssertionError("no artifact " + file, e);
    }
  }

  private static List<String> findings(JsonNode artifact) {
    List<String> findings = new ArrayList<>();
    artifact
        .path("findings")
        .forEach(
            finding ->
                findings.add(finding.path("rule").asText() + " " + finding.path("path").asText()));
    return findings;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
