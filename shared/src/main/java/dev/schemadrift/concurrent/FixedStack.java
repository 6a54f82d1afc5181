package dev.schemadrift.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Threads whose stack size is fixed here rather than by the JVM: the type parser and the comparison
 * recurse once or a few times per nesting level, up to the documented limit ({@code
 * TypeParser.MAX_NESTING}), and how much stack that takes depends on the JIT's frames. On a stack
 * of its own the same input gets the same verdict on every run and whatever {@code -Xss} the JVM
 * was started with; virtual threads and default-sized threads give no such promise.
 */
public final class FixedStack {
  /**
   * 64 MiB, reserved rather than committed: the deepest input the limits admit needs a few MiB even
   * in the interpreter.
   */
  public static final long BYTES = 64L << 20;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private FixedStack() {}

  /** Daemon threads with the fixed stack, named {@code prefix-N}. */
  public static ThreadFactory threads(String prefix) {
    return work -> {
      Thread thread = new Thread(null, work, prefix + "-" + THREADS.incrementAndGet(), BYTES);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs {@code work} on a new thread with the fixed stack and returns its result; what it throws
   * (an unchecked exception or an error) is rethrown as it was.
   *
   * @throws CancellationException when the calling thread is interrupted while it waits (the
   *     interrupt is kept)
   */
  public static <T> T call(String name, Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        threads(name)
            .newThread(
                () -> {
                  try {
                    result.set(work.get());
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                });
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      CancellationException cancelled =
          new CancellationException("interrupted while waiting for " + thread.getName());
      cancelled.initCause(e);
      throw cancelled;
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return result.get();
  }
}
