package dev.schemadrift.cli;

import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.TableResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on standard error: a live line on a terminal, a plain line every few seconds when the
 * output is a log (CI), one line per table with {@code --verbose}, nothing with {@code --quiet}.
 */
final class Progress implements SchemaDiffRun.Listener {
  /** How chatty to be. */
  enum Level {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final Level level;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;
  private long lastLine = start;

  Progress(PrintWriter err, Level level, boolean terminal) {
    this.err = err;
    this.level = level;
    this.terminal = terminal;
  }

  @Override
  public void started(int tables) {
    total = tables;
    if (level != Level.QUIET && !terminal) {
      err.println("schema-drift: checking " + tables + " table" + (tables == 1 ? "" : "s"));
      err.flush();
    }
  }

  @Override
  public synchronized void tableDone(TableResult result) {
    int count = done.incrementAndGet();
    String table = result.artifact().table().qualified();
    String elapsed = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
    if (level == Level.VERBOSE) {
      err.printf(Locale.ROOT, "[%d/%d] %-9s %s%n", count, total, result.artifact().status(), table);
    } else if (level == Level.NORMAL && terminal) {
      String line = String.format(Locale.ROOT, "[%d/%d] %s  %s", count, total, elapsed, table);
      err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001b[K");
    } else if (level == Level.NORMAL && System.nanoTime() - lastLine >= LOG_INTERVAL_NANOS) {
      lastLine = System.nanoTime();
      err.printf(Locale.ROOT, "schema-drift: %d/%d tables checked (%s)%n", count, total, elapsed);
    }
    err.flush();
  }

  /** Ends the live line so that what follows starts on a fresh one. */
  void finish() {
    if (level == Level.NORMAL && terminal && done.get() > 0) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
