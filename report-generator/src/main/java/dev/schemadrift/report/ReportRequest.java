package dev.schemadrift.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.List;

/**
 * What an invocation asks for: {@code {"bucket": "...", "manifest_key": "runs/<run>.json"}} (what
 * SchemaDiffFunction sends), {@code {"diff_keys": [...]}} or {@code {"rebuild_index": true}}.
 */
public sealed interface ReportRequest {
  /** Report on a whole run. */
  record Run(String manifestKey) implements ReportRequest {}

  /** Report on the given diffs. */
  record Diffs(List<String> diffKeys) implements ReportRequest {}

  /** Render index.html again from the index state. */
  record RebuildIndex() implements ReportRequest {}

  /**
   * @param bucket the report bucket this function serves; an event naming another is refused
   * @throws IllegalArgumentException naming what is wrong with the event
   */
  static ReportRequest read(byte[] payload, String bucket) {
    Problems problems = new Problems("event");
    StrictObject event;
    try {
      event = StrictObject.of(Json.readTree("event", payload), "$", problems);
      problems.throwIfAny();
    } catch (InvalidDocumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String named = event.optionalString("bucket");
    String manifestKey = event.optionalString("manifest_key");
    JsonNode diffKeys = event.field("diff_keys");
    Boolean rebuild = event.optionalBoolean("rebuild_index");
    List<String> keys =
        event.optionalList(
            "diff_keys",
            key -> {
              if (!key.node().isTextual()) {
                problems.add(key.path(), "expected a diff key");
                return null;
              }
              return key.node().textValue();
            });
    event.rejectUnknownFields();
    if (named != null && !named.equals(bucket)) {
      problems.add("$.bucket", "this function writes reports to '" + bucket + "' only");
    }
    int asked =
        (manifestKey != null ? 1 : 0)
            + (diffKeys != null && !diffKeys.isNull() ? 1 : 0)
            + (Boolean.TRUE.equals(rebuild) ? 1 : 0);
    if (asked != 1) {
      problems.add(
          "$", "give exactly one of \"manifest_key\", \"diff_keys\" or \"rebuild_index\": true");
    }
    try {
      problems.throwIfAny();
    } catch (InvalidDocumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (manifestKey != null) {
      BucketLayout.parseManifest(manifestKey);
      return new Run(manifestKey);
    }
    if (diffKeys != null && !diffKeys.isNull()) {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("\"diff_keys\" must list at least one diff key");
      }
      keys.forEach(BucketLayout::parseDiff);
      return new Diffs(keys);
    }
    return new RebuildIndex();
  }
}
