package dev.schemadrift.report;

import static dev.schemadrift.report.Artifacts.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRequestTest {
  private static final String BUCKET = "reports";

  @Test
  void readsTheThreeKindsOfEvent() {
    assertEquals(
        new ReportRequest.Run("runs/20261126T080000Z.json"),
        read("{\"bucket\": \"reports\", \"manifest_key\": \"runs/20261126T080000Z.json\"}"));
    assertEquals(
        new ReportRequest.Diffs(List.of("diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json")),
        read("{\"diff_keys\": [\"diffs/nyc_parks.playgrounds/20261126T080000Z.diff.json\"]}"));
    assertEquals(new ReportRequest.RebuildIndex(), read("{\"rebuild_index\": true}"));
  }

  @Test
  void refusesWhatItCannotDo() {
    for (String event :
        List.of(
            "",
            "[]",
            "{}",
            "{\"rebuild_index\": false}",
            "{\"manifest_key\": \"runs/x.json\"}",
            "{\"manifest_key\": \"../runs/20261126T080000Z.json\"}",
            "{\"bucket\": \"other\", \"manifest_key\": \"runs/20261126T080000Z.json\"}",
            "{\"manifest_key\": \"runs/20261126T080000Z.json\", \"rebuild_index\": true}",
            "{\"diff_keys\": []}",
            "{\"diff_keys\": [\"diffs/Nyc.x/20261126T080000Z.diff.json\"]}",
            "{\"diff_keys\": [\"diffs/a.b/20261126T080000Z.diff.json\", 3]}",
            "{\"manifest_key\": \"runs/20261126T080000Z.json\", \"typo\": 1}")) {
      IllegalArgumentException thrown =
          assertThrows(IllegalArgumentException.class, () -> read(event), event);
      assertTrue(thrown.getMessage() != null && !thrown.getMessage().isBlank(), event);
    }
  }

  private static ReportRequest read(String json) {
    return ReportRequest.read(bytes(json), BUCKET);
  }
}
