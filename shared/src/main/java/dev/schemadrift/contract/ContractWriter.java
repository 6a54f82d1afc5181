package dev.schemadrift.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a contract as JSON in the documented field order, leaving out what was not stated, so that
 * {@code ContractReader.read(write(c))} equals {@code c} and files diff cleanly in review.
 */
public final class ContractWriter {
  private ContractWriter() {}

  public static byte[] write(Contract contract) {
    return Json.writePretty(json -> write(json, contract));
  }

  private static void write(JsonGenerator json, Contract contract) throws IOException {
    json.writeStartObject();
    json.writeStringField("contract_version", contract.contractVersion());
    json.writeStringField("database", contract.database());
    json.writeStringField("table", contract.table());
    optional(json, "owner", contract.owner());
    optional(json, "description", contract.description());
    optional(json, "catalog_id", contract.catalogId());
    optional(json, "data_location", contract.dataLocation());
    json.writeStringField("format", contract.format().jsonName());
    writeOptions(json, contract.formatOptions());
    writeColumns(json, "columns", contract.columns());
    if (!contract.partitionKeys().isEmpty()) {
      writeColumns(json, "partition_keys", contract.partitionKeys());
    }
    writePolicy(json, contract.policy());
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static void writeOptions(JsonGenerator json, FormatOptions options) throws IOException {
    if (options.equals(FormatOptions.NONE)) {
      return;
    }
    json.writeObjectFieldStart("format_options");
    optional(json, "delimiter", Delimiters.print(options.delimiter()));
    optional(json, "quote", options.quote());
    optional(json, "escape", Delimiters.print(options.escape()));
    if (options.header() != null) {
      json.writeBooleanField("header", options.header());
    }
    optional(json, "serde", options.serde());
    optional(json, "input.regex", options.inputRegex());
    if (options.columnAccess() != null) {
      json.writeStringField(
          "column_access", options.columnAccess().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (options.ignoreMalformed() != null) {
      json.writeBooleanField("ignore_malformed", options.ignoreMalformed());
    }
    if (!options.mapping().isEmpty()) {
      json.writeObjectFieldStart("mapping");
      for (Map.Entry<String, String> entry : options.mapping().entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeColumns(JsonGenerator json, String field, List<ContractColumn> columns)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (ContractColumn column : columns) {
      json.writeStartObject();
      json.writeStringField("name", column.name());
      json.writeStringField("type", column.type().canonical());
      if (column.required() != null) {
        json.writeBooleanField("required", column.required());
      }
      optional(json, "description", column.description());
      if (!column.previousNames().isEmpty()) {
        json.writeArrayFieldStart("previous_names");
        for (String name : column.previousNames()) {
          json.writeString(name);
        }
        json.writeEndArray();
      }
      if (column.deprecated()) {
        json.writeBooleanField("deprecated", true);
      }
      if (column.sunset() != null) {
        json.writeStringField("sunset", column.sunset().toString());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writePolicy(JsonGenerator json, Policy policy) throws IOException {
    if (policy.equals(Policy.EMPTY)) {
      return;
    }
    json.writeObjectFieldStart("policy");
    if (policy.extraColumns() != null) {
      json.writeStringField(
          "extra_columns", policy.extraColumns().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (policy.widening() != null) {
      json.writeStringField(
          "widening", policy.widening().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (policy.compareComments() != null) {
      json.writeBooleanField("compare_comments", policy.compareComments());
    }
    if (policy.createIfMissing() != null) {
      json.writeBooleanField("create_if_missing", policy.createIfMissing());
    }
    if (!policy.severityOverrides().isEmpty()) {
      json.writeArrayFieldStart("severity_overrides");
      for (Policy.SeverityOverride override : policy.severityOverrides()) {
        json.writeStartObject();
        json.writeStringField("rule", override.rule().name());
        json.writeStringField("path", override.path());
        json.writeStringField("severity", override.severity().name());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (!policy.waivers().isEmpty()) {
      json.writeArrayFieldStart("waivers");
      for (Policy.Waiver waiver : policy.waivers()) {
        json.writeStartObject();
        json.writeStringField("rule", waiver.rule().name());
        json.writeStringField("path", waiver.path());
        json.writeStringField("reason", waiver.reason());
        json.writeStringField("owner", waiver.owner());
        json.writeStringField("expires", waiver.expires().toString());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
