package dev.schemadrift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.rule.PartitionRead;
import dev.schemadrift.rule.RuleContext;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The severity matrix as data: {@code severity/contexts.tsv} gives every rule's default severity in
 * every context its model distinguishes, {@code severity/type-pairs.tsv} runs every pair of a
 * representative set of Glue types through the comparison and the judgement in seven places. Each
 * row is one test, so changing one severity fails exactly the rows that name it.
 */
class SeverityMatrixTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  /**
   * The context rows; the {@code partition_read} column before the severity may be left out (it is
   * then {@code *}), so that rules which do not look at it keep their eight-column rows.
   */
  static List<Arguments> contextRows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (Arguments row : rows("severity/contexts.tsv", 8, 9)) {
      List<Object> cells = new ArrayList<>(List.of(row.get()));
      if (cells.size() == 8) {
        cells.add(7, "*");
      }
      rows.add(Arguments.of(cells.toArray()));
    }
    return rows;
  }

  static List<Arguments> typePairs() throws IOException {
    return rows("severity/type-pairs.tsv", 10, 10);
  }

  @ParameterizedTest(
      name = "{0} {1}/{2} partitioned={3} map_key={4} widening={5} structural={6} read={7}")
  @MethodSource("contextRows")
  void everyRuleHasItsSeverityInEveryContext(
      String rule,
      String profile,
      String family,
      String partitioned,
      String mapKey,
      String widening,
      String structural,
      String partitionRead,
      String severity) {
    for (RuleContext context :
        expand(profile, family, partitioned, mapKey, widening, structural, partitionRead)) {
      Severity actual = RuleId.valueOf(rule).model().severity(context);
      assertEquals(severity, actual == null ? "–" : actual.name(), rule + " in " + context);
    }
  }

  @Test
  void theContextRowsCoverEveryRuleInEveryContextOnce() throws IOException {
    Set<String> covered = new HashSet<>();
    for (Arguments row : contextRows()) {
      Object[] cells = row.get();
      for (RuleContext context :
          expand(
              (String) cells[1],
              (String) cells[2],
              (String) cells[3],
              (String) cells[4],
              (String) cells[5],
              (String) cells[6],
              (String) cells[7])) {
        assertTrue(covered.add(cells[0] + " " + context), "twice: " + cells[0] + " " + context);
      }
    }
    for (RuleId rule : RuleId.values()) {
      for (RuleContext context : RuleContext.all()) {
        assertTrue(covered.contains(rule + " " + context), "no row for " + rule + " " + context);
      }
    }
    assertEquals(RuleId.values().length * RuleContext.all().size(), covered.size());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("typePairs")
  void everyTypePairIsJudgedEndToEnd(
      String from,
      String to,
      String rule,
      String parquet,
      String parquetPartitioned,
      String json,
      String iceberg,
      String parquetMapKey,
      String parquetPartitionKey,
      String icebergPartitionKey) {
    assertJudged(rule, parquet, "parquet", from, to, null, null);
    assertJudged(rule, parquetPartitioned, "parquet", from, to, "string", "string");
    assertJudged(rule, json, "json", from, to, null, null);
    assertJudged(rule, iceberg, "iceberg", from, to, null, null);
    String mapOf = "map<%s,string>";
    assertJudged(
        rule, parquetMapKey, "parquet", mapOf.formatted(from), mapOf.formatted(to), null, null);
    String partitionKey = RuleId.PARTITION_KEY_TYPE_CHANGED.name();
    assertJudged(partitionKey, parquetPartitionKey, "parquet", "string", "string", from, to);
    assertJudged(partitionKey, icebergPartitionKey, "iceberg", "string", "string", from, to);
  }

  /**
   * Compares a contract with a column {@code v} (and a partition key {@code k} when key types are
   * given) with a Glue table holding the other types, and checks the single change found.
   */
  private static void assertJudged(
      String rule,
      String severity,
      String format,
      String expectedColumn,
      String actualColumn,
      String expectedKey,
      String actualKey) {
    String contract =
        """
        {"contract_version": "1.0.0", "database": "db", "table": "t",
         "data_location": "s3://bucket/t/", "format": "%s",
         "columns": [{"name": "id", "type": "bigint"}, {"name": "v", "type": "%s"}]%s}
        """
            .formatted(
                format,
                expectedColumn,
                expectedKey == null
                    ? ""
                    : ", \"partition_keys\": [{\"name\": \"k\", \"type\": \""
                        + expectedKey
                        + "\"}]");
    String serde =
        switch (format) {
          case "parquet" -> "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
          case "json" -> "org.openx.data.jsonserde.JsonSerDe";
          default -> "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
        };
    String table =
        """
        {"Name": "t", "DatabaseName": "db", "TableType": "EXTERNAL_TABLE",
         "Parameters": %s,
         "StorageDescriptor": {
           "Columns": [{"Name": "id", "Type": "bigint"}, {"Name": "v", "Type": "%s"}],
           "Location": "s3://bucket/t/", "SerdeInfo": {"SerializationLibrary": "%s"}},
         "PartitionKeys": [%s]}
        """
            .formatted(
                format.equals("iceberg") ? "{\"table_type\": \"ICEBERG\"}" : "{}",
                actualColumn,
                serde,
                actualKey == null ? "" : "{\"Name\": \"k\", \"Type\": \"" + actualKey + "\"}");
    Contract promised = ContractReader.read("contract", contract.getBytes(StandardCharsets.UTF_8));
    GlueTable glue = GlueTableReader.readOne("table", table.getBytes(StandardCharsets.UTF_8));
    List<Change> changes = Judgement.of(SchemaComparison.compare(promised, glue), glue, TODAY);
    String context = format + " " + expectedColumn + "/" + expectedKey + " -> " + actualColumn;
    assertEquals(1, changes.size(), context + ": " + changes);
    assertEquals(rule, changes.getFirst().rule().name(), context);
    assertEquals(severity, changes.getFirst().defaultSeverity().name(), context);
  }

  private static List<RuleContext> expand(
      String profile,
      String family,
      String partitioned,
      String mapKey,
      String widening,
      String structural,
      String partitionRead) {
    List<PartitionRead> reads =
        partitionRead.equals("*")
            ? List.of(PartitionRead.values())
            : Arrays.stream(partitionRead.split(",")).map(PartitionRead::valueOf).toList();
    List<RuleContext> contexts = new ArrayList<>();
    for (boolean p : values(partitioned)) {
      for (boolean m : values(mapKey)) {
        for (boolean w : values(widening)) {
          for (boolean s : values(structural)) {
            for (PartitionRead read : reads) {
              contexts.add(
                  new RuleContext(
                      FormatProfile.valueOf(profile),
                      FileFamily.valueOf(family),
                      p,
                      m,
                      w,
                      s,
                      read));
            }
          }
        }
      }
    }
    return contexts;
  }

  private static boolean[] values(String cell) {
    return switch (cell) {
      case "*" -> new boolean[] {false, true};
      case "true" -> new boolean[] {true};
      case "false" -> new boolean[] {false};
      default -> throw new IllegalArgumentException("not a flag: " + cell);
    };
  }

  private static List<Arguments> rows(String resource, int fewest, int most) throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = SeverityMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        assertTrue(
            cells.length >= fewest && cells.length <= most,
            resource + ": " + fewest + " to " + most + " columns: " + line);
        rows.add(Arguments.of((Object[]) cells));
      }
    }
    return rows;
  }
}
