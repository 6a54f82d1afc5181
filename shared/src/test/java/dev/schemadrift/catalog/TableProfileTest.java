package dev.schemadrift.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.contract.ContractFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The format profile of every SerDe named in docs/RULES.md "Format profiles". */
class TableProfileTest {
  private static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
  private static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
  private static final String REGEX = "org.apache.hadoop.hive.serde2.RegexSerDe";
  private static final String GROK = "com.amazonaws.glue.serde.GrokSerDe";
  private static final String PARQUET =
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  private static final String ORC = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
  private static final String OPENX_JSON = "org.openx.data.jsonserde.JsonSerDe";
  private static final String HCATALOG_JSON = "org.apache.hive.hcatalog.data.JsonSerDe";
  private static final String HIVE_JSON = "org.apache.hadoop.hive.serde2.JsonSerDe";
  private static final String CLOUDTRAIL = "com.amazon.emr.hive.serde.CloudTrailSerde";
  private static final String ION = "com.amazon.ionhiveserde.IonHiveSerDe";
  private static final String AVRO = "org.apache.hadoop.hive.serde2.avro.AvroSerDe";

  private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
  private static final String PARQUET_INPUT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  private static final String ORC_INPUT = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
  private static final String ION_INPUT = "com.amazon.ionhiveserde.formats.IonInputFormat";
  private static final String AVRO_INPUT =
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat";

  /** One row of the profile table: a Glue table's storage, and what it must be judged as. */
  private record Case(
      String name,
      String serde,
      String input,
      Map<String, String> serdeParameters,
      Map<String, String> tableParameters,
      FormatProfile profile,
      FileFamily family,
      ContractFormat recognisedFormat) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case serde(
      String name, String serde, FormatProfile profile, FileFamily family, ContractFormat format) {
    return new Case(name, serde, TEXT_INPUT, Map.of(), Map.of(), profile, family, format);
  }

