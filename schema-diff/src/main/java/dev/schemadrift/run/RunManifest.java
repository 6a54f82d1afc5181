package dev.schemadrift.run;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run checked ({@code runs/<run>.json}): every table's status, diff key and whether the
 * run created it from its contract, the totals, skipped entries and where the next scheduled run
 * continues. A table whose earlier verdict the run kept has {@code reused_from} (that verdict's
 * run), and its {@code diff_key} is that run's artifact. The report generator reads it; the handler
 * returns it (plus the manifest key) as the invocation's summary. Deterministic bytes.
 */
public record RunManifest(
    RunId runId,
    RunMode mode,
    List<TableResult> tables,
    List<String> skipped,
    List<String> notFound,
    RegistryCursor.Position nextCursor) {

  public static final int VERSION = 1;

  public RunManifest {
    Objects.requireNonNull(mode, "mode");
    tables = List.copyOf(tables);
    skipped = List.copyOf(skipped);
    notFound = List.copyOf(notFound);
  }

  /** Tables per status, every status present (zeros included) in declaration order. */
  public Map<Status, Integer> totals() {
    Map<Status, Integer> totals = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      totals.put(status, 0);
    }
    for (TableResult table : tables) {
      totals.merge(table.artifact().status(), 1, Integer::sum);
    }
    return totals;
  }

  public byte[] toJson() {
    return write(null);
  }

  /** The invocation's summary: the manifest plus where it was written. */
  public byte[] toSummaryJson(String manifestKey) {
    return write(manifestKey);
  }

  private byte[] write(String manifestKey) {
    return Json.writePretty(json -> write(json, manifestKey));
  }

  private void write(JsonGenerator json, String manifestKey) throws IOException {
    json.writeStartObject();
    json.writeNumberField("manifest_version", VERSION);
    json.writeStringField("run_id", runId.value());
    if (manifestKey != null) {
      json.writeStringField("manifest_key", manifestKey);
    }
    json.writeStringField("mode", mode.jsonName());
    json.writeObjectFieldStart("totals");
    for (Map.Entry<Status, Integer> total : totals().entrySet()) {
      json.writeNumberField(total.getKey().name(), total.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("tables");
    for (TableResult table : tables) {
      DiffArtifact artifact = table.artifact();
      json.writeStartObject();
      json.writeStringField("database", artifact.table().database());
      json.writeStringField("table", artifact.table().name());
      json.writeStringField("status", artifact.status().name());
      json.writeBooleanField("created_table", artifact.createdTable());
      json.writeStringField("diff_key", table.diffKey());
      json.writeStringField("contract_key", table.contractKey());
      json.writeStringField("owner", table.owner());
      json.writeArrayFieldStart("tags");
      for (String tag : table.tags()) {
        json.writeString(tag);
      }
      json.writeEndArray();
      ArtifactJson.writeCounts(json, artifact.counts());
      json.writeStringField("error", artifact.error() == null ? null : artifact.error().kindName());
      json.writeStringField("write_error", table.writeError());
      // Only a kept verdict carries it: a full run's manifest is what it always was.
      if (table.reusedFrom() != null) {
        json.writeStringField("reused_from", table.reusedFrom());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skipped");
    for (String contract : skipped) {
      json.writeStartObject();
      json.writeStringField("contract", contract);
      json.writeStringField("reason", "disabled");
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("not_found");
    for (String name : notFound) {
      json.writeString(name);
    }
    json.writeEndArray();
    if (nextCursor == null) {
      json.writeNullField("next_cursor");
    } else {
      json.writeObjectFieldStart("next_cursor");
      json.writeNumberField("index", nextCursor.index());
      json.writeStringField("contract", nextCursor.contract());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
