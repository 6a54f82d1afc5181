package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.local.MemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partition-drift report and its index, byte for byte: a Parquet table whose sampled partitions
 * hold a type Athena rejects, a type it widens and a partition in another data format. Update with
 * {@code -Dgolden.update=true}.
 */
class PartitionReportGoldenTest {
  private static final String RUN = "20261126T080000Z";
  private static final String TABLE = "nyc_transit.hourly_ridership";
  private static MemoryObjectStore store;

  @BeforeAll
  static void generate() {
    store = new MemoryObjectStore();
    Scenario.writeRun(store, RUN, List.of(hourlyRidership()));
    new ReportGenerator(store, Scenario.BUCKET, 2).generateRun("runs/" + RUN + ".json");
  }

  static DiffArtifact hourlyRidership() {
    return hourlyRidership(null);
  }

  /** The table's artifact; {@code readIn}: the earlier run that read its partitions, or null. */
  static DiffArtifact hourlyRidership(String readIn) {
    String columns =
        "[{\"name\": \"station_id\", \"type\": \"string\"}, {\"name\": \"riders\", \"type\":"
            + " \"bigint\"}, {\"name\": \"transfers\", \"type\": \"int\"}]";
    String glueColumns =
        "[{\"Name\": \"station_id\", \"Type\": \"string\"}, {\"Name\": \"riders\", \"Type\":"
            + " \"bigint\"}, {\"Name\": \"transfers\", \"Type\": \"int\"}]";
    String partitions =
        "{\"Partitions\": ["
            + partition("2026-11-23", "parquet", "riders", "double", "transfers", "int")
            + ", "
            + partition("2026-11-24", "parquet", "riders", "bigint", "transfers", "smallint")
            + ", "
            + partition("2026-11-25", "text", "riders", "string", "transfers", "string")
            + ", "
            + partition("2026-11-26", "parquet", "riders", "bigint", "transfers", "int")
            + "]}";
    return Artifacts.comparedWithPartitions(
        RUN,
        Artifacts.contract(
            "nyc_transit",
            "hourly_ridership",
            "parquet",
            columns,
            "[{\"name\": \"dt\", \"type\": \"string\"}]",
            "{}"),
        Artifacts.parquetTable(
            "nyc_transit",
            "hourly_ridership",
            glueColumns,
            "s3://example-data/nyc_transit/hourly_ridership/",
            "[{\"Name\": \"dt\", \"Type\": \"string\"}]"),
        partitions,
        100,
        readIn);
  }

  private static String partition(
      String day, String family, String second, String secondType, String third, String thirdType) {
    boolean parquet = family.equals("parquet");
    return """
        {"Values": ["%s"], "StorageDescriptor": {
          "Columns": [{"Name": "station_id", "Type": "string"},
            {"Name": "%s", "Type": "%s"}, {"Name": "%s", "Type": "%s"}],
          "Location": "s3://example-data/nyc_transit/hourly_ridership/dt=%s/",
          "InputFormat": "%s",
          "SerdeInfo": {"SerializationLibrary": "%s"}}}
        """
        .formatted(
            day,
            second,
            secondType,
            third,
            thirdType,
            day,
            parquet
                ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
                : "org.apache.hadoop.mapred.TextInputFormat",
            parquet
                ? "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
                : "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
  }

  @Test
  void htmlReportMatchesItsGolden() {
    Goldens.check(
        "partition-drift/" + TABLE + ".report.html",
        object("reports/" + TABLE + "/" + RUN + ".report.html"));
  }

  @Test
  void markdownReportMatchesItsGolden() {
    Goldens.check(
        "partition-drift/" + TABLE + ".report.md",
        object("reports/" + TABLE + "/" + RUN + ".report.md"));
  }

  @Test
  void indexMatchesItsGolden() {
    Goldens.check("partition-drift/index.html", object("index.html"));
  }

  @Test
  void theReportNamesEveryPartitionFindingAndTheSample() {
    // Markdown escapes the characters it would otherwise read as markup.
    String markdown =
        new String(object("reports/" + TABLE + "/" + RUN + ".report.md"), StandardCharsets.UTF_8);
    for (String expected :
        List.of(
            "\\@partition\\[dt=2026-11-23\\].riders",
            "\\@partition\\[dt=2026-11-24\\].transfers",
            "\\@partition\\[dt=2026-11-25\\]",
            "HIVE\\_PARTITION\\_SCHEMA\\_MISMATCH",
            "dt=2026-11-23 to dt=2026-11-26")) {
      assertTrue(markdown.contains(expected), expected + " missing from:\n" + markdown);
    }
  }

  @Test
  void aReportOfPartitionsAnEarlierRunReadNamesThatRun() {
    MemoryObjectStore kept = new MemoryObjectStore();
    Scenario.writeRun(kept, RUN, List.of(hourlyRidership("20261125T080000Z")));
    new ReportGenerator(kept, Scenario.BUCKET, 2).generateRun("runs/" + RUN + ".json");
    for (String format : List.of("md", "html")) {
      String report =
          new String(
              kept.get(Scenario.BUCKET, "reports/" + TABLE + "/" + RUN + ".report." + format)
                  .orElseThrow(),
              StandardCharsets.UTF_8);
      assertTrue(report.contains("read by run 20261125T080000Z"), report);
      assertTrue(report.contains("only the contract changed"), report);
    }
    String fresh =
        new String(object("reports/" + TABLE + "/" + RUN + ".report.md"), StandardCharsets.UTF_8);
    assertTrue(!fresh.contains("read by run"), fresh);
  }

  private static byte[] object(String key) {
    return store.get(Scenario.BUCKET, key).orElseThrow(() -> new AssertionError(key + " missing"));
  }
}
