package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads contract JSON strictly: every unknown field, wrong type, missing field, duplicate column,
 * bad type string or bad name is reported with the file and its JSON path, all in one go.
 */
public final class ContractReader {
  /**
   * The largest contract read: real ones with thousands of columns stay far below it, and a bigger
   * input could exhaust a function's memory.
   */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private ContractReader() {}

  /**
   * Whether a name is a Glue database or table name as Glue stores it (1–255 of {@code a-z 0-9 _}):
   * the only names S3 keys are built from.
   */
  public static boolean isGlueName(String name) {
    return name != null && ContractConstraints.GLUE_NAME.matcher(name).matches();
  }

  /** Reads one contract; {@code source} names the file in every error message. */
  public static Contract read(String source, byte[] json) {
    checkSize(source, json);
    JsonNode root = Json.readTree(source, json);
    Problems problems = new Problems(source);
    Contract contract = read(root, problems);
    problems.throwIfAny();
    return contract;
  }

  /** Refuses a contract (of any format) above {@link #MAX_BYTES} before parsing it. */
  public static void checkSize(String source, byte[] bytes) {
    Json.refuseAbove(source, bytes, MAX_BYTES);
  }

  static Contract read(JsonNode root, Problems problems) {
    StrictObject object = StrictObject.of(root, "$", problems);
    if (object == null) {
      return null;
    }
    String version = object.requiredString("contract_version");
    if (version != null && !ContractConstraints.SEMVER.matcher(version).matches()) {
      problems.add("$.contract_version", "'" + version + "' is not a semantic version like 1.2.0");
    }
    String database = glueName(object, "database");
    String table = glueName(object, "table");
    String owner = object.optionalString("owner");
    String description = object.optionalString("description");
    String formatName = object.requiredString("format");
    ContractFormat format = null;
    if (formatName != null) {
      format = ContractFormat.fromJsonName(formatName).orElse(null);
      if (format == null) {
        problems.add(
            "$.format",
            "unknown format '"
                + formatName
                + "'; expected one of parquet, orc, avro, json, ion, csv, tsv, regex, iceberg,"
                + " view");
      }
    }
    // A view has no files: its contract names none, every other contract must.
    String location =
        format == ContractFormat.VIEW
            ? object.optionalString("data_location")
            : object.requiredString("data_location");
    if (format == ContractFormat.VIEW && location != null) {
      problems.add(
          "$.data_location", "a view has no data location: remove data_location (format view)");
      location = null;
    } else if (location != null && !ContractConstraints.LOCATION.matcher(location).matches()) {
      problems.add(
          "$.data_location",
          "'" + location + "' is not an s3:// location like s3://bucket/prefix/");
    }
    String catalogId = object.optionalString("catalog_id");
    if (catalogId != null && ContractConstraints.catalogIdProblem(catalogId) != null) {
      problems.add("$.catalog_id", ContractConstraints.catalogIdProblem(catalogId));
    }
    FormatOptions options =
        FormatOptionsReader.read(object.optionalObject("format_options"), format);
    if (format == ContractFormat.REGEX && object.field("format_options") == null) {
      // Without format_options there is no input.regex, and a regex table cannot be read.
      problems.add("$.format_options.input.regex", "format regex needs an input.regex");
    }
    List<ContractColumn> columns =
        object.optionalList("columns", element -> column(element, problems, false));
    if (object.field("columns") == null) {
      problems.add("$.columns", "required field is missing");
    } else if (object.field("columns").isArray() && object.field("columns").isEmpty()) {
      problems.add("$.columns", "a contract needs at least one column");
    }
    List<ContractColumn> partitionKeys =
        object.optionalList("partition_keys", element -> column(element, problems, true));
    checkDuplicates(object.field("columns"), object.field("partition_keys"), problems);
    StrictObject policyObject = object.optionalObject("policy");
    Policy policy = policyObject == null ? Policy.EMPTY : policy(policyObject);
    object.rejectUnknownFields("$schema");
    if (version == null
        || database == null
        || table == null
        || (location == null && format != ContractFormat.VIEW)
        || format == null
        || !problems.isEmpty()) {
      return null;
    }
    return new Contract(
        version,
        database,
        table,
        owner,
        description,
        location,
        format,
        options,
        columns,
        partitionKeys,
        policy,
        catalogId);
  }

