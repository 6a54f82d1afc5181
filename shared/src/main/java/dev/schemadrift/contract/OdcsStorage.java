package dev.schemadrift.contract;

import dev.schemadrift.contract.OdcsServers.Found;
import dev.schemadrift.contract.OdcsServers.ServerType;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how the table is stored: its Glue database, S3 location, format and format options,
 * read from the servers and the schema object, with the caller's defaults replacing them.
 */
final class OdcsStorage {
  private final String source;
  private final OdcsContractReader.Defaults defaults;
  private final Problems problems;
  private final List<Problem> notes;
  private final OdcsServers servers;

  OdcsStorage(
      String source,
      OdcsContractReader.Defaults defaults,
      Problems problems,
      List<Problem> notes,
      OdcsServers servers) {
    this.source = source;
    this.defaults = defaults;
    this.problems = problems;
    this.notes = notes;
    this.servers = servers;
  }

  String database(StrictObject table) {
    Found found =
        servers.first(
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
      String physicalName = OdcsTypes.text(table.field("physicalName"));
      String qualifier = physicalName == null ? null : OdcsSchemaObjects.qualifier(physicalName);
      if (qualifier != null) {
        found = new Found(qualifier, table.childPath("physicalName"));
      }
    }
    if (defaults.database() != null) {
      String database =
          OdcsSchemaObjects.glueName(
              defaults.database(), "defaults.database", "database", problems);
      if (database != null && found != null && !database.equals(fold(found.value()))) {
        replaced(found, "database", database);
      }
      return database;
    }
    if (found != null) {
      return OdcsSchemaObjects.glueName(found.value(), found.path(), "database", problems);
    }
    problems.add(
        "$.servers",
        (servers.documentHasServers()
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

  /** Whether the chosen schema object is a view ({@code physicalType: view}, any case). */
  static boolean isView(StrictObject table) {
    return table != null && "view".equalsIgnoreCase(OdcsTypes.text(table.field("physicalType")));
  }

  /**
   * The Glue catalog that holds the table: a glue server's {@code account} (ODCS's field for the
   * AWS account of the catalog), else a custom property {@code catalog_id} (or {@code catalogId})
   * on a server or the document; null when none says (the caller's own catalog).
   */
  String catalogId(StrictObject document) {
    Found found =
        servers.first(
            server ->
                switch (server.type()) {
                  case GLUE -> "account";
                  case ATHENA, S3 -> null;
                },
            "catalog id");
    if (found == null) {
      List<StrictObject> owners = new ArrayList<>(servers.objects());
      owners.add(document);
      for (StrictObject owner : owners) {
        for (String name : List.of("catalog_id", "catalogId")) {
          OdcsCustomProperty value = OdcsCustomProperty.find(owner, name);
          if (found == null && value != null && OdcsTypes.text(value.value()) != null) {
            found = new Found(OdcsTypes.text(value.value()), value.path());
          }
        }
      }
    }
    if (found == null) {
      return null;
    }
    String catalogId = found.value().strip();
    String problem = ContractConstraints.catalogIdProblem(catalogId);
    if (problem != null) {
      problems.add(found.path(), problem);
      return null;
    }
    return catalogId;
  }

  String location(StrictObject table) {
    Found found = servers.first(server -> "location", "location");
    if (isView(table)) {
      if (found != null) {
        notes.add(
            new Problem(
                source,
                found.path(),
                "the schema object is a view, which has no data location; the server's location"
                    + " is not used"));
      }
      return null;
    }
    String model = table == null ? null : OdcsTypes.text(table.field("name"));
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
    boolean athena = servers.any(ServerType.ATHENA);
    problems.add(
        "$.servers",
        (athena
                ? "an athena server gives no data location (its stagingDir holds query results)"
                : servers.documentHasServers()
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
    if (!ContractConstraints.LOCATION.matcher(location).matches()) {
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
  ContractFormat format(StrictObject document, StrictObject table) {
    Found found = servers.first(server -> "format", "format");
    if (isView(table)) {
      // physicalType view says what the table is; a server's file format describes other tables.
      if (found != null) {
        notes.add(
            new Problem(
                source,
                found.path(),
                "the schema object is a view (physicalType view): format view, not the server's '"
                    + found.value()
                    + "'"));
      }
      return ContractFormat.VIEW;
    }
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
    List<StrictObject> owners = new ArrayList<>(servers.objects());
    if (table != null) {
      owners.add(table);
    }
    owners.add(document);
    for (StrictObject owner : owners) {
      for (String name : List.of("table_type", "tableType")) {
        OdcsCustomProperty value = OdcsCustomProperty.find(owner, name);
        if (value != null && "iceberg".equalsIgnoreCase(OdcsTypes.text(value.value()))) {
          return new Found("iceberg", value.path());
        }
      }
    }
    return null;
  }

  /**
   * ODCS defines a server's delimiter for json only (new_line or array); for csv and tsv it is read
   * as the field delimiter.
   */
  FormatOptions formatOptions(ContractFormat format) {
    Found delimiter = servers.first(server -> "delimiter", "delimiter");
    if (delimiter == null || format == null) {
      return FormatOptions.NONE;
    }
    return switch (format) {
      case CSV, TSV -> {
        String decoded = Delimiters.decode(delimiter.value());
        if (decoded.codePointCount(0, decoded.length()) != 1) {
          problems.add(
              delimiter.path(),
              "expected one character (or an escape like \\t), found '" + delimiter.value() + "'");
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
      case PARQUET, ORC, AVRO, ION, REGEX, ICEBERG, VIEW -> {
        problems.add(delimiter.path(), "a delimiter means nothing for format " + format.jsonName());
        yield FormatOptions.NONE;
      }
    };
  }
}
