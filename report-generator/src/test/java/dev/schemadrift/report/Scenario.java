package dev.schemadrift.report;

import static dev.schemadrift.report.Artifacts.bytes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three daily runs over seven tables that between them show every status, waivers (live, expired,
 * unused), a rename, nested-type changes, new, persisting and resolved findings, as
 * SchemaDiffFunction would have left them in the report bucket: diffs plus one manifest per run.
 */
final class Scenario {
  static final String BUCKET = "reports";
  static final List<String> RUNS =
      List.of("20261124T080000Z", "20261125T080000Z", "20261126T080000Z");

  /** The tables of the last run and the status each ends with. */
  static final Map<String, String> LAST_STATUS =
      Map.of(
          "nyc_parks.playgrounds", "OK",
          "nyc_parks.park_events", "SAFE",
          "nyc_transit.bus_routes", "RISKY",
          "nyc_parks.parks_properties", "BREAKING",
          "nyc_schools.test_results", "NO_DATA",
          "nyc_schools.school_directory", "ERROR",
          "nyc_transit.turnstile_usage", "BREAKING");

  private Scenario() {}

  private static final String PARKS_COLUMNS =
      """
      [{"name": "gispropnum", "type": "string", "required": true},
       {"name": "signname", "type": "varchar(100)"},
       {"name": "acres", "type": "decimal(10,2)"},
       {"name": "visits", "type": "int", "previous_names": ["visit_count"]},
       {"name": "legacy_code", "type": "string"}]
      """;

  private static final String PARKS_POLICY =
      """
      {"waivers": [
        {"rule": "COLUMN_TYPE_WIDENED", "path": "visits", "reason": "Backfill to bigint in progress",
         "owner": "parks-data@example.org", "expires": "2027-03-31"},
        {"rule": "COLUMN_DECIMAL_PRECISION_INCREASED", "path": "acres", "reason": "Survey update",
         "owner": "gis-team@example.org", "expires": "2026-11-01"},
        {"rule": "COLUMN_RENAMED", "path": "gis*", "reason": "Planned id rename",
         "owner": "parks-data@example.org", "expires": "2027-06-30"}]}
      """;

  /** Writes every run's diffs and manifest; reports are not generated. */
  static MemoryObjectStore store() {
    MemoryObjectStore store = new MemoryObjectStore();
    for (int index = 0; index < RUNS.size(); index++) {
      writeRun(store, RUNS.get(index), artifacts(index));
    }
    return store;
  }

  /** Reports on the runs in order, as the async invocations would. */
  static void generate(ObjectStore store) {
    ReportGenerator generator = new ReportGenerator(store, BUCKET, 2);
    for (String run : RUNS) {
      generator.generateRun("runs/" + run + ".json");
    }
  }

  static List<DiffArtifact> artifacts(int day) {
    String run = RUNS.get(day);
    List<DiffArtifact> artifacts = new ArrayList<>();
    artifacts.add(playgrounds(run));
    artifacts.add(parkEvents(run, day));
    artifacts.add(busRoutes(run, day));
    artifacts.add(parksProperties(run, day));
    artifacts.add(testResults(run, day));
    artifacts.add(schoolDirectory(run, day));
    if (day == 2) {
      artifacts.add(turnstileUsage(run));
    }
    return artifacts;
  }

  private static DiffArtifact playgrounds(String run) {
    String columns =
        "[{\"name\": \"prop_id\", \"type\": \"string\"}, {\"name\": \"swings\", \"type\": \"int\"}]";
    return Artifacts.compared(
        run,
        Artifacts.contract("nyc_parks", "playgrounds", "parquet", columns, "{}"),
        Artifacts.parquetTable(
            "nyc_parks",
            "playgrounds",
            glue(columns),
            "s3://example-data/nyc_parks/playgrounds/",
            "[]"));
  }

