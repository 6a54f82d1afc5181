package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.json.Yaml;
import dev.schemadrift.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an Open Data Contract Standard (ODCS) v3 YAML document into the same {@link Contract} a
 * JSON contract gives: one schema object becomes one Glue table. Every mapping rule, and every
 * choice where ODCS is silent, is in docs/CONTRACTS.md.
 *
 * <p>Unlike the JSON reader this one does not reject fields it does not know: ODCS documents carry
 * quality rules, prices, SLAs and more that say nothing about a Glue table.
 */
public final class OdcsContractReader {
  private static final Pattern API_VERSION = Pattern.compile("v3\\.\\d+\\.\\d+");

  private OdcsContractReader() {}

  /**
   * What the caller knows about the deployment. A value that is set replaces what the document says
   * (a note records the replacement) or fills what it leaves out; {@code table} and {@code server}
   * choose a schema object and a server among several.
   *
   * @param server the {@code server} id to read database, location and format from
   * @param database the Glue database
   * @param table the schema object to read (its name or physicalName)
   * @param location the table's S3 location
   * @param format the storage format
   * @param standInTypes let string stand in where the document leaves a type open (bare map, array
   *     without items, object without properties, time), each with a note
   */
  public record Defaults(
      String server,
      String database,
      String table,
      String location,
      ContractFormat format,
      boolean standInTypes) {
    /** Nothing supplied: the document must say everything. */
    public static final Defaults NONE = new Defaults(null, null, null, null, null, false);

    public Defaults withServer(String newServer) {
      return new Defaults(newServer, database, table, location, format, standInTypes);
    }

    public Defaults withDatabase(String newDatabase) {
      return new Defaults(server, newDatabase, table, location, format, standInTypes);
    }

    public Defaults withTable(String newTable) {
      return new Defaults(server, database, newTable, location, format, standInTypes);
    }

    public Defaults withLocation(String newLocation) {
      return new Defaults(server, database, table, newLocation, format, standInTypes);
    }

    public Defaults withFormat(ContractFormat newFormat) {
      return new Defaults(server, database, table, location, newFormat, standInTypes);
    }

    public Defaults withStandInTypes(boolean allowed) {
      return new Defaults(server, database, table, location, format, allowed);
    }
  }

  /**
   * A contract and the notes about it: every assumption, stand-in type and caller replacement, so
   * that a tool can show what the document did not say itself.
   */
  public record Imported(Contract contract, List<Problem> notes) {
    public Imported {
      Objects.requireNonNull(contract, "contract");
      notes = List.copyOf(notes);
    }
  }

  /** Reads a contract whose document says everything itself (one table, an AWS server). */
  public static Contract read(String source, byte[] yaml) {
    return read(source, yaml, Defaults.NONE);
  }

  /** Reads the schema object named {@code tableName} (its name or physicalName). */
  public static Contract read(String source, byte[] yaml, String tableName) {
    return read(source, yaml, Defaults.NONE.withTable(tableName));
  }

  public static Contract read(String source, byte[] yaml, Defaults defaults) {
    return importContract(source, yaml, defaults).contract();
  }

  /**
   * Reads a contract with the notes about it; throws {@link
   * dev.schemadrift.json.InvalidDocumentException} with every problem, each naming the source and a
   * path such as {@code $.schema[0].properties[2].physicalType}.
   */
  public static Imported importContract(String source, byte[] yaml, Defaults defaults) {
    JsonNode root = Yaml.readTree(source, yaml);
    Reading reading = new Reading(source, defaults == null ? Defaults.NONE : defaults);
    Contract contract = reading.contract(root);
    reading.problems.throwIfAny();
    return new Imported(contract, reading.notes);
  }

  /** The server types that describe a table in the Glue Data Catalog. */
  private enum ServerType {
    GLUE,
    ATHENA,
    S3;

    static ServerType of(String spelling) {
      for (ServerType type : values()) {
        if (type.name().equalsIgnoreCase(spelling)) {
          return type;
        }
      }
      return null;
    }
  }

  private record Server(StrictObject object, ServerType type, String id) {
    String label() {
      return (id == null ? object.path() : "'" + id + "'")
          + " ("
          + type.name().toLowerCase(Locale.ROOT)
          + ")";
    }
  }

  /** A value read from the document and where it was. */
  private record Found(String value, String path) {}

  private record Column(ContractColumn column, String namePath) {}

  private record PartitionKey(Column column, int position, int index, String path) {}

