package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problem;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The glue, athena and s3 servers of an ODCS document, in document order: the servers that say
 * where and how a Glue table is stored.
 */
final class OdcsServers {
  /** The server types that describe a table in the Glue Data Catalog. */
  enum ServerType {
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

  /** One server read: its object, its type and its {@code server} id (null when it has none). */
  record Server(StrictObject object, ServerType type, String id) {
    Server {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(type, "type");
    }

    String label() {
      return (id == null ? object.path() : "'" + id + "'")
          + " ("
          + type.name().toLowerCase(Locale.ROOT)
          + ")";
    }
  }

  /** A value read from the document and where it was. */
  record Found(String value, String path) {
    Found {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(path, "path");
    }
  }

  private final String source;
  private final List<Problem> notes;
  private final List<Server> servers;
  private final boolean documentHasServers;

  private OdcsServers(
      String source, List<Problem> notes, List<Server> servers, boolean documentHasServers) {
    this.source = source;
    this.notes = notes;
    this.servers = servers;
    this.documentHasServers = documentHasServers;
  }

  /**
   * The glue, athena and s3 servers to read from, in document order: only the one called {@code
   * wantedServer} when that is set (a problem when there is none).
   */
  static OdcsServers read(
      StrictObject document,
      String wantedServer,
      String source,
      Problems problems,
      List<Problem> notes) {
    List<Server> aws = new ArrayList<>();
    List<String> all = new ArrayList<>();
    JsonNode list = document.field("servers");
    boolean documentHasServers = list != null && list.isArray() && !list.isEmpty();
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
          if (type != null && (wantedServer == null || wantedServer.equals(id))) {
            aws.add(new Server(server, type, id));
          }
          return server;
        });
    if (wantedServer != null && aws.isEmpty()) {
      problems.add(
          "$.servers",
          "no glue, athena or s3 server is called '"
              + wantedServer
              + "'; the servers are "
              + (all.isEmpty() ? "none" : String.join(", ", all)));
    }
    return new OdcsServers(source, notes, aws, documentHasServers);
  }

  /**
   * The first server (in document order) that has a value for {@code what}; {@code fieldFor} names
   * the field that holds it on each server type (null: that type cannot say).
   */
  Found first(Function<Server, String> fieldFor, String what) {
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

  /** Whether the document lists any server at all (of any type). */
  boolean documentHasServers() {
    return documentHasServers;
  }

  /** Whether a server read is of this type. */
  boolean any(ServerType type) {
    return servers.stream().anyMatch(server -> server.type() == type);
  }

  /** The objects of the servers read, in document order. */
  List<StrictObject> objects() {
    return servers.stream().map(Server::object).toList();
  }
}
