package dev.schemadrift.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.AppliedWaiver;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.RenameEvidence;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Writes artifacts as deterministic JSON: keys in the documented order, two-space indent, {@code
 * \n} line ends whatever the platform, one trailing newline. Same artifact, same bytes. Reads them
 * back strictly: a missing, mistyped or unknown field is a problem with its JSON path.
 */
public final class ArtifactJson {
  private ArtifactJson() {}

  public static byte[] write(DiffArtifact artifact) {
    return Json.writePretty(json -> writeArtifact(json, artifact));
  }

  private static void writeArtifact(JsonGenerator json, DiffArtifact artifact) throws IOException {
    json.writeStartObject();
    json.writeNumberField("artifact_version", artifact.artifactVersion());
    json.writeStringField("run_id", artifact.runId());
    json.writeObjectFieldStart("table");
    json.writeStringField("database", artifact.table().database());
    json.writeStringField("name", artifact.table().name());
    json.writeEndObject();
    // Only for another account's catalog: artifacts of the own account keep their bytes.
    if (artifact.catalogId() != null) {
      json.writeStringField("catalog_id", artifact.catalogId());
    }
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
    writeCounts(json, artifact.counts());
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
    writeError(json, artifact.error());
    json.writeEndObject();
  }

  /** Writes the {@code error} field (null, or kind and message), as in a compat report. */
  static void writeError(JsonGenerator json, DiffArtifact.ErrorInfo error) throws IOException {
    if (error == null) {
      json.writeNullField("error");
    } else {
      json.writeObjectFieldStart("error");
      json.writeStringField("kind", error.kindName());
      json.writeStringField("message", error.message());
      json.writeEndObject();
    }
  }

