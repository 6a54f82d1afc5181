package dev.schemadrift.bench;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.diff.SchemaComparison;
import dev.schemadrift.type.TypeParser;
import java.util.Locale;

/**
 * Where the first parse + diff in a fresh JVM spends its time, step by step (not a benchmark: one
 * run, for finding what to make faster). Also the training run for the AppCDS archive that {@link
 * FirstCallBenchmark} measures.
 */
public final class FirstCallSteps {
  private FirstCallSteps() {}

  public static void main(String[] args) {
    WideSchemas.Pair pair = WideSchemas.widePair();
    long start = System.nanoTime();
    TypeParser.parse("struct<a:int>");
    long oneParse = System.nanoTime();
    Contract contract = WideSchemas.contract(pair.expected());
    long contractParsed = System.nanoTime();
    GlueTable table = WideSchemas.table(pair.actual());
    SchemaComparison.Result result = SchemaComparison.compare(contract, table);
    long compared = System.nanoTime();
    int findings =
        TableCheck.compared(new RunId("20261126T080000Z"), null, contract, table, null, false)
            .findings()
            .size();
    long checked = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "first-call steps: first parse %.1f ms, contract parse %.1f ms, table parse + compare %.1f"
            + " ms (%d changes), policy + artifact (compare again) %.1f ms (%d findings); total"
            + " %.1f ms%n",
        (oneParse - start) / 1e6,
        (contractParsed - oneParse) / 1e6,
        (compared - contractParsed) / 1e6,
        result.differences().size(),
        (checked - compared) / 1e6,
        findings,
        (checked - start) / 1e6);
  }
}