  static Stream<Case> cases() {
    return Stream.of(
        serde(
            "LazySimpleSerDe",
            LAZY_SIMPLE,
            FormatProfile.POSITIONAL,
            FileFamily.TEXT,
            ContractFormat.CSV),
        serde(
            "OpenCSVSerde",
            OPEN_CSV,
            FormatProfile.POSITIONAL,
            FileFamily.TEXT,
            ContractFormat.CSV),
        serde("RegexSerDe", REGEX, FormatProfile.POSITIONAL, FileFamily.TEXT, ContractFormat.REGEX),
        serde("GrokSerDe", GROK, FormatProfile.POSITIONAL, FileFamily.TEXT, ContractFormat.REGEX),
        new Case(
            "ParquetHiveSerDe by default",
            PARQUET,
            PARQUET_INPUT,
            Map.of("serialization.format", "1"),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "ParquetHiveSerDe with index access in the SerDe parameters",
            PARQUET,
            PARQUET_INPUT,
            Map.of("parquet.column.index.access", "true"),
            Map.of(),
            FormatProfile.POSITIONAL,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "ParquetHiveSerDe with index access in the table parameters",
            PARQUET,
            PARQUET_INPUT,
            Map.of(),
            Map.of("parquet.column.index.access", "TRUE"),
            FormatProfile.POSITIONAL,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "ParquetHiveSerDe: the SerDe parameter wins over the table parameter",
            PARQUET,
            PARQUET_INPUT,
            Map.of("parquet.column.index.access", "false"),
            Map.of("parquet.column.index.access", "true"),
            FormatProfile.BY_NAME,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "OrcSerde by default",
            ORC,
            ORC_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.POSITIONAL,
            FileFamily.ORC,
            ContractFormat.ORC),
        new Case(
            "OrcSerde with name access",
            ORC,
            ORC_INPUT,
            Map.of("orc.column.index.access", "false"),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.ORC,
            ContractFormat.ORC),
        new Case(
            "OrcSerde with name access in the table parameters",
            ORC,
            ORC_INPUT,
            Map.of(),
            Map.of("orc.column.index.access", "false"),
            FormatProfile.BY_NAME,
            FileFamily.ORC,
            ContractFormat.ORC),
        new Case(
            "OrcSerde with explicit index access",
            ORC,
            ORC_INPUT,
            Map.of("orc.column.index.access", "true"),
            Map.of(),
            FormatProfile.POSITIONAL,
            FileFamily.ORC,
            ContractFormat.ORC),
        serde(
            "OpenX JSON", OPENX_JSON, FormatProfile.BY_NAME, FileFamily.JSON, ContractFormat.JSON),
        serde(
            "HCatalog JSON",
            HCATALOG_JSON,
            FormatProfile.BY_NAME,
            FileFamily.JSON,
            ContractFormat.JSON),
        serde("Hive JSON", HIVE_JSON, FormatProfile.BY_NAME, FileFamily.JSON, ContractFormat.JSON),
        serde(
            "CloudTrailSerde",
            CLOUDTRAIL,
            FormatProfile.BY_NAME,
            FileFamily.JSON,
            ContractFormat.JSON),
        new Case(
            "Ion",
            ION,
            ION_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.ION,
            ContractFormat.ION),
        new Case(
            "Avro",
            AVRO,
            AVRO_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.AVRO,
            ContractFormat.AVRO),
        new Case(
            "Iceberg (table_type in lower case)",
            null,
            PARQUET_INPUT,
            Map.of(),
            Map.of("table_type", "iceberg"),
            FormatProfile.ICEBERG,
            FileFamily.ICEBERG,
            ContractFormat.ICEBERG),
        new Case(
            "Iceberg beats the Parquet SerDe",
            PARQUET,
            PARQUET_INPUT,
            Map.of(),
            Map.of("table_type", "ICEBERG"),
            FormatProfile.ICEBERG,
            FileFamily.ICEBERG,
            ContractFormat.ICEBERG),
        serde(
            "unknown SerDe",
            "com.example.serde.CustomSerDe",
            FormatProfile.UNKNOWN,
            FileFamily.UNKNOWN,
            null),
        new Case(
            "no SerDe, no input format",
            null,
            null,
            Map.of(),
            Map.of(),
            FormatProfile.UNKNOWN,
            FileFamily.UNKNOWN,
            null),
        new Case(
            "no SerDe, TextInputFormat says nothing",
            null,
            TEXT_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.UNKNOWN,
            FileFamily.UNKNOWN,
            null),
        new Case(
            "no SerDe, Parquet input format",
            null,
            PARQUET_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "no SerDe, Parquet input format with index access",
            null,
            PARQUET_INPUT,
            Map.of(),
            Map.of("parquet.column.index.access", "true"),
            FormatProfile.POSITIONAL,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "no SerDe, ORC input format",
            null,
            ORC_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.POSITIONAL,
            FileFamily.ORC,
            ContractFormat.ORC),
        new Case(
            "no SerDe, Ion input format",
            null,
            ION_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.ION,
            ContractFormat.ION),
        new Case(
            "no SerDe, Avro input format",
            null,
            AVRO_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.AVRO,
            ContractFormat.AVRO),
        new Case(
            "unrecognised SerDe: the Parquet input format decides",
            "com.example.serde.CustomSerDe",
            PARQUET_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.BY_NAME,
            FileFamily.PARQUET,
            ContractFormat.PARQUET),
        new Case(
            "unrecognised SerDe: the ORC input format decides",
            "com.example.serde.CustomSerDe",
            ORC_INPUT,
            Map.of(),
            Map.of(),
            FormatProfile.POSITIONAL,
            FileFamily.ORC,
            ContractFormat.ORC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void derivesTheProfile(Case profileCase) {
    for (boolean partitioned : List.of(false, true)) {
      GlueTable table = table(profileCase, partitioned);

      TableProfile profile = TableProfile.of(table);

      assertEquals(
          new TableProfile(
              profileCase.profile(),
              profileCase.family(),
              partitioned,
              profileCase.recognisedFormat()),
          profile);
    }
  }

  @Test
  void unknownIsJudgedAsPositionalAndSaysSo() {
    TableProfile unknown = new TableProfile(FormatProfile.UNKNOWN, FileFamily.UNKNOWN, false, null);

    assertEquals(FormatProfile.POSITIONAL, unknown.profile().judgedAs());
    assertEquals("an unrecognised format (assumed read by position)", unknown.describe());
    assertEquals(FormatProfile.BY_NAME, FormatProfile.BY_NAME.judgedAs());
  }

  @Test
  void describesProfilesForReasons() {
    assertEquals(
        "Parquet (read by name)",
        new TableProfile(FormatProfile.BY_NAME, FileFamily.PARQUET, true, ContractFormat.PARQUET)
            .describe());
    assertEquals(
        "text files (read by position)",
        new TableProfile(FormatProfile.POSITIONAL, FileFamily.TEXT, false, ContractFormat.CSV)
            .describe());
    assertEquals(
        "Iceberg (read by field id)",
        new TableProfile(FormatProfile.ICEBERG, FileFamily.ICEBERG, false, ContractFormat.ICEBERG)
            .describe());
  }

  @Test
  void icebergIsRecognisedInAnyCase() {
    for (String type : List.of("ICEBERG", "iceberg", "Iceberg")) {
      GlueTable table =
          table(
              new Case("", null, null, Map.of(), Map.of("table_type", type), null, null, null),
              false);
      assertTrue(table.isIceberg(), type);
    }
    assertFalse(
        table(
                new Case("", null, null, Map.of(), Map.of("table_type", "hive"), null, null, null),
                false)
            .isIceberg());
  }

  private static GlueTable table(Case profileCase, boolean partitioned) {
    return new GlueTable(
        "nyc_parks",
        "parks_properties",
        "EXTERNAL_TABLE",
        profileCase.tableParameters(),
        List.of(GlueColumn.of("gispropnum", "string")),
        partitioned ? List.of(GlueColumn.of("snapshot_date", "date")) : List.of(),
        "s3://example-data/nyc/parks_properties/",
        profileCase.input(),
        null,
        profileCase.serde(),
        profileCase.serdeParameters(),
        true,
        "1",
        null);
  }
}