  /** Writes the {@code counts} object, as in the artifact and in the run manifest. */
  public static void writeCounts(JsonGenerator json, DiffArtifact.Counts counts)
      throws IOException {
    json.writeObjectFieldStart("counts");
    json.writeNumberField("BREAKING", counts.breaking());
    json.writeNumberField("RISKY", counts.risky());
    json.writeNumberField("SAFE", counts.safe());
    json.writeNumberField("waived", counts.waived());
    json.writeEndObject();
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
    DiffArtifact.PartitionsInfo partitions = catalog.partitions();
    if (partitions != null) {
      // Written only when partitions were asked for, so other tables' artifacts keep their bytes.
      json.writeObjectFieldStart("partitions");
      json.writeNumberField("limit", partitions.limit());
      json.writeNumberField("read", partitions.read());
      json.writeBooleanField("more", partitions.more());
      json.writeStringField("first", partitions.first());
      json.writeStringField("last", partitions.last());
      json.writeStringField("skipped", partitions.skipped());
      // Only partitions kept from an earlier run say so: other artifacts keep their bytes.
      if (partitions.readIn() != null) {
        json.writeStringField("read_in", partitions.readIn());
      }
      json.writeEndObject();
    }
    if (!catalog.setAsideColumns().isEmpty()) {
      json.writeArrayFieldStart("set_aside_columns");
      for (String column : catalog.setAsideColumns()) {
        json.writeString(column);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Writes one finding, as in the artifact and in a compat report. */
  static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.rule().name());
    json.writeStringField("severity", finding.severity().name());
    json.writeStringField("default_severity", finding.defaultSeverity().name());
    json.writeStringField("path", finding.path());
    json.writeStringField("expected", finding.expected());
    json.writeStringField("actual", finding.actual());
    json.writeStringField("reason", finding.reason());
    json.writeStringField(
        "evidence", finding.evidence() == null ? null : finding.evidence().jsonName());
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

  /**
   * Reads an artifact written by {@link #write}; {@code write(read(write(a)))} has the bytes of
   * {@code write(a)}.
   *
   * @param source names the document in problems, e.g. its S3 key
   * @throws InvalidDocumentException listing every problem found
   */
  public static DiffArtifact read(String source, byte[] json) {
    Problems problems = new Problems(source);
    StrictObject root = StrictObject.of(Json.readTree(source, json), "$", problems);
    problems.throwIfAny();
    Integer version = requiredInteger(root, "artifact_version");
    if (version != null && version != DiffArtifact.VERSION) {
      problems.add(
          root.childPath("artifact_version"),
          "version " + version + " is not supported (only " + DiffArtifact.VERSION + ")");
    }
    String runId = root.requiredString("run_id");
    if (runId != null) {
      try {
        new RunId(runId);
      } catch (IllegalArgumentException e) {
        problems.add(root.childPath("run_id"), e.getMessage());
      }
    }
    DiffArtifact.TableName table = tableName(required(root, "table"));
    String catalogId = root.optionalString("catalog_id");
    if (catalogId != null && !catalogId.matches("[0-9]{12}")) {
      problems.add(
          root.childPath("catalog_id"), "'" + catalogId + "' is not a 12-digit catalog id");
    }
    Status status = constant(root, "status", Status.class, Spelling.NAME);
    Boolean createdTable = requiredBoolean(root, "created_table");
    DiffArtifact.ContractInfo contract = contract(nullable(root, "contract"));
    DiffArtifact.CatalogInfo catalog = catalog(nullable(root, "catalog"));
    DiffArtifact.DataProbe probe = probe(nullable(root, "data_probe"));
    DiffArtifact.Counts counts = readCounts(root);
    List<Finding> findings = list(root, "findings", ArtifactJson::finding);
    List<Policy.Waiver> unused = list(root, "unused_waivers", ArtifactJson::waiver);
    StrictObject errorObject = nullable(root, "error");
    DiffArtifact.ErrorInfo error = error(errorObject);
    root.rejectUnknownFields();
    if (status != null && (status == Status.ERROR) != (errorObject != null)) {
      problems.add(root.childPath("error"), "must be an object exactly when status is ERROR");
    }
    problems.throwIfAny();
    return new DiffArtifact(
        version,
        runId,
        table,
        status,
        createdTable,
        contract,
        catalog,
        probe,
        counts,
        findings,
        unused,
        error,
        catalogId);
  }

  private static DiffArtifact.TableName tableName(StrictObject object) {
    if (object == null) {
      return null;
    }
    String database = glueName(object, "database");
    String name = glueName(object, "name");
    object.rejectUnknownFields();
    return new DiffArtifact.TableName(database, name);
  }

  private static String glueName(StrictObject object, String field) {
    String name = object.requiredString(field);
    if (name != null && !BucketLayout.isKeyName(name)) {
      object
          .problems()
          .add(object.childPath(field), "'" + name + "' is not a Glue name (1-255 of a-z 0-9 _)");
    }
    return name;
  }

  private static DiffArtifact.ContractInfo contract(StrictObject object) {
    if (object == null) {
      return null;
    }
    String key = object.requiredString("key");
    String version = nullableString(object, "version");
    // null when the contract could not be read at all (missing, not allowed): nothing to digest.
    String sha256 = nullableString(object, "sha256");
    object.rejectUnknownFields();
    return new DiffArtifact.ContractInfo(key, version, sha256);
  }

  private static DiffArtifact.CatalogInfo catalog(StrictObject object) {
    if (object == null) {
      return null;
    }
    String versionId = nullableString(object, "version_id");
    String updateTime = nullableString(object, "update_time");
    String tableType = nullableString(object, "table_type");
    FormatProfile profile = constant(object, "profile", FormatProfile.class, Spelling.NAME);
    FileFamily family = constant(object, "file_family", FileFamily.class, Spelling.LOWER_CASE);
    Boolean partitioned = requiredBoolean(object, "partitioned");
    String location = nullableString(object, "location");
    // Absent, not null, when no partitions were asked for: older artifacts read unchanged.
    DiffArtifact.PartitionsInfo partitions =
        object.field("partitions") == null ? null : partitions(object.optionalObject("partitions"));
    List<String> setAside =
        object.optionalList(
            "set_aside_columns",
            element -> {
              if (!element.node().isTextual()) {
                object.problems().add(element.path(), "expected a column name");
                return null;
              }
              return element.node().textValue();
            });
    object.rejectUnknownFields();
    return new DiffArtifact.CatalogInfo(
        versionId,
        updateTime,
        tableType,
        profile,
        family,
        Boolean.TRUE.equals(partitioned),
        location,
        partitions,
        setAside);
  }

  private static DiffArtifact.PartitionsInfo partitions(StrictObject object) {
    if (object == null) {
      return null;
    }
    Integer limit = object.optionalInteger("limit");
    Integer read = object.optionalInteger("read");
    Boolean more = requiredBoolean(object, "more");
    String first = nullableString(object, "first");
    String last = nullableString(object, "last");
    String skipped = nullableString(object, "skipped");
    String readIn = object.optionalString("read_in");
    object.rejectUnknownFields();
    if (readIn != null) {
      try {
        new RunId(readIn);
      } catch (IllegalArgumentException e) {
        object.problems().add(object.childPath("read_in"), e.getMessage());
        return null;
      }
    }
    if (limit == null || read == null || limit < 0 || read < 0 || read > limit) {
      object
          .problems()
          .add(object.path(), "needs a limit and a read count with 0 <= read <= limit");
      return null;
    }
    return new DiffArtifact.PartitionsInfo(
        limit, read, Boolean.TRUE.equals(more), first, last, skipped, readIn);
  }

  private static DiffArtifact.DataProbe probe(StrictObject object) {
    if (object == null) {
      return null;
    }
    String location = object.requiredString("location");
    Boolean hasData = requiredBoolean(object, "has_data");
    object.rejectUnknownFields();
    return new DiffArtifact.DataProbe(location, Boolean.TRUE.equals(hasData));
  }

  /**
   * Reads a status by name, as artifacts, run manifests and the index state spell it; an unknown
   * one is a problem at {@code path}.
   *
   * @return null when {@code name} is null or unknown
   */
  public static Status readStatus(String name, String path, Problems problems) {
    return constant(name, path, problems, Status.class, Spelling.NAME);
  }

  /**
   * Reads the {@code counts} object of {@code parent}, as {@link #writeCounts} wrote it; a missing,
   * negative or unknown count is a problem.
   */
  public static DiffArtifact.Counts readCounts(StrictObject parent) {
    return counts(required(parent, "counts"));
  }

  private static DiffArtifact.Counts counts(StrictObject object) {
    if (object == null) {
      return DiffArtifact.Counts.ZERO;
    }
    int[] values = new int[4];
    String[] names = {"BREAKING", "RISKY", "SAFE", "waived"};
    for (int index = 0; index < names.length; index++) {
      Integer value = requiredInteger(object, names[index]);
      if (value != null && value < 0) {
        object.problems().add(object.childPath(names[index]), "must not be negative");
      }
      values[index] = value == null ? 0 : value;
    }
    object.rejectUnknownFields();
    return new DiffArtifact.Counts(values[0], values[1], values[2], values[3]);
  }

  private static Finding finding(StrictObject.Element element, Problems problems) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    RuleId rule = constant(object, "rule", RuleId.class, Spelling.NAME);
    Severity severity = constant(object, "severity", Severity.class, Spelling.NAME);
    Severity defaultSeverity = constant(object, "default_severity", Severity.class, Spelling.NAME);
    String path = object.requiredString("path");
    String expected = nullableString(object, "expected");
    String actual = nullableString(object, "actual");
    String reason = object.requiredString("reason");
    RenameEvidence evidence = evidence(object);
    String fingerprint = object.requiredString("fingerprint");
    AppliedWaiver waiver = null;
    StrictObject waiverObject = nullable(object, "waiver");
    if (waiverObject != null) {
      Policy.Waiver matched = waiverFields(waiverObject);
      AppliedWaiver.State state =
          constant(waiverObject, "state", AppliedWaiver.State.class, Spelling.NAME);
      waiverObject.rejectUnknownFields();
      waiver = matched == null || state == null ? null : new AppliedWaiver(matched, state);
    }
    object.rejectUnknownFields();
    if (rule == null
        || severity == null
        || defaultSeverity == null
        || path == null
        || reason == null
        || fingerprint == null) {
      return null;
    }
    return new Finding(
        rule,
        severity,
        defaultSeverity,
        path,
        expected,
        actual,
        reason,
        evidence,
        fingerprint,
        waiver);
  }

  private static Policy.Waiver waiver(StrictObject.Element element, Problems problems) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    Policy.Waiver waiver = waiverFields(object);
    object.rejectUnknownFields();
    return waiver;
  }

