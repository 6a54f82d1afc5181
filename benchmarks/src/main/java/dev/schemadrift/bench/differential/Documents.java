package dev.schemadrift.bench.differential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.bench.differential.Draft.CatalogColumn;
import dev.schemadrift.bench.differential.Draft.Column;
import dev.schemadrift.bench.differential.PairGenerator.Format;
import dev.schemadrift.bench.differential.PairGenerator.Route;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Writes a draft as the two JSON documents, with its policy, and breaks some on purpose. */
final class Documents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Draft draft;

  Documents(Draft draft) {
    this.draft = draft;
  }

  ObjectNode policy(Route route) {
    ObjectNode policy = NODES.objectNode();
    if (route == Route.MISSING) {
      draft.hint("TABLE_MISSING", "@table");
    }
    if (draft.random.nextInt(4) == 0) {
      policy.put("extra_columns", draft.pick("allow", "warn", "forbid"));
    }
    if (draft.random.nextInt(5) == 0) {
      policy.put("widening", draft.pick("risky", "safe"));
    }
    if (draft.compareComments ? draft.random.nextInt(8) > 0 : draft.random.nextInt(12) == 0) {
      policy.put("compare_comments", true);
    } else if (draft.random.nextInt(20) == 0) {
      policy.put("compare_comments", false);
    }
    if (draft.random.nextInt(10) == 0) {
      policy.put("create_if_missing", draft.random.nextBoolean());
    }
    if (draft.random.nextInt(4) == 0) {
      ArrayNode overrides = policy.putArray("severity_overrides");
      int count = 1 + draft.random.nextInt(3);
      for (int index = 0; index < count; index++) {
        String[] target = target();
        ObjectNode override = overrides.addObject();
        override.put("rule", target[0]);
        if (draft.random.nextInt(6) > 0) {
          override.put("path", target[1]);
        }
        override.put("severity", draft.pick("SAFE", "RISKY", "BREAKING", "OFF"));
      }
    }
    if (draft.random.nextInt(4) == 0) {
      ArrayNode waivers = policy.putArray("waivers");
      int count = 1 + draft.random.nextInt(2);
      for (int index = 0; index < count; index++) {
        String[] target = target();
        ObjectNode waiver = waivers.addObject();
        waiver.put("rule", target[0]);
        waiver.put("path", target[1]);
        waiver.put("reason", draft.pick("Backfill in progress", "Agreed with consumers"));
        waiver.put("owner", "team-" + draft.random.nextInt(5) + "@example.org");
        waiver.put("expires", draft.pick(Draft.DATES));
      }
    }
    return policy;
  }

  /** A rule and a path glob, aimed at one of the mutations most of the time. */
  String[] target() {
    String rule;
    String path;
    if (!draft.hints.isEmpty() && draft.random.nextInt(10) < 7) {
      String[] hint = draft.hints.get(draft.random.nextInt(draft.hints.size()));
      rule = hint[0];
      path = hint[1];
    } else {
      rule = draft.pick(Draft.RULES);
      path = draft.columns.get(draft.random.nextInt(draft.columns.size())).name;
    }
    String glob =
        switch (draft.random.nextInt(10)) {
          case 0, 1 -> "*";
          case 2 -> path.toUpperCase(Locale.ROOT);
          case 3 -> path.length() > 2 ? path.substring(0, 2) + "*" : path + "*";
          case 4 -> path.length() > 1 ? "?" + path.substring(1) : path;
          case 5 -> "no_such_column";
          default -> path;
        };
    return new String[] {rule, glob};
  }

  ObjectNode contract(ObjectNode policy) {
    ObjectNode contract = NODES.objectNode();
    if (draft.random.nextInt(10) == 0) {
      contract.put("$schema", "../../docs/schemas/contract.schema.json");
    }
    contract.put(
        "contract_version",
        draft.random.nextInt(3)
            + "."
            + draft.random.nextInt(10)
            + "."
            + draft.random.nextInt(10)
            + (draft.random.nextInt(10) == 0 ? "-rc.1" : ""));
    contract.put("database", draft.database);
    contract.put("table", draft.table);
    if (draft.random.nextBoolean()) {
      contract.put("owner", "data-team@example.org");
    }
    if (draft.random.nextInt(3) == 0) {
      contract.put("description", "Generated table " + draft.table + ".");
    }
    contract.put("data_location", draft.location);
    contract.put("format", draft.format.jsonName());
    ObjectNode options = formatOptions();
    if (!options.isEmpty() || draft.format == Format.REGEX || draft.random.nextInt(10) == 0) {
      contract.set("format_options", options);
    }
    ArrayNode columnArray = contract.putArray("columns");
    for (Column column : draft.columns) {
      columnArray.add(column(column));
    }
    if (!draft.keys.isEmpty() || draft.random.nextInt(10) == 0) {
      ArrayNode keyArray = contract.putArray("partition_keys");
      for (Column key : draft.keys) {
        keyArray.add(column(key));
      }
    }
    if (!policy.isEmpty() || draft.random.nextInt(10) == 0) {
      contract.set("policy", policy);
    }
    return contract;
  }

  ObjectNode column(Column column) {
    ObjectNode node = NODES.objectNode();
    node.put("name", column.name);
    node.put(
        "type",
        draft.random.nextInt(6) == 0 ? column.type.printVaried(draft.random) : column.type.print());
    if (column.required != null) {
      node.put("required", column.required);
    }
    if (column.description != null) {
      node.put("description", column.description);
    }
    if (!column.previousNames.isEmpty()) {
      ArrayNode previous = node.putArray("previous_names");
      column.previousNames.forEach(previous::add);
    }
    if (column.deprecated) {
      node.put("deprecated", true);
      if (column.sunset != null) {
        node.put("sunset", column.sunset);
      }
    }
    return node;
  }

  ObjectNode formatOptions() {
    ObjectNode options = NODES.objectNode();
    if (draft.delimiter != null) {
      options.put("delimiter", draft.delimiter);
    }
    if (draft.quote != null) {
      options.put("quote", draft.quote);
    }
    if (draft.escape != null) {
      options.put("escape", draft.escape);
    }
    if (draft.header != null) {
      options.put("header", draft.header);
    }
    if (draft.serdeOption != null) {
      options.put("serde", draft.serdeOption);
    }
    if (draft.inputRegex != null) {
      options.put("input.regex", draft.inputRegex);
    }
    if (draft.columnAccess != null) {
      options.put("column_access", draft.columnAccess);
    }
    if (draft.ignoreMalformed != null) {
      options.put("ignore_malformed", draft.ignoreMalformed);
    }
    if (!draft.mapping.isEmpty()) {
      ObjectNode map = options.putObject("mapping");
      draft.mapping.forEach(map::put);
    }
    return options;
  }

  ObjectNode catalog() {
    ObjectNode node = NODES.objectNode();
    node.put("Name", draft.table);
    node.put("DatabaseName", draft.database);
    if (draft.tableType != null) {
      node.put("TableType", draft.tableType);
    }
    ObjectNode parameters = node.putObject("Parameters");
    draft.tableParameters.forEach(parameters::put);
    if (draft.hasStorage) {
      ObjectNode storage = node.putObject("StorageDescriptor");
      ArrayNode columnArray = storage.putArray("Columns");
      for (CatalogColumn column : draft.catalogColumns) {
        columnArray.add(catalogColumn(column));
      }
      if (draft.format == Format.ICEBERG || draft.tableParameters.containsKey("table_type")) {
        for (CatalogColumn column : draft.history) {
          columnArray.add(catalogColumn(column));
        }
      }
      if (draft.catalogLocation != null) {
        storage.put("Location", draft.catalogLocation);
      }
      if (draft.inputFormat != null) {
        storage.put("InputFormat", draft.inputFormat);
      }
      if (draft.outputFormat != null) {
        storage.put("OutputFormat", draft.outputFormat);
      }
      if (draft.hasSerdeInfo) {
        ObjectNode serdeInfo = storage.putObject("SerdeInfo");
        if (draft.serde != null) {
          serdeInfo.put("SerializationLibrary", draft.serde);
        }
        ObjectNode serdeParameterNode = serdeInfo.putObject("Parameters");
        draft.serdeParameters.forEach(serdeParameterNode::put);
      }
      storage.put("Compressed", false);
    }
    ArrayNode keyArray = node.putArray("PartitionKeys");
    for (CatalogColumn key : draft.catalogKeys) {
      keyArray.add(catalogColumn(key));
    }
    node.put("VersionId", String.valueOf(1 + draft.random.nextInt(40)));
    if (draft.random.nextBoolean()) {
      node.put("UpdateTime", "2026-05-" + (10 + draft.random.nextInt(20)) + "T10:00:00+02:00");
    } else if (draft.random.nextInt(4) > 0) {
      node.put("UpdateTime", 1_780_000_000.5 + draft.random.nextInt(1_000_000));
    }
    node.put("CreatedBy", "arn:aws:sts::123456789012:assumed-role/etl");
    return node;
  }

  ObjectNode catalogColumn(CatalogColumn column) {
    ObjectNode node = NODES.objectNode();
    node.put("Name", column.name);
    node.put("Type", column.typeText != null ? column.typeText : column.type.print());
    if (column.comment != null) {
      node.put("Comment", column.comment);
    }
    if (draft.format == Format.ICEBERG || draft.tableFormat == Format.ICEBERG) {
      ObjectNode parameters = node.putObject("Parameters");
      parameters.put("iceberg.field.id", String.valueOf(column.fieldId));
      parameters.put("iceberg.field.optional", String.valueOf(column.optional));
      parameters.put("iceberg.field.current", String.valueOf(column.current));
    }
    return node;
  }

  JsonNode wrap(ObjectNode catalog) {
    return switch (draft.random.nextInt(3)) {
      case 0 -> catalog;
      case 1 -> NODES.objectNode().set("Table", catalog);
      default -> {
        ObjectNode list = NODES.objectNode();
        list.putArray("TableList").add(catalog);
        yield list;
      }
    };
  }

  /** A contract the reader must refuse, with its own message. */
  void breakContract(ObjectNode contract) {
    ArrayNode columnArray = (ArrayNode) contract.get("columns");
    ObjectNode first = (ObjectNode) columnArray.get(0);
    switch (draft.random.nextInt(8)) {
      case 0 ->
          first.put("type", draft.pick("strnig", "decimal(40,2)", "varchar(0)", "struct<a int>"));
      case 1 ->
          columnArray
              .addObject()
              .put("name", first.get("name").asText().toUpperCase(Locale.ROOT))
              .put("type", "int");
      case 2 ->
          contract
              .putArray("partition_keys")
              .addObject()
              .put("name", "p_struct")
              .put("type", "struct<a:int>");
      case 3 -> first.put("sunset", "2027-01-01").remove("deprecated");
      case 4 -> contract.put("database", "Sales");
      case 5 -> contract.put("colums", "typo");
      case 6 -> contract.put("data_location", "https://example.org/data/");
      default -> {
        ObjectNode policy =
            contract.get("policy") instanceof ObjectNode existing
                ? existing
                : contract.putObject("policy");
        policy
            .putArray("severity_overrides")
            .addObject()
            .put("rule", "COLUMN_VANISHED")
            .put("severity", "LOUD");
        policy.put("extra_columns", "maybe");
      }
    }
  }

  /** A Glue document the table reader must refuse. */
  void breakTable(ObjectNode catalog) {
    switch (draft.random.nextInt(3)) {
      case 0 -> {
        if (catalog.get("StorageDescriptor") instanceof ObjectNode storage) {
          ((ArrayNode) storage.get("Columns")).addObject().put("Name", "untyped");
        } else {
          catalog.remove("Name");
        }
      }
      case 1 -> catalog.remove("DatabaseName");
      default -> catalog.put("PartitionKeys", "none");
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
