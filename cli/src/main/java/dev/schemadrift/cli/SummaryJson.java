package dev.schemadrift.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The summary of {@code check --format json}: every table with its status, counts, contract, diff
 * artifact and reports, the totals per status and per severity, and where the manifest and index
 * are. Fields in a fixed order and no timing, so the same run gives the same bytes.
 */
final class SummaryJson {
  /** Bumped when a field changes meaning or goes away; new fields keep the version. */
  static final int VERSION = 1;

  private SummaryJson() {}

  /**
   * Where the run wrote: a local folder ({@code folder} set) or an S3 bucket; paths are printed as
   * the folder's absolute paths or as s3:// URIs.
   */
  record Destination(Path folder, String bucket) {
    String locate(String key) {
      return folder != null ? folder.resolve(key).toString() : "s3://" + bucket + "/" + key;
    }

    /** Whether a key was written: checked on disk; on S3 the run's own layout is trusted. */
    boolean exists(String key) {
      return folder == null || Files.isRegularFile(folder.resolve(key));
    }
  }

  static byte[] write(RunManifest manifest, Destination destination) {
    return Json.writePretty(json -> write(json, manifest, destination));
  }

  private static void write(JsonGenerator json, RunManifest manifest, Destination destination)
      throws IOException {
    String runId = manifest.runId().value();
    json.writeStartObject();
    json.writeNumberField("summary_version", VERSION);
    json.writeStringField("run_id", runId);
    json.writeStringField("manifest", destination.locate(BucketLayout.manifest(runId)));
    json.writeStringField(
        "index",
        destination.exists(BucketLayout.INDEX) ? destination.locate(BucketLayout.INDEX) : null);
    json.writeObjectFieldStart("totals");
    for (Map.Entry<Status, Integer> total : manifest.totals().entrySet()) {
      json.writeNumberField(total.getKey().name(), total.getValue());
    }
    json.writeEndObject();
    int breaking = 0;
    int risky = 0;
    int safe = 0;
    int waived = 0;
    for (TableResult table : manifest.tables()) {
      DiffArtifact.Counts counts = table.artifact().counts();
      breaking += counts.breaking();
      risky += counts.risky();
      safe += counts.safe();
      waived += counts.waived();
    }
    ArtifactJson.writeCounts(json, new DiffArtifact.Counts(breaking, risky, safe, waived));
    json.writeArrayFieldStart("tables");
    for (TableResult table : manifest.tables()) {
      table(json, table, runId, destination);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skipped");
    for (String contract : manifest.skipped()) {
      json.writeString(contract);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void table(
      JsonGenerator json, TableResult table, String runId, Destination destination)
      throws IOException {
    DiffArtifact artifact = table.artifact();
    json.writeStartObject();
    json.writeStringField("database", artifact.table().database());
    json.writeStringField("table", artifact.table().name());
    json.writeStringField("status", artifact.status().name());
    json.writeStringField("contract", table.contractKey());
    json.writeBooleanField("created_table", artifact.createdTable());
    ArtifactJson.writeCounts(json, artifact.counts());
    if (artifact.error() == null) {
      json.writeNullField("error");
    } else {
      json.writeObjectFieldStart("error");
      json.writeStringField("kind", artifact.error().kindName());
      json.writeStringField("message", artifact.error().message());
      json.writeEndObject();
    }
    json.writeStringField(
        "artifact", table.diffKey() == null ? null : destination.locate(table.diffKey()));
    json.writeStringField("write_error", table.writeError());
    String markdown = BucketLayout.markdownReport(artifact.table(), runId);
    String html = BucketLayout.htmlReport(artifact.table(), runId);
    boolean reported = table.diffKey() != null;
    json.writeObjectFieldStart("reports");
    json.writeStringField(
        "markdown", reported && destination.exists(markdown) ? destination.locate(markdown) : null);
    json.writeStringField(
        "html", reported && destination.exists(html) ? destination.locate(html) : null);
    json.writeEndObject();
    json.writeEndObject();
  }
}