  private static DiffArtifact parkEvents(String run, int day) {
    String columns =
        "[{\"name\": \"event_id\", \"type\": \"bigint\"}, {\"name\": \"title\", \"type\": \"string\"}]";
    String actual =
        day == 0
            ? glue(columns)
            : "[{\"Name\": \"event_id\", \"Type\": \"bigint\"}, {\"Name\": \"title\", \"Type\":"
                + " \"string\"}, {\"Name\": \"snippet\", \"Type\": \"string\"}]";
    return Artifacts.compared(
        run,
        Artifacts.contract(
            "nyc_parks",
            "park_events",
            "parquet",
            columns,
            "[{\"name\": \"event_date\", \"type\": \"date\"}]",
            "{}"),
        Artifacts.parquetTable(
            "nyc_parks",
            "park_events",
            actual,
            "s3://example-data/nyc_parks/park_events/",
            "[{\"Name\": \"event_date\", \"Type\": \"date\"}]"));
  }

  private static DiffArtifact busRoutes(String run, int day) {
    String columns =
        "[{\"name\": \"route_id\", \"type\": \"string\"}, {\"name\": \"stops\", \"type\": \"int\"}]";
    return Artifacts.compared(
        run,
        Artifacts.contract("nyc_transit", "bus_routes", "parquet", columns, "{}"),
        Artifacts.parquetTable(
            "nyc_transit",
            "bus_routes",
            glue(columns),
            day == 0
                ? "s3://example-data/nyc_transit/bus_routes/"
                : "s3://example-data/nyc_transit/bus_routes_v2/",
            "[]"));
  }

  private static DiffArtifact parksProperties(String run, int day) {
    String table =
        switch (day) {
          case 0 ->
              """
              [{"Name": "gispropnum", "Type": "string"}, {"Name": "signname", "Type": "varchar(100)"},
               {"Name": "acres", "Type": "decimal(10,2)"}, {"Name": "visits", "Type": "int"},
               {"Name": "legacy_code", "Type": "string"}, {"Name": "zipcode", "Type": "string"}]
              """;
          case 1 ->
              """
              [{"Name": "gispropnum", "Type": "string"}, {"Name": "signname", "Type": "varchar(100)"},
               {"Name": "acres", "Type": "decimal(10,2)"}, {"Name": "visits", "Type": "int"},
               {"Name": "legacy_code", "Type": "string"}, {"Name": "zipcode", "Type": "string"}]
              """;
          default ->
              """
              [{"Name": "gispropnum", "Type": "string"}, {"Name": "signname", "Type": "varchar(100)"},
               {"Name": "acres", "Type": "decimal(12,2)"}, {"Name": "visit_count", "Type": "bigint"},
               {"Name": "zipcode", "Type": "string"}, {"Name": "borough", "Type": "string"}]
              """;
        };
    return Artifacts.compared(
        run,
        Artifacts.contract("nyc_parks", "parks_properties", "parquet", PARKS_COLUMNS, PARKS_POLICY),
        Artifacts.parquetTable(
            "nyc_parks",
            "parks_properties",
            table,
            day == 1
                ? "s3://example-data/nyc_parks/parks_properties_v2/"
                : "s3://example-data/nyc_parks/parks_properties/",
            "[]"));
  }

  private static DiffArtifact testResults(String run, int day) {
    String columns =
        "[{\"name\": \"dbn\", \"type\": \"string\"}, {\"name\": \"mean_score\", \"type\": \"double\"}]";
    String contract = Artifacts.contract("nyc_schools", "test_results", "parquet", columns, "{}");
    if (day == 2) {
      return Artifacts.noData(run, contract);
    }
    return Artifacts.compared(
        run,
        contract,
        Artifacts.parquetTable(
            "nyc_schools",
            "test_results",
            glue(columns),
            "s3://example-data/nyc_schools/test_results/",
            "[]"));
  }

  private static DiffArtifact schoolDirectory(String run, int day) {
    String columns =
        "[{\"name\": \"dbn\", \"type\": \"string\"}, {\"name\": \"grades\", \"type\": \"array<int>\"}]";
    String actual =
        day == 2
            ? "[{\"Name\": \"dbn\", \"Type\": \"string\"}, {\"Name\": \"grades\", \"Type\":"
                + " \"array<int\"}]"
            : "[{\"Name\": \"dbn\", \"Type\": \"string\"}, {\"Name\": \"grades\", \"Type\":"
                + " \"array<bigint>\"}]";
    return Artifacts.compared(
        run,
        Artifacts.contract(
            "nyc_schools",
            "school_directory",
            "parquet",
            columns,
            "[{\"name\": \"school_year\", \"type\": \"string\"}]",
            "{}"),
        Artifacts.parquetTable(
            "nyc_schools",
            "school_directory",
            actual,
            "s3://example-data/nyc_schools/school_directory/",
            "[{\"Name\": \"school_year\", \"Type\": \"string\"}]"));
  }

