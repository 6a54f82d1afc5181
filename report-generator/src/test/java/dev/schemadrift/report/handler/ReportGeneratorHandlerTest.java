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
import dev.schemadrift.port.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportGeneratorHandlerTest {
  private static final String BUCKET = "reports";
  private static final String DIFF = "diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json";

  @Test
  void reportsOnDiffsAndAnswersWithCounts() throws IOException {
    Map<String, byte[]> objects = new HashMap<>();
    ObjectStore store = new MapStore(objects);
    objects.put(
        DIFF,
        ArtifactJson.write(
            TableCheck.error(
                new RunId("20261126T080000Z"),
                new DiffArtifact.TableName("nyc_parks", "playgrounds"),
                null,
                ErrorKind.THROTTLED,
                "slow down")));
    ReportGeneratorHandler handler = new ReportGeneratorHandler(store, BUCKET);

    JsonNode response = invoke(handler, "{\"diff_keys\": [\"" + DIFF + "\"]}");

    assertEquals(1, response.get("tables").intValue());
    assertEquals(1, response.get("index_tables").intValue());
    assertTrue(objects.containsKey("index.html"));
    assertTrue(objects.containsKey("reports/nyc_parks.playgrounds/latest.html"));
    JsonNode rebuilt = invoke(handler, "{\"rebuild_index\": true}");
    assertEquals(true, rebuilt.get("rebuild_index").booleanValue());
    assertEquals(1, rebuilt.get("index_tables").intValue());
  }

  @Test
  void aBadEventFailsTheInvocation() {
    ReportGeneratorHandler handler =
        new ReportGeneratorHandler(new MapStore(new HashMap<>()), BUCKET);

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

  /** A minimal store over a map, enough for one generation at a time. */
  private record MapStore(Map<String, byte[]> objects) implements ObjectStore {
    @Override
    public synchronized Optional<byte[]> get(String bucket, String key) {
      return Optional.ofNullable(objects.get(key));
    }

    @Override
    public synchronized void put(String bucket, String key, byte[] body, String contentType) {
      objects.put(key, body);
    }

    @Override
    public List<StoredObject> list(String bucket, String prefix, int limit) {
      return List.of();
    }

    @Override
    public synchronized Optional<Versioned> getVersioned(String bucket, String key) {
      byte[] body = objects.get(key);
      return body == null
          ? Optional.empty()
          : Optional.of(new Versioned(body, Integer.toString(java.util.Arrays.hashCode(body))));
    }

    @Override
    public synchronized boolean putIfVersion(
        String bucket, String key, byte[] body, String contentType, String expectedVersion) {
      Optional<Versioned> current = getVersioned(bucket, key);
      if (expectedVersion == null
          ? current.isPresent()
          : current.isEmpty() || !current.get().version().equals(expectedVersion)) {
        return false;
      }
      objects.put(key, body);
      return true;
    }
  }
}
