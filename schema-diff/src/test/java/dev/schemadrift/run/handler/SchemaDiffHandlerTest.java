package dev.schemadrift.run.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.JsonLog;
import dev.schemadrift.log.LogLevel;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler turns an event into a run and answers with the run's summary. */
class SchemaDiffHandlerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T08:04:31Z"), ZoneOffset.UTC);
  private static final RunSettings SETTINGS =
      RunSettings.fromEnvironment(
          Map.of(
              "CONTRACT_BUCKET", "contract-bucket",
              "REPORT_BUCKET", "report-bucket",
              "REPORT_FUNCTION", "report-generator",
              "CONTRACT_KEY", "contracts/nyc_parks/parks.json"));

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();
  private final RecordingReportTrigger trigger = new RecordingReportTrigger();
  private final SchemaDiffHandler handler =
      new SchemaDiffHandler(SETTINGS, store, catalog, trigger, CLOCK);

  @Test
  void aScheduledEventAnswersWithTheManifestKeyAndTotals() throws IOException {
    store.add(
        "contract-bucket",
        "contracts/nyc_parks/parks.json",
        """
        {"contract_version": "1.0.0", "database": "nyc_parks", "table": "parks",
         "data_location": "s3://data-lake/nyc_parks/parks/", "format": "parquet",
         "columns": [{"name": "id", "type": "bigint"}, {"name": "acres", "type": "double"}]}
        """);
    store.add("data-lake", "nyc_parks/parks/part-00000.parquet", "PAR1");
    catalog.addTable(
        new GlueTable(
            "nyc_parks",
            "parks",
            "EXTERNAL_TABLE",
            Map.of(),
            List.of(GlueColumn.of("id", "bigint")),
            List.of(),
            "s3://data-lake/nyc_parks/parks/",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Map.of(),
            true,
            "3",
            null));

    JsonNode summary =
        handle(
            """
            {"version": "0", "detail-type": "Scheduled Event", "source": "aws.events",
             "time": "2026-11-26T08:00:00Z", "detail": {}}
            """);

    assertEquals("20261126T080000Z", summary.path("run_id").asText());
    assertEquals("runs/20261126T080000Z.json", summary.path("manifest_key").asText());
    assertEquals("single", summary.path("mode").asText());
    assertEquals(1, summary.path("totals").path("BREAKING").asInt());
    assertEquals(0, summary.path("totals").path("OK").asInt());
    assertEquals(1, summary.path("tables").size());
    assertEquals(
        "diffs/nyc_parks.parks/20261126T080000Z.diff.json",
        summary.path("tables").get(0).path("diff_key").asText());
    assertEquals(
        List.of(
            new RecordingReportTrigger.Triggered("report-bucket", "runs/20261126T080000Z.json")),
        trigger.triggered());
    // The summary is the manifest plus its key: the stored manifest says the same.
    JsonNode manifest =
        Json.mapper().readTree(store.object("report-bucket", "runs/20261126T080000Z.json").get());
    assertEquals(manifest.path("totals"), summary.path("totals"));
    assertEquals(manifest.path("tables"), summary.path("tables"));
  }

  @Test
  void anEventWithoutATimeTakesTheRunIdFromTheClock() throws IOException {
    JsonNode summary = handle("{}");

    assertEquals("20261126T080431Z", summary.path("run_id").asText());
    assertEquals("runs/20261126T080431Z.json", summary.path("manifest_key").asText());
    assertEquals(1, summary.path("totals").path("ERROR").asInt());
  }

  @Test
  void aBadEventIsRejectedBeforeAnythingIsWritten() {
    assertThrows(IllegalArgumentException.class, () -> handle("{\"tables\": \"parks\"}"));

    assertEquals(List.of(), store.calls());
    assertEquals(List.of(), trigger.triggered());
  }

  @Test
  void theLogHasCountsAndIdsOnlyNeverContractsPayloadsOrCredentials() throws IOException {
    String secretDescription = "CONTRACT-BODY-MARKER 4111-1111-1111-1111";
    store.add(
        "contract-bucket",
        "contracts/nyc_parks/parks.json",
        """
        {"contract_version": "1.0.0", "database": "nyc_parks", "table": "parks",
         "description": "%s", "owner": "private-owner@example.org",
         "data_location": "s3://data-lake/nyc_parks/parks/", "format": "parquet",
         "columns": [{"name": "ssn_column_marker", "type": "bigint"}]}
        """
            .formatted(secretDescription));
    store.add("data-lake", "nyc_parks/parks/part-00000.parquet", "PAR1");
    List<String> lines = new ArrayList<>();
    SchemaDiffHandler logging =
        new SchemaDiffHandler(
            SETTINGS,
            store,
            catalog,
            trigger,
            CLOCK,
            new JsonLog(LogLevel.DEBUG, CLOCK, lines::add));
    String event =
        "{\"run_id\": \"20261126T080000Z\", \"contract_key\": \"contracts/nyc_parks/parks.json\","
            + " \"note\": \"EVENT-PAYLOAD-MARKER\"}";

    logging.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        new RecordingContext());

    // A table record (DEBUG), the run record, the metrics document: each one JSON object.
    assertEquals(3, lines.size(), lines.toString());
    JsonNode run = Json.mapper().readTree(lines.get(1));
    assertEquals("run finished", run.get("message").asText(), lines.get(1));
    assertEquals("20261126T080000Z", run.get("run_id").asText());
    int tables = 0;
    for (JsonNode count : run.get("tables")) {
      tables += count.asInt();
    }
    assertEquals(1, tables, lines.get(1));
    assertTrue(Json.mapper().readTree(lines.get(2)).has("_aws"), lines.get(2));
    String line = String.join("\n", lines);
    for (String secret :
        List.of(
            "CONTRACT-BODY-MARKER",
            "4111",
            "private-owner",
            "ssn_column_marker",
            "EVENT-PAYLOAD-MARKER",
            "AKIA",
            "aws_secret",
            "SecretAccessKey")) {
      assertFalse(line.contains(secret), "the log leaks " + secret + ": " + line);
    }
  }

  @Test
  void aFailedRunSaysWhatFailedWithoutTheContract() {
    store.add(
        "contract-bucket",
        "contracts/nyc_parks/parks.json",
        "{\"contract_version\": \"1.0.0\", \"description\": \"CONTRACT-BODY-MARKER\"}");
    trigger.failWith(ErrorKind.THROTTLED);

    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () ->
                handle(
                    "{\"run_id\": \"20261126T080000Z\","
                        + " \"contract_key\": \"contracts/nyc_parks/parks.json\"}"));

    assertTrue(failure.getMessage().contains("report generator"), failure.getMessage());
    assertFalse(failure.getMessage().contains("CONTRACT-BODY-MARKER"), failure.getMessage());
  }

  private JsonNode handle(String event) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
    return Json.mapper().readTree(output.toByteArray());
  }
}
