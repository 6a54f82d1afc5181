package dev.schemadrift.bench;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The widest table the monitor compares ({@link GlueTable#MAX_COLUMNS} columns) against a
 * one-column contract, in wall time: the comparison must stay linear up to the limit (issue 13 asks
 * for under 2 s). A measured figure for {@code make bench}, never a timed unit test.
 */
public final class ColumnLimitBench {
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static volatile DiffArtifact sink;

  private ColumnLimitBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (int columns :
        List.of(GlueTable.MAX_COLUMNS / 4, GlueTable.MAX_COLUMNS / 2, GlueTable.MAX_COLUMNS)) {
      List<String[]> wide = new ArrayList<>(columns);
      for (int index = 0; index < columns; index++) {
        wide.add(new String[] {"c" + index, "bigint"});
      }
      GlueTable table = WideSchemas.table(wide);
      var contract = WideSchemas.contract(List.<String[]>of(new String[] {"c0", "bigint"}));
      long best = Long.MAX_VALUE;
      long first = 0;
      for (int round = 0; round < rounds; round++) {
        long started = System.nanoTime();
        sink = TableCheck.compared(RUN, null, contract, table, null, false);
        long elapsed = System.nanoTime() - started;
        first = round == 0 ? elapsed : first;
        best = Math.min(best, elapsed);
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "columns %,d against a one-column contract: first %d ms, best of %d %d ms (%s, %,d"
                  + " findings)",
              columns,
              first / 1_000_000,
              rounds,
              best / 1_000_000,
              sink.status(),
              sink.findings().size()));
    }
  }
}
