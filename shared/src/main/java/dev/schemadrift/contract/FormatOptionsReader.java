package dev.schemadrift.contract;

import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a JSON contract's format_options strictly: each option is checked against the format it
 * belongs to, so that an option the table's SerDe would ignore is reported instead.
 */
final class FormatOptionsReader {
  private FormatOptionsReader() {}

  static FormatOptions read(StrictObject object, ContractFormat format) {
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
            case PARQUET, ORC, AVRO, ION, REGEX, ICEBERG, VIEW -> Set.of();
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
      } catch (PatternSyntaxException e) {
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
}
