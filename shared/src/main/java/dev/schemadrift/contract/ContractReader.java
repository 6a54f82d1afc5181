package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads contract JSON strictly: every unknown field, wrong type, missing field, duplicate column,
 * bad type string or bad name is reported with the file and its JSON path, all in one go.
 */
public final class ContractReader {
  // Package-visible: the ODCS reader must accept exactly what a JSON contract may hold.
  static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");
  static final Pattern GLUE_NAME = Pattern.compile("[a-z0-9_]{1,255}");
  static final Pattern LOCATION =
      Pattern.compile("s3[an]?://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?");
  private static final int MAX_COLUMN_NAME = 255;

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
    return name != null && GLUE_NAME.matcher(name).matches();
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
    if (version != null && !SEMVER.matcher(version).matches()) {
      problems.add("$.contract_version", "'" + version + "' is not a semantic version like 1.2.0");
    }
    String database = glueName(object, "database");
    String table = glueName(object, "table");
    String owner = object.optionalString("owner");
    String description = object.optionalString("description");
    String location = object.requiredString("data_location");
    if (location != null && !LOCATION.matcher(location).matches()) {
      problems.add(
          "$.data_location",
          "'" + location + "' is not an s3:// location like s3://bucket/prefix/");
    }
    String formatName = object.requiredString("format");
    ContractFormat format = null;
    if (formatName != null) {
      format = ContractFormat.fromJsonName(formatName).orElse(null);
      if (format == null) {
        problems.add(
            "$.format",
            "unknown format '"
                + formatName
                + "'; expected one of parquet, orc, avro, json, ion, csv, tsv, regex, iceberg");
      }
    }
    FormatOptions options = formatOptions(object.optionalObject("format_options"), format);
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
        || location == null
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
        policy);
  }

  private static String glueName(StrictObject object, String field) {
    String name = object.requiredString(field);
    if (name == null) {
      return null;
    }
    if (!GLUE_NAME.matcher(name).matches()) {
      String lower = name.toLowerCase(Locale.ROOT);
      String hint =
          GLUE_NAME.matcher(lower).matches()
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
      String problem = columnNameProblem(name);
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
    if (partitionKey && type != null && !isPrimitive(type)) {
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
              String problem = columnNameProblem(previous.node().textValue());
              if (problem != null) {
                problems.add(previous.path(), problem);
                return null;
              }
              return previous.node().textValue();
            });
    Boolean deprecated = object.optionalBoolean("deprecated");
    LocalDate sunset = date(object, "sunset");
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

  static boolean isPrimitive(DataType type) {
    return switch (type) {
      case DataType.Primitive primitive -> true;
      case DataType.Decimal decimal -> true;
      case DataType.Char fixed -> true;
      case DataType.Varchar varying -> true;
      case DataType.Array array -> false;
      case DataType.Map map -> false;
      case DataType.Struct struct -> false;
      case DataType.Union union -> false;
    };
  }

  /** Glue accepts almost any single-line name; we reject what no reader could use. */
  static String columnNameProblem(String name) {
    if (name.isBlank()) {
      return "a column name must not be empty";
    }
    if (name.length() > MAX_COLUMN_NAME) {
      return "a column name must be at most " + MAX_COLUMN_NAME + " characters";
    }
    for (int index = 0; index < name.length(); index++) {
      if (Character.isISOControl(name.charAt(index))) {
        return "a column name must not contain control characters (at character " + index + ")";
      }
    }
    if (!name.equals(name.strip())) {
      return "a column name must not start or end with white space";
    }
    return null;
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

  private static FormatOptions formatOptions(StrictObject object, ContractFormat format) {
    if (object == null) {
      return FormatOptions.NONE;
    }
    Problems problems = object.problems();
    String delimiter =
        character(object, "delimiter", format, Set.of(ContractFormat.CSV, ContractFormat.TSV));
    String quote = character(object, "quote", format, Set.of(ContractFormat.CSV));
    String escape =
        character(object, "escape", format, Set.of(ContractFormat.CSV, ContractFormat.TSV));
    Boolean header = object.optionalBoolean("header");
    onlyFor(object, "header", header, format, Set.of(ContractFormat.CSV, ContractFormat.TSV));
    String serde = object.optionalString("serde");
    if (serde != null && format != null) {
      Set<String> allowed =
          switch (format) {
            case CSV, TSV -> Set.of("lazy_simple", "open_csv");
            case JSON -> Set.of("openx", "hive");
            case PARQUET, ORC, AVRO, ION, REGEX, ICEBERG -> Set.of();
          };
      if (!allowed.contains(serde)) {
        problems.add(
            object.childPath("serde"),
            allowed.isEmpty()
                ? "not an option of format " + format.jsonName()
                : "unknown serde '"
                    + serde
                    + "'; expected one of "
                    + String.join(", ", sorted(allowed)));
        serde = null;
      }
    }
    String inputRegex = object.optionalString("input.regex");
    onlyFor(object, "input.regex", inputRegex, format, Set.of(ContractFormat.REGEX));
    if (inputRegex != null) {
      try {
        Pattern.compile(inputRegex);
      } catch (java.util.regex.PatternSyntaxException e) {
        problems.add(
            object.childPath("input.regex"),
            "not a valid regular expression: " + e.getDescription());
      }
    }
    String accessText = object.optionalString("column_access");
    FormatOptions.ColumnAccess access = null;
    if (accessText != null) {
      access =
          switch (accessText) {
            case "name" -> FormatOptions.ColumnAccess.NAME;
            case "index" -> FormatOptions.ColumnAccess.INDEX;
            default -> {
              problems.add(object.childPath("column_access"), "expected 'name' or 'index'");
              yield null;
            }
          };
      onlyFor(
          object,
          "column_access",
          access,
          format,
          Set.of(ContractFormat.PARQUET, ContractFormat.ORC));
    }
    Boolean ignoreMalformed = object.optionalBoolean("ignore_malformed");
    onlyFor(object, "ignore_malformed", ignoreMalformed, format, Set.of(ContractFormat.JSON));
    Map<String, String> mapping = new LinkedHashMap<>();
    StrictObject mappingObject = object.optionalObject("mapping");
    if (mappingObject != null) {
      onlyFor(object, "mapping", mappingObject, format, Set.of(ContractFormat.JSON));
      for (String column : mappingObject.fieldNames()) {
        String key = mappingObject.optionalString(column);
        if (key != null) {
          mapping.put(column.toLowerCase(Locale.ROOT), key);
        }
      }
    }
    if (format == ContractFormat.REGEX && inputRegex == null) {
      problems.add(object.childPath("input.regex"), "format regex needs an input.regex");
    }
    object.rejectUnknownFields();
    return new FormatOptions(
        delimiter, quote, escape, header, serde, inputRegex, access, ignoreMalformed, mapping);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static String character(
      StrictObject object, String field, ContractFormat format, Set<ContractFormat> formats) {
    String value = object.optionalString(field);
    if (value == null) {
      return null;
    }
    onlyFor(object, field, value, format, formats);
    String decoded = Delimiters.decode(value);
    if (decoded.codePointCount(0, decoded.length()) != 1) {
      object
          .problems()
          .add(
              object.childPath(field),
              "expected one character (or an escape like \\t), found '" + value + "'");
      return null;
    }
    return decoded;
  }

  private static void onlyFor(
      StrictObject object,
      String field,
      Object value,
      ContractFormat format,
      Set<ContractFormat> formats) {
    if (value != null && format != null && !formats.contains(format)) {
      object
          .problems()
          .add(object.childPath(field), "not an option of format " + format.jsonName());
    }
  }

  /** Reads a policy object (a contract's, or the registry defaults'). */
  public static Policy policy(StrictObject object) {
    Problems problems = object.problems();
    Policy.ExtraColumns extra =
        choice(object, "extra_columns", Policy.ExtraColumns.class, "allow, warn, forbid");
    Policy.Widening widening = choice(object, "widening", Policy.Widening.class, "risky, safe");
    Boolean compareComments = object.optionalBoolean("compare_comments");
    Boolean createIfMissing = object.optionalBoolean("create_if_missing");
    List<Policy.SeverityOverride> overrides =
        object.optionalList(
            "severity_overrides",
            element -> {
              StrictObject override = StrictObject.of(element.node(), element.path(), problems);
              if (override == null) {
                return null;
              }
              RuleId rule = ruleId(override);
              String path = glob(override, false);
              String level = override.requiredString("severity");
              Policy.OverrideLevel severity =
                  Spelling.NAME.parse(Policy.OverrideLevel.class, level).orElse(null);
              if (level != null && severity == null) {
                problems.add(
                    override.childPath("severity"),
                    "unknown severity '" + level + "'; expected SAFE, RISKY, BREAKING or OFF");
              }
              override.rejectUnknownFields();
              return rule == null || severity == null
                  ? null
                  : new Policy.SeverityOverride(rule, path, severity);
            });
    List<Policy.Waiver> waivers =
        object.optionalList(
            "waivers",
            element -> {
              StrictObject waiver = StrictObject.of(element.node(), element.path(), problems);
              if (waiver == null) {
                return null;
              }
              RuleId rule = ruleId(waiver);
              String path = glob(waiver, true);
              String reason = nonBlank(waiver, "reason");
              String owner = nonBlank(waiver, "owner");
              LocalDate expires = date(waiver, "expires");
              if (expires == null && waiver.field("expires") == null) {
                problems.add(waiver.childPath("expires"), "required field is missing");
              }
              waiver.rejectUnknownFields();
              return rule == null
                      || path == null
                      || reason == null
                      || owner == null
                      || expires == null
                  ? null
                  : new Policy.Waiver(rule, path, reason, owner, expires);
            });
    object.rejectUnknownFields();
    return new Policy(extra, widening, compareComments, createIfMissing, overrides, waivers);
  }

  private static String nonBlank(StrictObject object, String field) {
    String value = object.requiredString(field);
    if (value != null && value.isBlank()) {
      object.problems().add(object.childPath(field), "must not be empty");
      return null;
    }
    return value;
  }

  private static String glob(StrictObject object, boolean required) {
    String path = required ? object.requiredString("path") : object.optionalString("path");
    if (path != null && path.isEmpty()) {
      object.problems().add(object.childPath("path"), "must not be empty (use * for every path)");
      return null;
    }
    return path;
  }

  private static RuleId ruleId(StrictObject object) {
    String name = object.requiredString("rule");
    RuleId rule = Spelling.NAME.parse(RuleId.class, name).orElse(null);
    if (name != null && rule == null) {
      object.problems().add(object.childPath("rule"), "unknown rule id '" + name + "'");
    }
    return rule;
  }

  private static <E extends Enum<E>> E choice(
      StrictObject object, String field, Class<E> type, String expected) {
    String value = object.optionalString(field);
    E constant = Spelling.LOWER_CASE.parse(type, value).orElse(null);
    if (value != null && constant == null) {
      object
          .problems()
          .add(
              object.childPath(field),
              "unknown value '" + value + "'; expected one of " + expected);
    }
    return constant;
  }

  private static LocalDate date(StrictObject object, String field) {
    String text = object.optionalString(field);
    if (text == null) {
      return null;
    }
    try {
      if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("pattern", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      object
          .problems()
          .add(object.childPath(field), "'" + text + "' is not a date like 2027-03-31");
      return null;
    }
  }

  /** Lists the problems as plain lines, for messages that must not carry stack traces. */
  public static List<String> describe(List<dev.schemadrift.json.Problem> problems) {
    List<String> lines = new ArrayList<>();
    problems.forEach(problem -> lines.add(problem.toString()));
    return lines;
  }
}
