package dev.schemadrift.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Writes what {@code schema-drift compat} found as deterministic JSON (docs/CONTRACTS.md): the
 * changes are findings exactly as in a diff artifact.
 */
public final class CompatibilityJson {
  /** The version of this document's layout. */
  public static final int VERSION = 1;

  private CompatibilityJson() {}

  public static byte[] write(ContractCompatibility compatibility, LocalDate asOf) {
    return Json.writePretty(json -> writeCompatibility(json, compatibility, asOf));
  }

  private static void writeCompatibility(
      JsonGenerator json, ContractCompatibility compatibility, LocalDate asOf) throws IOException {
    DiffArtifact comparison = compatibility.comparison();
    json.writeStartObject();
    json.writeNumberField("compat_version", VERSION);
    json.writeObjectFieldStart("table");
    json.writeStringField("database", comparison.table().database());
    json.writeStringField("name", comparison.table().name());
    json.writeEndObject();
    writeContract(json, "old", comparison.contract());
    writeContract(json, "new", compatibility.newContract());
    json.writeStringField("as_of", asOf.toString());
    json.writeStringField("status", comparison.status().name());
    ArtifactJson.writeCounts(json, comparison.counts());
    json.writeArrayFieldStart("changes");
    for (Finding finding : comparison.findings()) {
      ArtifactJson.writeFinding(json, finding);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("version_check");
    json.writeStringField("bump", compatibility.made().jsonName());
    json.writeStringField("required", compatibility.required().jsonName());
    json.writeBooleanField("lowered", compatibility.lowered());
    json.writeBooleanField("ok", compatibility.bumpSufficient());
    json.writeStringField("message", compatibility.versionVerdict());
    json.writeEndObject();
    ArtifactJson.writeError(json, comparison.error());
    json.writeEndObject();
  }

  private static void writeContract(
      JsonGenerator json, String field, DiffArtifact.ContractInfo contract) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("source", contract.key());
    json.writeStringField("version", contract.version());
    json.writeStringField("sha256", contract.sha256());
    json.writeEndObject();
  }
}
