package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.List;
import java.util.Objects;

/**
 * Reads a run manifest ({@code runs/<run>.json}, written by SchemaDiffFunction's {@code
 * RunManifest}) into the tables to report on. Strict like every reader here: an unknown field means
 * the two functions disagree about the format, which must fail loudly rather than drop data.
 */
public final class RunManifestReader {
  private static final int VERSION = 1;

  private RunManifestReader() {}

  /** A run and its tables, in manifest order. */
  public record Manifest(RunId run, List<ReportInput> tables) {}

  /**
   * @throws InvalidDocumentException listing every problem
   */
  public static Manifest read(String key, byte[] json) {
    RunId expectedRun = BucketLayout.parseManifest(key);
    Problems problems = new Problems(key);
    StrictObject root = StrictObject.of(Json.readTree(key, json), "$", problems);
    problems.throwIfAny();
    Integer version = root.optionalInteger("manifest_version");
    if (!Objects.equals(version, VERSION)) {
      problems.add(
          root.childPath("manifest_version"), "expected " + VERSION + ", found " + version);
    }
    String runId = root.requiredString("run_id");
    if (runId != null && !runId.equals(expectedRun.value())) {
      problems.add(root.childPath("run_id"), "'" + runId + "' is not the run its key names");
    }
    // Read elsewhere (the summary, the registry cursor) or derived: known, not needed here.
    root.optionalString("manifest_key");
    root.optionalString("mode");
    root.field("totals");
    root.field("skipped");
    root.field("not_found");
    root.field("next_cursor");
    List<ReportInput> tables =
        root.optionalList("tables", element -> table(element, expectedRun, problems));
    root.rejectUnknownFields();
    problems.throwIfAny();
    return new Manifest(expectedRun, tables);
  }

  private static ReportInput table(StrictObject.Element element, RunId run, Problems problems) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    String database = glueName(object, "database");
    String table = glueName(object, "table");
    object.requiredString("status");
    // Also in the artifact, which is what the reports and the index read it from.
    object.optionalBoolean("created_table");
    String diffKey = object.optionalString("diff_key");
    object.optionalString("contract_key");
    String owner = object.optionalString("owner");
    List<String> tags =
        object.optionalList(
            "tags",
            tag -> {
              if (!tag.node().isTextual()) {
                problems.add(tag.path(), "expected a string");
                return null;
              }
              return tag.node().textValue();
            });
    object.field("counts");
    object.optionalString("error");
    String writeError = object.optionalString("write_error");
    String reusedFrom = object.optionalString("reused_from");
    object.rejectUnknownFields();
    if (database == null || table == null) {
      return null;
    }
    if (reusedFrom != null) {
      try {
        new RunId(reusedFrom);
      } catch (IllegalArgumentException e) {
        problems.add(object.childPath("reused_from"), e.getMessage());
        return null;
      }
      if (reusedFrom.compareTo(run.value()) >= 0) {
        problems.add(
            object.childPath("reused_from"),
            "'" + reusedFrom + "' is not a run before " + run.value());
        return null;
      }
    }
    TableName name = new TableName(database, table);
    // A kept verdict's artifact is the one of the run that judged it.
    String verdictRun = reusedFrom == null ? run.value() : reusedFrom;
    if (diffKey != null && !diffKey.equals(BucketLayout.diff(name, verdictRun))) {
      problems.add(
          object.childPath("diff_key"),
          "'" + diffKey + "' is not " + BucketLayout.diff(name, verdictRun));
      return null;
    }
    if (reusedFrom != null && diffKey == null) {
      problems.add(object.childPath("diff_key"), "missing for a kept verdict");
      return null;
    }
    if (diffKey == null && writeError == null) {
      problems.add(object.childPath("diff_key"), "missing, and no write_error says why");
      return null;
    }
    return new ReportInput(
        name, run, diffKey, new TableMetadata(owner, tags), writeError, reusedFrom);
  }

  private static String glueName(StrictObject object, String field) {
    String name = object.requiredString(field);
    if (name != null && !BucketLayout.isKeyName(name)) {
      object.problems().add(object.childPath(field), "'" + name + "' is not a Glue name");
      return null;
    }
    return name;
  }
}
