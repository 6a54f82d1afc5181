package dev.schemadrift.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes artifacts as deterministic JSON: keys in the documented order, two-space indent, {@code
 * \n} line ends whatever the platform, one trailing newline. Same artifact, same bytes.
 */
public final class ArtifactJson {
  private ArtifactJson() {}

  /** The project's deterministic pretty printer (see {@link Json#printer()}). */
  public static DefaultPrettyPrinter printer() {
    return Json.printer();
  }

  public static byte[] write(DiffArtifact artifact) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.setPrettyPrinter(printer());
      json.writeStartObject();
      json.writeNumberField("artifact_version", artifact.artifactVersion());
      json.writeStringField("run_id", artifact.runId());
      json.writeObjectFieldStart("table");
      json.writeStringField("database", artifact.table().database());
      json.writeStringField("name", artifact.table().name());
      json.writeEndObject();
      json.writeStringField("status", artifact.status().name());
      json.writeBooleanField("created_table", artifact.createdTable());
      writeContract(json, artifact.contract());
      writeCatalog(json, artifact.catalog());
      if (artifact.dataProbe() == null) {
        json.writeNullField("data_probe");
      } else {
        json.writeObjectFieldStart("data_probe");
        json.writeStringField("location", artifact.dataProbe().location());
        json.writeBooleanField("has_data", artifact.dataProbe().hasData());
        json.writeEndObject();
      }
      json.writeObjectFieldStart("counts");
      json.writeNumberField("BREAKING", artifact.counts().breaking());
      json.writeNumberField("RISKY", artifact.counts().risky());
      json.writeNumberField("SAFE", artifact.counts().safe());
      json.writeNumberField("waived", artifact.counts().waived());
      json.writeEndObject();
      json.writeArrayFieldStart("findings");
      for (Finding finding : artifact.findings()) {
        writeFinding(json, finding);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("unused_waivers");
      for (Policy.Waiver waiver : artifact.unusedWaivers()) {
        json.writeStartObject();
        writeWaiverFields(json, waiver);
        json.writeEndObject();
      }
      json.writeEndArray();
      if (artifact.error() == null) {
        json.writeNullField("error");
      } else {
        json.writeObjectFieldStart("error");
        json.writeStringField("kind", artifact.error().kind());
        json.writeStringField("message", artifact.error().message());
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeContract(JsonGenerator json, DiffArtifact.ContractInfo contract)
      throws IOException {
    if (contract == null) {
      json.writeNullField("contract");
      return;
    }
    json.writeObjectFieldStart("contract");
    json.writeStringField("key", contract.key());
    json.writeStringField("version", contract.version());
    json.writeStringField("sha256", contract.sha256());
    json.writeEndObject();
  }

  private static void writeCatalog(JsonGenerator json, DiffArtifact.CatalogInfo catalog)
      throws IOException {
    if (catalog == null) {
      json.writeNullField("catalog");
      return;
    }
    json.writeObjectFieldStart("catalog");
    json.writeStringField("version_id", catalog.versionId());
    json.writeStringField("update_time", catalog.updateTime());
    json.writeStringField("table_type", catalog.tableType());
    json.writeStringField("profile", catalog.profile().name());
    json.writeStringField("file_family", catalog.fileFamily().jsonName());
    json.writeBooleanField("partitioned", catalog.partitioned());
    json.writeStringField("location", catalog.location());
    json.writeEndObject();
  }

  private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.rule().name());
    json.writeStringField("severity", finding.severity().name());
    json.writeStringField("default_severity", finding.defaultSeverity().name());
    json.writeStringField("path", finding.path());
    json.writeStringField("expected", finding.expected());
    json.writeStringField("actual", finding.actual());
    json.writeStringField("reason", finding.reason());
    json.writeStringField("evidence", finding.evidence());
    json.writeStringField("fingerprint", finding.fingerprint());
    if (finding.waiver() == null) {
      json.writeNullField("waiver");
    } else {
      json.writeObjectFieldStart("waiver");
      writeWaiverFields(json, finding.waiver().waiver());
      json.writeStringField("state", finding.waiver().state().name());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeWaiverFields(JsonGenerator json, Policy.Waiver waiver)
      throws IOException {
    json.writeStringField("rule", waiver.rule().name());
    json.writeStringField("path", waiver.path());
    json.writeStringField("reason", waiver.reason());
    json.writeStringField("owner", waiver.owner());
    json.writeStringField("expires", waiver.expires().toString());
  }
}
