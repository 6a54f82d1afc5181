package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Delta Lake table in the run: its schema comes from the {@code _delta_log} at the table's own
 * location, read through the object store, never from data files; errors are the table's.
 */
class DeltaTablesRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String DATA = "data-lake";
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static final String CONTRACT =
      "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
          + " \"data_location\": \"s3://data-lake/sales/orders/\", \"format\": \"parquet\","
          + " \"columns\": [{\"name\": \"order_id\", \"type\": \"bigint\"},"
          + " {\"name\": \"amount\", \"type\": \"decimal(12,2)\"}],"
          + " \"partition_keys\": [{\"name\": \"order_date\", \"type\": \"date\"}]}";
  private static final String SCHEMA =
      "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
          + "{\\\"name\\\":\\\"order_id\\\",\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,"
          + "\\\"metadata\\\":{}},"
          + "{\\\"name\\\":\\\"amount\\\",\\\"type\\\":\\\"decimal(12,2)\\\",\\\"nullable\\\":true,"
          + "\\\"metadata\\\":{}},"
          + "{\\\"name\\\":\\\"channel\\\",\\\"type\\\":\\\"string\\\",\\\"nullable\\\":true,"
          + "\\\"metadata\\\":{}},"
          + "{\\\"name\\\":\\\"order_date\\\",\\\"type\\\":\\\"date\\\",\\\"nullable\\\":true,"
          + "\\\"metadata\\\":{}}]}";

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();

  @Test
  void aDeltaTableIsComparedOnItsLogsSchemaReadFromTheLogOnly() {
    givenDeltaTable("s3://data-lake/sales/orders/");
    store.add(DATA, "sales/orders/order_date=2026-11-20/part-00000.snappy.parquet", "PAR1");
    store.add(
        DATA,
        "sales/orders/_delta_log/00000000000000000000.json",
        "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
            + "{\"metaData\":{\"schemaString\":\""
            + SCHEMA
            + "\",\"partitionColumns\":[\"order_date\"],\"format\":{\"provider\":\"parquet\"}}}\n");

    run(null);

    JsonNode artifact = artifact();
    assertEquals("SAFE", artifact.path("status").asText(), artifact.toString());
    JsonNode finding = artifact.path("findings").get(0);
    assertEquals(
        "COLUMN_ADDED channel",
        finding.path("rule").asText() + " " + finding.path("path").asText());
    assertEquals("parquet", artifact.path("catalog").path("file_family").asText());
    assertEquals("BY_NAME", artifact.path("catalog").path("profile").asText());
    assertEquals(
        "s3://data-lake/sales/orders/", artifact.path("catalog").path("location").asText());
    List<String> reads =
        store.calls(Operation.GET).stream()
            .filter(call -> call.bucket().equals(DATA))
            .map(call -> call.key())
            .toList();
    assertEquals(
        List.of(
            "sales/orders/_delta_log/_last_checkpoint",
            "sales/orders/_delta_log/00000000000000000000.json",
            "sales/orders/_delta_log/00000000000000000001.json"),
        reads,
        "only the log is read, never a data file");
  }

  @Test
  void aTableWithoutALogIsErrorDeltaLogNotFound() {
    givenDeltaTable("s3://data-lake/sales/orders/");
    store.add(DATA, "sales/orders/part-00000.snappy.parquet", "PAR1");

    run(null);

    JsonNode artifact = artifact();
    assertEquals("ERROR", artifact.path("status").asText());
    assertEquals("DELTA_LOG_NOT_FOUND", artifact.path("error").path("kind").asText());
    assertTrue(
        artifact.path("error").path("message").asText().contains("_delta_log"),
        artifact.toString());
  }

  @Test
  void aLogInABucketDataBucketsDoesNotListIsNotRead() {
    givenDeltaTable("s3://other-lake/sales/orders/");
    store.add(DATA, "sales/orders/part-00000.snappy.parquet", "PAR1");

    run(Set.of(DATA));

    JsonNode artifact = artifact();
    assertEquals("DATA_LOCATION_NOT_ALLOWED", artifact.path("error").path("kind").asText());
    assertTrue(
        store.calls(Operation.GET).stream().noneMatch(call -> call.bucket().equals("other-lake")));
  }

  /** The table as Spark's Glue catalog client registers a Delta table. */
  private void givenDeltaTable(String path) {
    store.add(CONTRACTS, "contracts/orders.json", CONTRACT);
    catalog.addTable(
        new GlueTable(
            "sales",
            "orders",
            "EXTERNAL_TABLE",
            Map.of("spark.sql.sources.provider", "delta", "EXTERNAL", "TRUE"),
            List.of(new GlueColumn("col", "array<string>", "from deserializer", Map.of())),
            List.of(),
            path.replaceAll("/$", "") + "-__PLACEHOLDER__",
            "org.apache.hadoop.mapred.SequenceFileInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveSequenceFileOutputFormat",
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            Map.of("path", path, "serialization.format", "1"),
            true,
            "4",
            "2026-11-20T10:00:00Z"));
  }

  private void run(Set<String> dataBuckets) {
    RunSettings settings =
        new RunSettings(
            CONTRACTS,
            REPORTS,
            null,
            null,
            1000,
            2,
            "report-function",
            "contracts/orders.json",
            dataBuckets);
    new SchemaDiffRun(settings, store, catalog, new RecordingReportTrigger())
        .execute(new RunRequest(RUN, "contracts/orders.json", List.of()));
  }

  private JsonNode artifact() {
    String key = "diffs/sales.orders/" + RUN + ".diff.json";
    return Json.readTree(key, store.object(REPORTS, key).orElseThrow());
  }
}
