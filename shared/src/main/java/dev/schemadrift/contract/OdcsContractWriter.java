package dev.schemadrift.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a contract as an ODCS v3 YAML document: one glue server (database, location, format), one
 * schema object (the table) and a property per column, partition keys marked {@code partitioned}.
 * {@link OdcsContractReader#read(String, byte[])} reads the document back to the same contract;
 * what ODCS cannot state is refused, not dropped.
 */
public final class OdcsContractWriter {
  /** The ODCS version written; {@code deprecated} on a property needs v3.2. */
  static final String API_VERSION = "v3.0.2";

  static final String API_VERSION_WITH_DEPRECATED = "v3.2.0";

  private OdcsContractWriter() {}

  /**
   * Why this contract cannot be written as ODCS (each naming the field, as the JSON contract spells
   * it), or an empty list when it can.
   */
  public static List<String> unstatable(Contract contract) {
    List<String> problems = new ArrayList<>();
    if (contract.format() == ContractFormat.REGEX) {
      problems.add("format regex: ODCS cannot state its input.regex");
    }
    FormatOptions options = contract.formatOptions();
    boolean delimited = contract.format().isDelimitedText();
    if (options.delimiter() != null && !delimited) {
      problems.add("format_options.delimiter: ODCS states a delimiter for csv and tsv only");
    }
    if (options.quote() != null) {
      problems.add("format_options.quote");
    }
    if (options.escape() != null) {
      problems.add("format_options.escape");
    }
    if (options.header() != null) {
      problems.add("format_options.header");
    }
    if (options.serde() != null) {
      problems.add("format_options.serde (" + options.serde() + ")");
    }
    if (options.inputRegex() != null) {
      problems.add("format_options.input.regex");
    }
    if (options.columnAccess() != null) {
      problems.add("format_options.column_access");
    }
    if (options.ignoreMalformed() != null) {
      problems.add("format_options.ignore_malformed");
    }
    if (!options.mapping().isEmpty()) {
      problems.add("format_options.mapping");
    }
    String location = contract.dataLocation();
    // The reader completes a location with '/' and reads '*' and '{model}' as patterns.
    if (!location.endsWith("/") || location.contains("*") || location.contains("{")) {
      problems.add(
          "data_location '" + location + "': ODCS locations end with / and hold no * or {");
    }
    if (!contract.policy().equals(Policy.EMPTY)) {
      problems.add("policy: ODCS cannot state one (the registry's defaults.policy can)");
    }
    List<ContractColumn> all = new ArrayList<>(contract.columns());
    all.addAll(contract.partitionKeys());
    for (ContractColumn column : all) {
      if (!column.previousNames().isEmpty()) {
        problems.add("previous_names of column '" + column.name() + "'");
      }
      if (column.sunset() != null) {
        problems.add("sunset of column '" + column.name() + "'");
      }
    }
    return problems;
  }

  /**
   * The ODCS document; throws {@link IllegalArgumentException} naming every field ODCS cannot state
   * (see {@link #unstatable}).
   */
  public static byte[] write(Contract contract) {
    List<String> problems = unstatable(contract);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "ODCS cannot state " + String.join("; ", problems) + " (a JSON contract can)");
    }
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(100)
            .build();
    String yaml = new Dump(settings).dumpToString(document(contract));
    return yaml.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> document(Contract contract) {
    boolean deprecated =
        contract.columns().stream().anyMatch(ContractColumn::deprecated)
            || contract.partitionKeys().stream().anyMatch(ContractColumn::deprecated);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", deprecated ? API_VERSION_WITH_DEPRECATED : API_VERSION);
    document.put("kind", "DataContract");
    document.put("id", contract.qualifiedName());
    document.put("name", contract.table());
    document.put("version", contract.contractVersion());
    document.put("status", "active");
    if (contract.owner() != null) {
      document.put("customProperties", List.of(property("owner", contract.owner())));
    }
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("server", "glue");
    server.put("type", "glue");
    server.put("database", contract.database());
    server.put("location", contract.dataLocation());
    server.put("format", contract.format().jsonName());
    if (contract.formatOptions().delimiter() != null) {
      server.put("delimiter", Delimiters.print(contract.formatOptions().delimiter()));
    }
    document.put("servers", List.of(server));
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("name", contract.table());
    table.put("physicalName", contract.table());
    table.put("physicalType", "table");
    if (contract.description() != null) {
      table.put("description", contract.description());
    }
    List<Map<String, Object>> properties = new ArrayList<>();
    for (ContractColumn column : contract.columns()) {
      properties.add(property(column, 0));
    }
    int position = 0;
    for (ContractColumn key : contract.partitionKeys()) {
      properties.add(property(key, ++position));
    }
    table.put("properties", properties);
    document.put("schema", List.of(table));
    return document;
  }

  private static Map<String, Object> property(String name, String value) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("property", name);
    property.put("value", value);
    return property;
  }

  /** A column; {@code partitionPosition} is its 1-based place among the partition keys, or 0. */
  private static Map<String, Object> property(ContractColumn column, int partitionPosition) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("name", column.name());
    property.put("physicalType", column.type().canonical());
    if (column.required() != null) {
      property.put("required", column.required());
    }
    if (column.description() != null) {
      property.put("description", column.description());
    }
    if (column.deprecated()) {
      property.put("deprecated", true);
    }
    if (partitionPosition > 0) {
      property.put("partitioned", true);
      property.put("partitionKeyPosition", partitionPosition);
    }
    return property;
  }
}
