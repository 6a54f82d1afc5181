package dev.schemadrift.bench;

import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.contract.Contract;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where one warm parse + diff of the 1,000-column pair spends its CPU, measured alone (no other
 * variant interleaved, unlike {@link CpuTimeComparison}): building the contract (type strings
 * through the cache), building the Glue table, comparing + policy on ready models, and the whole
 * operation as {@code oursParseAndDiff} runs it. Thread CPU time, median of the measured rounds.
 */
public final class StageBreakdown {
  private static final RunId RUN = new RunId("20261126T080000Z");
  private static final int OPERATIONS = 200;
  private static volatile Object sink;

  private StageBreakdown() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    WideSchemas.Pair pair = WideSchemas.widePair();
    Contract contract = WideSchemas.contract(pair.expected());
    GlueTable table = WideSchemas.table(pair.actual());
    String[] names = {"contract", "table", "compare+policy", "whole operation"};
    List<List<Double>> micros = new ArrayList<>();
    for (String ignored : names) {
      micros.add(new ArrayList<>());
    }
    for (int round = -20; round < rounds; round++) {
      long[] marks = new long[names.length + 1];
      marks[0] = threads.getCurrentThreadCpuTime();
      for (int operation = 0; operation < OPERATIONS; operation++) {
        sink = WideSchemas.contract(pair.expected());
      }
      marks[1] = threads.getCurrentThreadCpuTime();
      for (int operation = 0; operation < OPERATIONS; operation++) {
        sink = WideSchemas.table(pair.actual());
      }
      marks[2] = threads.getCurrentThreadCpuTime();
      for (int operation = 0; operation < OPERATIONS; operation++) {
        sink = TableCheck.compared(RUN, null, contract, table, null, false);
      }
      marks[3] = threads.getCurrentThreadCpuTime();
      for (int operation = 0; operation < OPERATIONS; operation++) {
        sink =
            TableCheck.compared(
                RUN,
                null,
                WideSchemas.contract(pair.expected()),
                WideSchemas.table(pair.actual()),
                null,
                false);
      }
      marks[4] = threads.getCurrentThreadCpuTime();
      if (round >= 0) {
        for (int stage = 0; stage < names.length; stage++) {
          micros.get(stage).add((marks[stage + 1] - marks[stage]) / 1e3 / OPERATIONS);
        }
      }
    }
    for (int stage = 0; stage < names.length; stage++) {
      List<Double> sorted = micros.get(stage).stream().sorted().toList();
      System.out.printf(
          Locale.ROOT,
          "stage %-16s median=%7.1f us/op (quartiles %.1f..%.1f)%n",
          names[stage],
          sorted.get(sorted.size() / 2),
          sorted.get(sorted.size() / 4),
          sorted.get(sorted.size() * 3 / 4));
    }
  }
}
