package dev.schemadrift.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** At most the limit at once, results in the items' order, failures as they were thrown. */
class BoundedParallelismTest {

  /**
   * Work that recurses deeply (a type nested to the parser's limit, compared) must not depend on
   * the JVM's default stack size: each item runs on a stack of {@link FixedStack#BYTES}. 50,000
   * frames need several MiB, more than any default thread stack.
   */
  @Test
  void deepRecursionFitsTheFixedStack() {
    List<Integer> depths =
        new BoundedParallelism(2)
            .map(List.of(50_000, 50_000, 50_000), BoundedParallelismTest::depth);

    assertEquals(List.of(50_000, 50_000, 50_000), depths);
  }

  private static int depth(int remaining) {
    return remaining == 0 ? 0 : 1 + depth(remaining - 1);
  }

  @Test
  void resultsKeepTheItemsOrder() {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();

    List<Integer> squares =
        new BoundedParallelism(8)
            .map(
                items,
                item -> {
                  pause(item % 3);
                  return item * item;
                });

    assertEquals(items.stream().map(item -> item * item).toList(), squares);
  }

  @Test
  void neverMoreThanTheLimitAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();

    new BoundedParallelism(3)
        .map(
            IntStream.range(0, 40).boxed().toList(),
            item -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              pause(5);
              running.decrementAndGet();
              return item;
            });

    assertEquals(3, most.get(), "the limit is reached and never exceeded");
  }

  @Test
  void theFirstFailureInItemOrderIsRethrownAsItWas() {
    IllegalStateException second = new IllegalStateException("second");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                new BoundedParallelism(4)
                    .map(
                        List.of(0, 1, 2, 3),
                        item -> {
                          if (item == 1) {
                            pause(20);
                            throw second;
                          }
                          if (item == 3) {
                            throw new IllegalStateException("third");
                          }
                          return item;
                        }));

    assertSame(second, thrown);
  }

  @Test
  void noItemsNoWork() {
    assertTrue(new BoundedParallelism(1).map(List.<Integer>of(), item -> item).isEmpty());
  }

  @Test
  void theLimitIsAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> new BoundedParallelism(0));
    assertEquals(2, new BoundedParallelism(2).limit());
  }

  private static void pause(int milliseconds) {
    try {
      Thread.sleep(milliseconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