  /** One read of one document: problems and notes accumulate so that all are reported. */
  private static final class Reading {
    private final String source;
    private final Defaults defaults;
    private final Problems problems;
    private final List<Problem> notes = new ArrayList<>();
    private final OdcsTypes types;
    private List<Server> servers = List.of();
    private boolean documentHasServers;

    Reading(String source, Defaults defaults) {
      this.source = source;
      this.defaults = defaults;
      this.problems = new Problems(source);
      this.types = new OdcsTypes(source, problems, notes, defaults.standInTypes());
    }

    Contract contract(JsonNode root) {
      StrictObject document = StrictObject.of(root, "$", problems);
      if (document == null) {
        return null;
      }
      checkStandard(document);
      String version = version(document);
      StrictObject table = chooseTable(document);
      servers = servers(document);
      String tableName = table == null ? null : tableName(table);
      String database = database(table);
      String location = location(table);
      ContractFormat format = format(document, table);
      FormatOptions options = formatOptions(format);
      String owner = owner(document);
      String description = description(document, table);
      List<Column> columns = new ArrayList<>();
      List<Column> partitionKeys = new ArrayList<>();
      if (table != null) {
        columns(table, columns, partitionKeys);
      }
      if (!problems.isEmpty()
          || version == null
          || tableName == null
          || database == null
          || location == null
          || format == null) {
        return null;
      }
      return new Contract(
          version,
          database,
          tableName,
          owner,
          description,
          location,
          format,
          options,
          columns.stream().map(Column::column).toList(),
          partitionKeys.stream().map(Column::column).toList(),
          Policy.EMPTY);
    }

    private void checkStandard(StrictObject document) {
      String apiVersion = document.requiredString("apiVersion");
      if (apiVersion != null && !API_VERSION.matcher(apiVersion).matches()) {
        problems.add(
            "$.apiVersion",
            "'" + apiVersion + "' is not an ODCS v3 version; only v3.x.y documents are read");
      }
      String kind = document.optionalString("kind");
      if (kind != null && !kind.equals("DataContract")) {
        problems.add("$.kind", "'" + kind + "' is not DataContract");
      }
    }

    private String version(StrictObject document) {
      String version = document.requiredString("version");
      if (version != null && !ContractReader.SEMVER.matcher(version).matches()) {
        problems.add(
            "$.version",
            "'" + version + "' is not a semantic version like 1.2.0 (it becomes contract_version)");
        return null;
      }
      return version;
    }

    // ------------------------------------------------------------------ the table

    /** The schema object this contract is about, or null with a problem recorded. */
    private StrictObject chooseTable(StrictObject document) {
      JsonNode list = document.field("schema");
      if (OdcsTypes.absent(list)) {
        problems.add("$.schema", "required field is missing: a schema object describes the table");
        return null;
      }
      List<StrictObject> objects =
          document.optionalList(
              "schema", element -> StrictObject.of(element.node(), element.path(), problems));
      if (!list.isArray()) {
        return null;
      }
      if (list.isEmpty()) {
        problems.add("$.schema", "needs at least one schema object (the table)");
        return null;
      }
      if (objects.size() != list.size()) {
        return null; // an element that is not an object was reported
      }
      if (defaults.table() != null) {
        List<StrictObject> matches =
            objects.stream().filter(object -> isNamed(object, defaults.table())).toList();
        if (matches.size() == 1) {
          return matches.get(0);
        }
        problems.add(
            "$.schema",
            (matches.isEmpty()
                    ? "no schema object is named '"
                    : "several schema objects are named '")
                + defaults.table()
                + "'; the schema objects are "
                + labels(objects));
        return null;
      }
      List<StrictObject> tables =
          objects.stream()
              .filter(object -> "table".equalsIgnoreCase(text(object.field("physicalType"))))
              .toList();
      if (tables.size() == 1) {
        return tables.get(0);
      }
      if (tables.isEmpty() && objects.size() == 1) {
        return objects.get(0);
      }
      problems.add(
          "$.schema",
          (tables.isEmpty()
                  ? "none of the " + objects.size() + " schema objects has physicalType table"
                  : "the contract describes " + tables.size() + " tables")
              + "; choose one with a table name: "
              + labels(tables.isEmpty() ? objects : tables));
      return null;
    }