  private static Policy.Waiver waiverFields(StrictObject object) {
    RuleId rule = constant(object, "rule", RuleId.class, Spelling.NAME);
    String path = object.requiredString("path");
    String reason = object.requiredString("reason");
    String owner = object.requiredString("owner");
    String expiresText = object.requiredString("expires");
    LocalDate expires = null;
    if (expiresText != null) {
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException e) {
        object
            .problems()
            .add(
                object.childPath("expires"), "'" + expiresText + "' is not a date like 2027-03-31");
      }
    }
    if (rule == null || path == null || reason == null || owner == null || expires == null) {
      return null;
    }
    return new Policy.Waiver(rule, path, reason, owner, expires);
  }

  private static DiffArtifact.ErrorInfo error(StrictObject object) {
    if (object == null) {
      return null;
    }
    String kind = object.requiredString("kind");
    String message = object.requiredString("message");
    object.rejectUnknownFields();
    // A missing kind is a problem already; a kind this version does not know is kept as written.
    return kind == null ? null : DiffArtifact.ErrorInfo.read(kind, message);
  }

  private static <T> List<T> list(
      StrictObject object, String name, BiFunction<StrictObject.Element, Problems, T> read) {
    JsonNode value = object.field(name);
    if (value == null || !value.isArray()) {
      object
          .problems()
          .add(
              object.childPath(name),
              "expected an array but found " + StrictObject.describe(value));
      return List.of();
    }
    return object.optionalList(name, element -> read.apply(element, object.problems()));
  }

  /** An object field that must be present and not null. */
  private static StrictObject required(StrictObject object, String name) {
    JsonNode value = object.field(name);
    if (value == null || value.isNull()) {
      object.problems().add(object.childPath(name), "required field is missing");
      return null;
    }
    return StrictObject.of(value, object.childPath(name), object.problems());
  }

  /** An object field that is always written but may be null. */
  private static StrictObject nullable(StrictObject object, String name) {
    if (present(object, name)) {
      return object.optionalObject(name);
    }
    return null;
  }

  private static String nullableString(StrictObject object, String name) {
    return present(object, name) ? object.optionalString(name) : null;
  }

  private static boolean present(StrictObject object, String name) {
    if (object.field(name) == null) {
      object.problems().add(object.childPath(name), "required field is missing (write null)");
      return false;
    }
    return true;
  }

  private static Integer requiredInteger(StrictObject object, String name) {
    if (!present(object, name)) {
      return null;
    }
    Integer value = object.optionalInteger(name);
    if (value == null && object.field(name).isNull()) {
      object.problems().add(object.childPath(name), "must be a whole number, not null");
    }
    return value;
  }

  private static Boolean requiredBoolean(StrictObject object, String name) {
    if (!present(object, name)) {
      return null;
    }
    Boolean value = object.optionalBoolean(name);
    if (value == null && object.field(name).isNull()) {
      object.problems().add(object.childPath(name), "must be true or false, not null");
    }
    return value;
  }

  /** A rename's evidence by its artifact spelling; null for other rules, a problem if unknown. */
  private static RenameEvidence evidence(StrictObject object) {
    return constant(
        nullableString(object, "evidence"),
        object.childPath("evidence"),
        object.problems(),
        RenameEvidence.class,
        Spelling.LOWER_CASE);
  }

  /** An enum constant by its spelling; an unknown one is a problem. */
  private static <E extends Enum<E>> E constant(
      StrictObject object, String name, Class<E> type, Spelling spelling) {
    return constant(
        object.requiredString(name), object.childPath(name), object.problems(), type, spelling);
  }

  private static <E extends Enum<E>> E constant(
      String value, String path, Problems problems, Class<E> type, Spelling spelling) {
    if (value == null) {
      return null;
    }
    Optional<E> constant = spelling.parse(type, value);
    if (constant.isEmpty()) {
      problems.add(path, "unknown value '" + value + "'");
    }
    return constant.orElse(null);
  }
}
