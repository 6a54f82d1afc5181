package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.contract.Delimiters;
import dev.schemadrift.contract.FormatOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the SerDe options a contract states with the Glue SerDe's parameters, applying each
 * SerDe's own defaults where Glue leaves a parameter out.
 */
final class SerdeOptions {
  /** A SerDe option's finding path is this prefix and the option's name. */
  static final String PATH_PREFIX = "@serde.";

  private static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.opencsvserde";

  /** Receives one differing option; structural options decide how a line splits into columns. */
  interface Sink {
    void differs(String option, String expected, String actual, boolean structural);
  }

  private SerdeOptions() {}

  static void compare(Contract contract, GlueTable table, Sink sink) {
    FormatOptions options = contract.formatOptions();
    ContractFormat format = contract.format();
    String library = library(table);
    boolean openCsv = library.equals(OPEN_CSV);
    if (format.isDelimitedText()) {
      String expectedDelimiter =
          options.delimiter() != null
              ? options.delimiter()
              : format == ContractFormat.TSV ? "\t" : ",";
      check(sink, "delimiter", expectedDelimiter, delimiter(table, openCsv), true);
      if (options.quote() != null) {
        check(
            sink,
            "quote",
            options.quote(),
            openCsv ? parameter(table, "quoteChar", "\"") : null,
            true);
      }
      if (options.escape() != null) {
        String escape =
            openCsv ? parameter(table, "escapeChar", "\\") : parameter(table, "escape.delim", null);
        check(sink, "escape", options.escape(), escape, true);
      }
      if (options.header() != null) {
        String count = table.parameters().get("skip.header.line.count");
        boolean actualHeader = count != null && !count.strip().equals("0");
        check(sink, "header", options.header().toString(), Boolean.toString(actualHeader), false);
      }
      if (options.serde() != null) {
        check(sink, "serde", options.serde(), openCsv ? "open_csv" : "lazy_simple", true);
      }
    }
    if (format == ContractFormat.REGEX && options.inputRegex() != null) {
      check(
          sink,
          "input.regex",
          options.inputRegex(),
          table.serdeParameters().get("input.regex"),
          true);
    }
    if (format == ContractFormat.JSON) {
      if (options.serde() != null) {
        String actual = library.startsWith("org.openx.") ? "openx" : "hive";
        check(sink, "serde", options.serde(), actual, true);
      }
      if (options.ignoreMalformed() != null) {
        String actual = table.serdeParameters().getOrDefault("ignore.malformed.json", "false");
        check(
            sink,
            "ignore_malformed",
            options.ignoreMalformed().toString(),
            actual.toLowerCase(Locale.ROOT),
            false);
      }
      for (Map.Entry<String, String> mapping : options.mapping().entrySet()) {
        String actual = mappingParameter(table, mapping.getKey());
        check(sink, "mapping." + mapping.getKey(), mapping.getValue(), actual, false);
      }
    }
  }

  /**
   * How a delimited text table or partition splits a line into columns, each SerDe's default filled
   * in: the delimiter, and OpenCSV's quote and escape characters (printable, as in findings).
   */
  static String lineSplitting(GlueTable table) {
    boolean openCsv = OPEN_CSV.equals(library(table));
    String delimiter = "delimiter '" + Delimiters.print(delimiter(table, openCsv)) + "'";
    if (openCsv) {
      return delimiter
          + ", quote '"
          + Delimiters.print(parameter(table, "quoteChar", "\""))
          + "', escape '"
          + Delimiters.print(parameter(table, "escapeChar", "\\"))
          + "'";
    }
    return delimiter;
  }

  /** The table's SerDe class in lower case, or empty. */
  private static String library(GlueTable table) {
    return table.serdeLibrary() == null ? "" : table.serdeLibrary().toLowerCase(Locale.ROOT);
  }

  /** The character a delimited text SerDe splits columns by, its default filled in. */
  private static String delimiter(GlueTable table, boolean openCsv) {
    return openCsv
        ? parameter(table, "separatorChar", ",")
        : parameter(table, "field.delim", parameter(table, "serialization.format", "\u0001"));
  }

  private static String mappingParameter(GlueTable table, String column) {
    for (Map.Entry<String, String> parameter : table.serdeParameters().entrySet()) {
      if (parameter.getKey().equalsIgnoreCase("mapping." + column)) {
        return parameter.getValue();
      }
    }
    return null;
  }

  private static String parameter(GlueTable table, String key, String fallback) {
    String value = table.serdeParameters().get(key);
    return value == null ? fallback : Delimiters.decode(value);
  }

  private static void check(
      Sink sink, String option, String expected, String actual, boolean structural) {
    if (!Objects.equals(expected, actual)) {
      sink.differs(option, Delimiters.print(expected), Delimiters.print(actual), structural);
    }
  }
}
