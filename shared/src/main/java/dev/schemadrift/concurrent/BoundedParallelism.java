package dev.schemadrift.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies a function to every item of a list with at most {@link #limit()} applications at once,
 * keeping the items' order: how both functions work on many tables (S3, Glue and SNS calls) without
 * exceeding what their clients and quotas allow.
 *
 * <p>Each call has its own pool of at most {@link #limit()} threads with the {@link FixedStack}
 * stack, so the calls of one {@link #map} never wait for another's, work may itself call {@link
 * #map}, and deep inputs get the same verdict whatever the JVM's default stack size.
 */
public final class BoundedParallelism {
  private final int limit;

  public BoundedParallelism(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + limit);
    }
    this.limit = limit;
  }

  /** How many items are worked on at once, at most. */
  public int limit() {
    return limit;
  }

  /**
   * The results of {@code work} for every item, in the items' order, once all are done. The first
   * failure in item order is rethrown as it was (an unchecked exception or error) after the items
   * not yet finished are cancelled.
   *
   * @throws CancellationException when the calling thread is interrupted while it waits (the
   *     interrupt is kept)
   */
  public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    if (items.isEmpty()) {
      return List.of();
    }
    try (ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.min(limit, items.size()), FixedStack.threads("schema-drift-worker"))) {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(executor.submit(() -> work.apply(item)));
      }
      return results(futures);
    }
  }

  private static <R> List<R> results(List<Future<R>> futures) {
    List<R> results = new ArrayList<>(futures.size());
    try {
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(future -> future.cancel(true));
      CancellationException cancelled =
          new CancellationException("interrupted while waiting for parallel work");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      futures.forEach(future -> future.cancel(true));
      switch (e.getCause()) {
        case RuntimeException unchecked -> throw unchecked;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }
}