    private static boolean isNamed(StrictObject object, String wanted) {
      String name = text(object.field("name"));
      String physicalName = text(object.field("physicalName"));
      return wanted.equalsIgnoreCase(name)
          || wanted.equalsIgnoreCase(physicalName)
          || physicalName != null && wanted.equalsIgnoreCase(unqualified(physicalName));
    }

    private static String labels(List<StrictObject> objects) {
      List<String> labels = new ArrayList<>();
      for (StrictObject object : objects) {
        String name = text(object.field("name"));
        String physicalName = text(object.field("physicalName"));
        labels.add(
            (name == null ? object.path() : name)
                + (physicalName == null || physicalName.equals(name)
                    ? ""
                    : " (" + physicalName + ")"));
      }
      return String.join(", ", labels);
    }

    /** physicalName, else name; a qualified "database.table" physicalName gives its last part. */
    private String tableName(StrictObject table) {
      boolean physical = !OdcsTypes.absent(table.field("physicalName"));
      String field = physical ? "physicalName" : "name";
      String name = table.requiredString(field);
      if (name == null) {
        return null;
      }
      return glueName(physical ? unqualified(name) : name, table.childPath(field), "table");
    }

    private static String unqualified(String physicalName) {
      int dot = physicalName.lastIndexOf('.');
      return dot < 0 ? physicalName : physicalName.substring(dot + 1);
    }

