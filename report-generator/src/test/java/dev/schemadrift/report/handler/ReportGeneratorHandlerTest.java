package dev.schemadrift.report.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportGeneratorHandlerTest {
  private static final String BUCKET = "reports";
  private static final String DIFF = "diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json";

  @Test
  void reportsOnDiffsAndAnswersWithCounts() throws IOException {
    MemoryObjectStore store = new MemoryObjectStore();
    store.put(
        BUCKET,
        DIFF,
        ArtifactJson.write(
            TableCheck.error(
                new RunId("20261126T080000Z"),
                new DiffArtifact.TableName("nyc_parks", "playgrounds"),
                null,
                ErrorKind.THROTTLED,
                "slow down")),
        "application/json");
    ReportGeneratorHandler handler = new ReportGeneratorHandler(store, BUCKET);

    JsonNode response = invoke(handler, "{\"diff_keys\": [\"" + DIFF + "\"]}");

    assertEquals(1, response.get("tables").intValue());
    assertEquals(1, response.get("index_tables").intValue());
    assertTrue(store.get(BUCKET, "index.html").isPresent());
    assertTrue(store.get(BUCKET, "reports/nyc_parks.playgrounds/latest.html").isPresent());
    JsonNode rebuilt = invoke(handler, "{\"rebuild_index\": true}");
    assertEquals(true, rebuilt.get("rebuild_index").booleanValue());
    assertEquals(1, rebuilt.get("index_tables").intValue());
  }

  @Test
  void aBadEventFailsTheInvocation() {
    ReportGeneratorHandler handler = new ReportGeneratorHandler(new MemoryObjectStore(), BUCKET);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            invoke(
                handler, "{\"bucket\": \"x\", \"manifest_key\": \"runs/20261126T080000Z.json\"}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> invoke(handler, "{\"manifest_key\": \"runs/20261126T080000Z.json\"}"),
        "no such manifest");
  }

  private static JsonNode invoke(ReportGeneratorHandler handler, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.readTree("response", out.toByteArray());
  }
}