  private static String glueName(StrictObject object, String field) {
    String name = object.requiredString(field);
    if (name == null) {
      return null;
    }
    if (!ContractConstraints.GLUE_NAME.matcher(name).matches()) {
      String lower = name.toLowerCase(Locale.ROOT);
      String hint =
          ContractConstraints.GLUE_NAME.matcher(lower).matches()
              ? "; Glue folds names to lower case: write '" + lower + "'"
              : "; use 1-255 lower-case letters, digits and underscores";
      object.problems().add(object.childPath(field), "invalid Glue name '" + name + "'" + hint);
      return null;
    }
    return name;
  }

  private static ContractColumn column(
      StrictObject.Element element, Problems problems, boolean partitionKey) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    String name = object.requiredString("name");
    if (name != null) {
      String problem = ContractConstraints.columnNameProblem(name);
      if (problem != null) {
        problems.add(object.childPath("name"), problem);
        name = null;
      }
    }
    String typeText = object.requiredString("type");
    DataType type = null;
    if (typeText != null) {
      try {
        type = TypeParser.parse(typeText);
      } catch (TypeParseException e) {
        problems.add(object.childPath("type"), "invalid type: " + e.getMessage());
      }
    }
    if (partitionKey && type != null && !ContractConstraints.isPrimitive(type)) {
      problems.add(
          object.childPath("type"),
          "a partition key needs a primitive type, not " + type.canonical());
    }
    Boolean required = object.optionalBoolean("required");
    String description = object.optionalString("description");
    List<String> previousNames =
        object.optionalList(
            "previous_names",
            previous -> {
              if (!previous.node().isTextual()) {
                problems.add(
                    previous.path(),
                    "expected a string but found " + StrictObject.describe(previous.node()));
                return null;
              }
              String problem = ContractConstraints.columnNameProblem(previous.node().textValue());
              if (problem != null) {
                problems.add(previous.path(), problem);
                return null;
              }
              return previous.node().textValue();
            });
    Boolean deprecated = object.optionalBoolean("deprecated");
    LocalDate sunset = ContractConstraints.date(object, "sunset");
    if (sunset != null && !Boolean.TRUE.equals(deprecated)) {
      problems.add(object.childPath("sunset"), "a sunset date needs \"deprecated\": true");
    }
    object.rejectUnknownFields();
    if (name == null || type == null) {
      return null;
    }
    return new ContractColumn(
        name, type, required, description, previousNames, Boolean.TRUE.equals(deprecated), sunset);
  }

  private static void checkDuplicates(JsonNode columns, JsonNode partitionKeys, Problems problems) {
    Map<String, String> seen = new HashMap<>();
    checkDuplicates(columns, "$.columns", seen, problems);
    checkDuplicates(partitionKeys, "$.partition_keys", seen, problems);
  }

  private static void checkDuplicates(
      JsonNode list, String path, Map<String, String> seen, Problems problems) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int index = 0; index < list.size(); index++) {
      JsonNode name = list.get(index).get("name");
      if (name == null || !name.isTextual()) {
        continue;
      }
      String here = path + "[" + index + "].name";
      String key = name.textValue().toLowerCase(Locale.ROOT);
      String earlier = seen.putIfAbsent(key, here);
      if (earlier != null) {
        problems.add(
            here,
            "duplicate column '"
                + name.textValue()
                + "' (names are compared ignoring case; first at "
                + earlier
                + ")");
      }
    }
  }

  /** Reads a policy object (a contract's, or the registry defaults'). */
  public static Policy policy(StrictObject object) {
    return PolicyReader.read(object);
  }

  /** Lists the problems as plain lines, for messages that must not carry stack traces. */
  public static List<String> describe(List<dev.schemadrift.json.Problem> problems) {
    List<String> lines = new ArrayList<>();
    problems.forEach(problem -> lines.add(problem.toString()));
    return lines;
  }
}
