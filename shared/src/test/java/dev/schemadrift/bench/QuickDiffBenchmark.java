package dev.schemadrift.bench;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quick, one-off measurement (not a test): parse + diff of two 1,000-column schemas with nested
 * types and 10 changes. The JMH harness in benchmarks/ is the real benchmark; this gives a first
 * figure. Run: java -cp … dev.schemadrift.bench.QuickDiffBenchmark
 */
public final class QuickDiffBenchmark {
  private QuickDiffBenchmark() {}

  public static void main(String[] args) {
    List<String> expectedTypes = new ArrayList<>();
    List<String> actualTypes = new ArrayList<>();
    for (int index = 0; index < 1000; index++) {
      String type =
          switch (index % 5) {
            case 0 ->
                "struct<id:bigint,name:varchar(64),geo:struct<lat:double,lon:double>,tags:array<string>>";
            case 1 -> "array<struct<code:int,amount:decimal(12,2),at:timestamp>>";
            case 2 -> "map<string,struct<count:int,ratio:double>>";
            case 3 -> "decimal(10,2)";
            default -> "string";
          };
      expectedTypes.add(type);
      actualTypes.add(
          index % 100 == 7
              ? type.replace("int", "bigint").replace("decimal(10,2)", "decimal(12,2)")
              : type);
    }
    RunId run = new RunId("20261126T080000Z");
    int warmup = 2_000;
    int measured = 5_000;
    long first = System.nanoTime();
    DiffArtifact artifact = once(expectedTypes, actualTypes, run);
    long firstNanos = System.nanoTime() - first;
    for (int i = 0; i < warmup; i++) {
      once(expectedTypes, actualTypes, run);
    }
    long start = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      once(expectedTypes, actualTypes, run);
    }
    long perOp = (System.nanoTime() - start) / measured;
    System.out.printf(
        Locale.ROOT,
        "findings=%d status=%s first-call=%.1f ms warm=%.1f µs/op (parse both sides + diff + policy)%n",
        artifact.findings().size(),
        artifact.status(),
        firstNanos / 1e6,
        perOp / 1e3);
  }

  private static DiffArtifact once(
      List<String> expectedTypes, List<String> actualTypes, RunId run) {
    List<ContractColumn> columns = new ArrayList<>(expectedTypes.size());
    List<GlueColumn> glue = new ArrayList<>(actualTypes.size());
    for (int index = 0; index < expectedTypes.size(); index++) {
      columns.add(ContractColumn.of("c" + index, TypeParser.parse(expectedTypes.get(index))));
      glue.add(GlueColumn.of("c" + index, actualTypes.get(index)));
    }
    Contract contract =
        new Contract(
            "1.0.0",
            "db",
            "wide",
            null,
            null,
            "s3://bucket-name/wide/",
            ContractFormat.PARQUET,
            null,
            columns,
            List.of(),
            null);
    GlueTable table =
        new GlueTable(
            "db",
            "wide",
            "EXTERNAL_TABLE",
            Map.of(),
            glue,
            List.of(),
            "s3://bucket-name/wide/",
            null,
            null,
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Map.of(),
            true,
            "1",
            null);
    return TableCheck.compared(run, null, contract, table, null, false);
  }
}