    /** The database part of a qualified physicalName such as "sales.orders", else null. */
    private static String qualifier(String physicalName) {
      String[] parts = physicalName.split("\\.");
      return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    /** Glue folds names to lower case; what is left must be a valid Glue name. */
    private String glueName(String name, String path, String what) {
      String folded = name.strip().toLowerCase(Locale.ROOT);
      if (!ContractReader.GLUE_NAME.matcher(folded).matches()) {
        problems.add(
            path,
            "'"
                + name
                + "' is not a valid Glue "
                + what
                + " name (1-255 letters, digits and underscores; Glue folds them to lower case)");
        return null;
      }
      return folded;
    }

    // ------------------------------------------------------------------ servers

    /** The glue, athena and s3 servers to read from, in document order. */
    private List<Server> servers(StrictObject document) {
      List<Server> aws = new ArrayList<>();
      List<String> all = new ArrayList<>();
      JsonNode list = document.field("servers");
      documentHasServers = list != null && list.isArray() && !list.isEmpty();
      document.optionalList(
          "servers",
          element -> {
            StrictObject server = StrictObject.of(element.node(), element.path(), problems);
            if (server == null) {
              return null;
            }
            String id = server.optionalString("server");
            String typeName = server.optionalString("type");
            ServerType type = typeName == null ? null : ServerType.of(typeName);
            all.add((id == null ? element.path() : "'" + id + "'") + " (" + typeName + ")");
            if (type != null && (defaults.server() == null || defaults.server().equals(id))) {
              aws.add(new Server(server, type, id));
            }
            return server;
          });
      if (defaults.server() != null && aws.isEmpty()) {
        problems.add(
            "$.servers",
            "no glue, athena or s3 server is called '"
                + defaults.server()
                + "'; the servers are "
                + (all.isEmpty() ? "none" : String.join(", ", all)));
      }
      return aws;
    }

    /**
     * The first server (in document order) that has a value for {@code what}; {@code fieldFor}
     * names the field that holds it on each server type (null: that type cannot say).
     */
    private Found fromServers(Function<Server, String> fieldFor, String what) {
      for (Server server : servers) {
        String field = fieldFor.apply(server);
        String value = field == null ? null : server.object().optionalString(field);
        if (value != null) {
          String path = server.object().childPath(field);
          if (servers.size() > 1) {
            notes.add(
                new Problem(
                    source,
                    path,
                    "several glue, athena and s3 servers; the "
                        + what
                        + " comes from server "
                        + server.label()
                        + ", the first that has one (choose another with a server default)"));
          }
          return new Found(value, path);
        }
      }
      return null;
    }

    private String database(StrictObject table) {
      Found found =
          fromServers(
              server ->
                  switch (server.type()) {
                    case GLUE -> "database";
                    // ODCS calls Athena's database "schema"; a custom "database" is read too.
                    case ATHENA ->
                        OdcsTypes.absent(server.object().field("schema")) ? "database" : "schema";
                    case S3 -> null;
                  },
              "database");
      if (found == null && table != null) {
        String physicalName = text(table.field("physicalName"));
        String qualifier = physicalName == null ? null : qualifier(physicalName);
        if (qualifier != null) {
          found = new Found(qualifier, table.childPath("physicalName"));
        }
      }
      if (defaults.database() != null) {
        String database = glueName(defaults.database(), "defaults.database", "database");
        if (database != null && found != null && !database.equals(fold(found.value()))) {
          replaced(found, "database", database);
        }
        return database;
      }
      if (found != null) {
        return glueName(found.value(), found.path(), "database");
      }
      problems.add(
          "$.servers",
          (documentHasServers
                  ? "no glue or athena server names the Glue database"
                  : "the contract has no servers, so nothing names the Glue database")
              + "; add a glue server with database (or give a database default)");
      return null;
    }

    private static String fold(String name) {
      return name.strip().toLowerCase(Locale.ROOT);
    }

    private void replaced(Found found, String what, String replacement) {
      notes.add(
          new Problem(
              source,
              found.path(),
              "the caller's "
                  + what
                  + " '"
                  + replacement
                  + "' replaces the document's '"
                  + found.value()
                  + "'"));
    }

    // ------------------------------------------------------------------ location and format

    private String location(StrictObject table) {
      Found found = fromServers(server -> "location", "location");
      String model = table == null ? null : text(table.field("name"));
      if (defaults.location() != null) {
        String location = location(defaults.location(), "defaults.location", model);
        if (location != null && found != null) {
          String documentLocation = normalised(found.value(), model);
          if (!location.equals(documentLocation)) {
            replaced(found, "location", location);
          }
        }
        return location;
      }
      if (found != null) {
        return location(found.value(), found.path(), model);
      }
      boolean athena = servers.stream().anyMatch(server -> server.type() == ServerType.ATHENA);
      problems.add(
          "$.servers",
          (athena
                  ? "an athena server gives no data location (its stagingDir holds query results)"
                  : documentHasServers
                      ? "no glue, s3 or athena server gives a location"
                      : "the contract has no servers, so nothing gives the table's S3 location")
              + "; add location to a glue or s3 server (or give a location default)");
      return null;
    }

    /**
     * {model} is replaced by the schema object's name (as datacontract-cli does), a trailing file
     * glob such as *.parquet is dropped (Glue wants the folder) and a trailing / is added.
     */
    private String location(String raw, String path, String model) {
      if (model == null && raw.contains("{model}")) {
        return null; // no schema object was chosen, and that problem is already reported
      }
      String location = normalised(raw, model);
      if (location.contains("*") || location.contains("{")) {
        problems.add(
            path,
            "'" + raw + "' has a wildcard or placeholder inside it; a table location is a folder");
        return null;
      }
      if (!ContractReader.LOCATION.matcher(location).matches()) {
        problems.add(
            path,
            "'"
                + raw
                + "' is not an s3:// location with a valid bucket name like s3://bucket/prefix/"
                + " (bucket names use a-z, 0-9, '.' and '-')");
        return null;
      }
      return location;
    }

    private static String normalised(String raw, String model) {
      String location = raw.strip();
      if (model != null) {
        location = location.replace("{model}", model);
      }
      int slash = location.lastIndexOf('/');
      if (slash > location.indexOf("://") + 2 && location.substring(slash + 1).contains("*")) {
        location = location.substring(0, slash + 1);
      }
      return location.endsWith("/") ? location : location + "/";
    }

    /**
     * The caller's format, else the server's (iceberg when a custom property says table_type
     * iceberg), else parquet with a note.
     */
    private ContractFormat format(StrictObject document, StrictObject table) {
      Found found = fromServers(server -> "format", "format");
      Found iceberg = icebergDeclaration(document, table);
      if (defaults.format() != null) {
        // The caller's format wins, so the document's is not checked, only compared for the note.
        Found stated = iceberg != null ? iceberg : found;
        if (stated != null
            && !stated.value().strip().equalsIgnoreCase(defaults.format().jsonName())) {
          replaced(stated, "format", defaults.format().jsonName());
        }
        return defaults.format();
      }
      ContractFormat fromDocument = null;
      if (found != null) {
        fromDocument = format(found);
        if (fromDocument == null) {
          return null;
        }
      }
      if (iceberg != null) {
        if (fromDocument != null
            && fromDocument != ContractFormat.ICEBERG
            && fromDocument != ContractFormat.PARQUET
            && fromDocument != ContractFormat.ORC
            && fromDocument != ContractFormat.AVRO) {
          problems.add(
              found.path(),
              "an Iceberg table ("
                  + iceberg.path()
                  + ") stores parquet, orc or avro files, not "
                  + fromDocument.jsonName());
          return null;
        }
        fromDocument = ContractFormat.ICEBERG;
      }
      if (fromDocument != null) {
        return fromDocument;
      }
      notes.add(
          new Problem(
              source,
              "$.servers",
              "no server states a format and no custom property says table_type iceberg;"
                  + " parquet is assumed (give a format default to say otherwise)"));
      return ContractFormat.PARQUET;
    }

    private ContractFormat format(Found found) {
      String name = found.value().strip().toLowerCase(Locale.ROOT);
      return switch (name) {
        case "delta" -> {
          problems.add(found.path(), "Delta Lake tables are not supported");
          yield null;
        }
        case "regex" -> {
          problems.add(
              found.path(),
              "format regex needs an input.regex, which ODCS cannot state; write a JSON contract");
          yield null;
        }
        default -> {
          ContractFormat format = ContractFormat.fromJsonName(name).orElse(null);
          if (format == null) {
            problems.add(
                found.path(),
                "unknown format '"
                    + found.value()
                    + "'; expected one of parquet, orc, avro, json, ion, csv, tsv, iceberg");
          }
          yield format;
        }
      };
    }

    /** A custom property table_type (or tableType) = iceberg on a server, the table or the top. */
    private Found icebergDeclaration(StrictObject document, StrictObject table) {
      List<StrictObject> owners = new ArrayList<>();
      servers.forEach(server -> owners.add(server.object()));
      if (table != null) {
        owners.add(table);
      }
      owners.add(document);
      for (StrictObject owner : owners) {
        for (String name : List.of("table_type", "tableType")) {
          OdcsTypes.CustomValue value = types.customProperty(owner, name);
          if (value != null && "iceberg".equalsIgnoreCase(text(value.value()))) {
            return new Found("iceberg", value.path());
          }
        }
      }
      return null;
    }

    /**
     * ODCS defines a server's delimiter for json only (new_line or array); for csv and tsv it is
     * read as the field delimiter.
     */
    private FormatOptions formatOptions(ContractFormat format) {
      Found delimiter = fromServers(server -> "delimiter", "delimiter");
      if (delimiter == null || format == null) {
        return FormatOptions.NONE;
      }
      return switch (format) {
        case CSV, TSV -> {
          String decoded = Delimiters.decode(delimiter.value());
          if (decoded.codePointCount(0, decoded.length()) != 1) {
            problems.add(
                delimiter.path(),
                "expected one character (or an escape like \\t), found '"
                    + delimiter.value()
                    + "'");
            yield FormatOptions.NONE;
          }
          yield new FormatOptions(decoded, null, null, null, null, null, null, null, Map.of());
        }
        case JSON -> {
          if (!delimiter.value().equals("new_line")) {
            problems.add(
                delimiter.path(),
                "Glue's JSON SerDes read one document per line (new_line), not '"
                    + delimiter.value()
                    + "'");
          }
          yield FormatOptions.NONE;
        }
        case PARQUET, ORC, AVRO, ION, REGEX, ICEBERG -> {
          problems.add(
              delimiter.path(), "a delimiter means nothing for format " + format.jsonName());
          yield FormatOptions.NONE;
        }
      };
    }

    // ------------------------------------------------------------------ owner and description

    /** A custom property owner, else the team's name, else the team member whose role is owner. */
    private String owner(StrictObject document) {
      OdcsTypes.CustomValue custom = types.customProperty(document, "owner");
      if (custom != null && text(custom.value()) != null) {
        return text(custom.value());
      }
      JsonNode team = document.field("team");
      if (team == null) {
        return null;
      }
      if (team.isObject() && text(team.get("name")) != null) {
        return text(team.get("name"));
      }
      // ODCS v3.0 wrote the team as a list of members; v3.1 moved them under team.members.
      JsonNode members = team.isArray() ? team : team.get("members");
      if (members != null && members.isArray()) {
        for (JsonNode member : members) {
          if ("owner".equalsIgnoreCase(text(member.get("role")))
              && text(member.get("dateOut")) == null) {
            return text(member.get("username")) != null
                ? text(member.get("username"))
                : text(member.get("name"));
          }
        }
      }
      return null;
    }

    /** The table's own description, else the contract's purpose (or its plain description). */
    private String description(StrictObject document, StrictObject table) {
      String own = table == null ? null : text(table.field("description"));
      if (own != null && !own.isBlank()) {
        return own;
      }
      JsonNode description = document.field("description");
      if (description == null) {
        return null;
      }
      if (description.isTextual()) {
        return description.textValue();
      }
      return description.isObject() ? text(description.get("purpose")) : null;
    }

    // ------------------------------------------------------------------ columns

    private void columns(StrictObject table, List<Column> columns, List<Column> partitionKeys) {
      JsonNode list = table.field("properties");
      String path = table.childPath("properties");
      if (OdcsTypes.absent(list) || list.isArray() && list.isEmpty()) {
        problems.add(path, "a table needs at least one property (column)");
        return;
      }
      if (!list.isArray()) {
        problems.add(path, "expected an array but found " + StrictObject.describe(list));
        return;
      }
      List<PartitionKey> keys = new ArrayList<>();
      for (int index = 0; index < list.size(); index++) {
        StrictObject property =
            StrictObject.of(list.get(index), path + "[" + index + "]", problems);
        if (property == null) {
          continue;
        }
        Column column = column(property);
        Boolean partitioned = property.optionalBoolean("partitioned");
        Integer position = property.optionalInteger("partitionKeyPosition");
        String positionPath = property.childPath("partitionKeyPosition");
        if (position != null && position != -1 && position < 1) {
          problems.add(positionPath, "positions start at 1 (-1 means none)");
          position = null;
        }
        if (Boolean.TRUE.equals(partitioned)) {
          if (column != null && !ContractReader.isPrimitive(column.column().type())) {
            problems.add(
                property.path(),
                "a partition key needs a primitive type, not "
                    + column.column().type().canonical());
          }
          if (column != null) {
            keys.add(
                new PartitionKey(column, position == null ? -1 : position, index, positionPath));
          }
        } else {
          if (position != null && position >= 1) {
            problems.add(positionPath, "a partitionKeyPosition needs partitioned: true");
          }
          if (column != null) {
            columns.add(column);
          }
        }
      }
      partitionKeys.addAll(orderKeys(keys));
      checkDuplicates(columns, partitionKeys);
      if (columns.isEmpty() && problems.isEmpty()) {
        problems.add(path, "every property is a partition key; a Glue table needs a data column");
      }
    }

    private Column column(StrictObject property) {
      OdcsTypes.Named name = types.name(property);
      DataType type = types.type(property);
      Boolean required = property.optionalBoolean("required");
      String description = property.optionalString("description");
      Boolean deprecated = property.optionalBoolean("deprecated");
      if (name == null || type == null) {
        return null;
      }
      return new Column(
          new ContractColumn(
              name.name(),
              type,
              required,
              description,
              List.of(),
              Boolean.TRUE.equals(deprecated),
              null),
          name.path());
    }

    /** By partitionKeyPosition when every key has one, in document order when none has. */
    private List<Column> orderKeys(List<PartitionKey> keys) {
      long positioned = keys.stream().filter(key -> key.position() >= 1).count();
      if (positioned == 0) {
        return keys.stream().map(PartitionKey::column).toList();
      }
      if (positioned < keys.size()) {
        keys.stream()
            .filter(key -> key.position() < 1)
            .forEach(
                key ->
                    problems.add(
                        key.path(),
                        "other partition keys have a partitionKeyPosition; give this one one too"));
        return List.of();
      }
      Map<Integer, String> seen = new HashMap<>();
      for (PartitionKey key : keys) {
        String earlier = seen.putIfAbsent(key.position(), key.path());
        if (earlier != null) {
          problems.add(
              key.path(),
              "partitionKeyPosition " + key.position() + " is also given at " + earlier);
        }
      }
      return keys.stream()
          .sorted(Comparator.comparingInt(PartitionKey::position))
          .map(PartitionKey::column)
          .toList();
    }

    private void checkDuplicates(List<Column> columns, List<Column> partitionKeys) {
      Map<String, String> seen = new HashMap<>();
      List<Column> all = new ArrayList<>(columns);
      all.addAll(partitionKeys);
      for (Column column : all) {
        String key = column.column().name().toLowerCase(Locale.ROOT);
        String earlier = seen.putIfAbsent(key, column.namePath());
        if (earlier != null) {
          problems.add(
              column.namePath(),
              "duplicate column '"
                  + column.column().name()
                  + "' (names are compared ignoring case; first at "
                  + earlier
                  + ")");
        }
      }
    }

    private static String text(JsonNode node) {
      return node != null && node.isTextual() ? node.textValue() : null;
    }
  }
}