  private static DiffArtifact turnstileUsage(String run) {
    String columns =
        """
        [{"name": "station", "type": "struct<id:string,name:string,lines:array<string>>"},
         {"name": "counts", "type": "map<string,int>"},
         {"name": "readings", "type": "array<struct<at:timestamp,entries:bigint,exits:bigint>>"}]
        """;
    String actual =
        """
        [{"Name": "station", "Type": "struct<id:string,name:string,lines:array<string>,borough:string>"},
         {"Name": "counts", "Type": "map<string,bigint>"},
         {"Name": "readings", "Type": "array<struct<at:timestamp,entries:bigint>>"}]
        """;
    return Artifacts.compared(
        run,
        Artifacts.contract(
            "nyc_transit",
            "turnstile_usage",
            "parquet",
            columns,
            "[{\"name\": \"service_date\", \"type\": \"date\"}]",
            "{}"),
        Artifacts.parquetTable(
            "nyc_transit",
            "turnstile_usage",
            actual,
            "s3://example-data/nyc_transit/turnstile_usage/",
            "[{\"Name\": \"service_date\", \"Type\": \"date\"}]"));
  }

  /** Contract columns as Glue columns. */
  private static String glue(String contractColumns) {
    return contractColumns.replace("\"name\"", "\"Name\"").replace("\"type\"", "\"Type\"");
  }

  private static final Map<String, String> OWNERS = new LinkedHashMap<>();

  static {
    OWNERS.put("nyc_parks", "parks-data@example.org");
    OWNERS.put("nyc_transit", "transit-analytics@example.org");
    OWNERS.put("nyc_schools", "schools-data@example.org");
  }

  /** Writes the artifacts and a manifest shaped as SchemaDiffFunction's RunManifest writes it. */
  static void writeRun(ObjectStore store, String run, List<DiffArtifact> artifacts) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("manifest_version", 1);
    manifest.put("run_id", run);
    manifest.put("mode", "registry");
    ObjectNode totals = manifest.putObject("totals");
    for (String status : List.of("OK", "SAFE", "RISKY", "BREAKING", "NO_DATA", "ERROR")) {
      totals.put(
          status,
          artifacts.stream().filter(artifact -> artifact.status().name().equals(status)).count());
    }
    ArrayNode tables = manifest.putArray("tables");
    for (DiffArtifact artifact : artifacts) {
      String key = BucketLayout.diff(artifact.table(), run);
      store.put(BUCKET, key, ArtifactJson.write(artifact), "application/json");
      ObjectNode table = tables.addObject();
      table.put("database", artifact.table().database());
      table.put("table", artifact.table().name());
      table.put("status", artifact.status().name());
      table.put("diff_key", key);
      table.put("contract_key", "contracts/" + artifact.table().database() + ".json");
      table.put("owner", OWNERS.get(artifact.table().database()));
      ArrayNode tags = table.putArray("tags");
      tags.add(artifact.table().database().substring(4));
      if (artifact.table().name().contains("_")) {
        tags.add("tier-1");
      }
      ObjectNode counts = table.putObject("counts");
      counts.put("BREAKING", artifact.counts().breaking());
      counts.put("RISKY", artifact.counts().risky());
      counts.put("SAFE", artifact.counts().safe());
      counts.put("waived", artifact.counts().waived());
      table.put("error", artifact.error() == null ? null : artifact.error().kindName());
      table.putNull("write_error");
    }
    manifest.putArray("skipped");
    manifest.putArray("not_found");
    manifest.putNull("next_cursor");
    store.put(
        BUCKET, "runs/" + run + ".json", bytes(manifest.toPrettyString()), "application/json");
  }
}
