package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.json.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  /** One read of one document: problems and notes accumulate so that all are reported. */
  private static final class Reading {
    private final String source;
    private final Defaults defaults;
    private final Problems problems;
    private final List<Problem> notes = new ArrayList<>();
    private final OdcsTypes types;

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
      OdcsCustomProperty.checkShapes(root, "$", problems);
      String version = version(document);
      OdcsSchemaObjects schemaObjects = new OdcsSchemaObjects(problems, defaults.table());
      StrictObject table = schemaObjects.chooseTable(document);
      OdcsServers servers = OdcsServers.read(document, defaults.server(), source, problems, notes);
      OdcsStorage storage = new OdcsStorage(source, defaults, problems, notes, servers);
      String tableName = table == null ? null : schemaObjects.tableName(table);
      String database = storage.database(table);
      String location = storage.location(table);
      ContractFormat format = storage.format(document, table);
      FormatOptions options = storage.formatOptions(format);
      String catalogId = storage.catalogId(document);
      if (format == ContractFormat.VIEW) {
        // A caller's format view on a schema object that is not one: a view has no location.
        location = null;
      }
      String owner = owner(document);
      String description = description(document, table);
      OdcsColumns columns = new OdcsColumns(problems, types);
      if (table != null) {
        columns.read(table);
      }
      if (!problems.isEmpty()
          || version == null
          || tableName == null
          || database == null
          || (location == null && format != ContractFormat.VIEW)
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
          columns.columns(),
          columns.partitionKeys(),
          Policy.EMPTY,
          catalogId);
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
      if (version != null && !ContractConstraints.SEMVER.matcher(version).matches()) {
        problems.add(
            "$.version",
            "'" + version + "' is not a semantic version like 1.2.0 (it becomes contract_version)");
        return null;
      }
      return version;
    }

    /** A custom property owner, else the team's name, else the team member whose role is owner. */
    private String owner(StrictObject document) {
      OdcsCustomProperty custom = OdcsCustomProperty.find(document, "owner");
      if (custom != null && OdcsTypes.text(custom.value()) != null) {
        return OdcsTypes.text(custom.value());
      }
      JsonNode team = document.field("team");
      if (team == null) {
        return null;
      }
      if (team.isObject() && OdcsTypes.text(team.get("name")) != null) {
        return OdcsTypes.text(team.get("name"));
      }
      // ODCS v3.0 wrote the team as a list of members; v3.1 moved them under team.members.
      JsonNode members = team.isArray() ? team : team.get("members");
      if (members != null && members.isArray()) {
        for (JsonNode member : members) {
          if ("owner".equalsIgnoreCase(OdcsTypes.text(member.get("role")))
              && OdcsTypes.text(member.get("dateOut")) == null) {
            return OdcsTypes.text(member.get("username")) != null
                ? OdcsTypes.text(member.get("username"))
                : OdcsTypes.text(member.get("name"));
          }
        }
      }
      return null;
    }

    /** The table's own description, else the contract's purpose (or its plain description). */
    private String description(StrictObject document, StrictObject table) {
      String own = table == null ? null : OdcsTypes.text(table.field("description"));
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
      return description.isObject() ? OdcsTypes.text(description.get("purpose")) : null;
    }
  }
}
