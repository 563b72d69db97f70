package dev.vela.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one body on several threads that start together, and fails the test if any thread throws
 * or if they do not all finish within the deadline.
 */
public final class Concurrently {
  private Concurrently() {}

  /** The work of one thread, given its index. */
  @FunctionalInterface
  public interface Body {
    /** Runs the work of thread {@code thread}. */
    void run(int thread) throws Exception;
  }

  /** Runs {@code body} on {@code threads} threads and waits at most {@code deadline} for them. */
  public static void run(int threads, Duration deadline, Body body) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(executor.submit(() -> {
          start.await();
          body.run(index);
          return null;
        }));
      }
      start.countDown();
      long until = System.nanoTime() + deadline.toNanos();
      for (Future<?> future : futures) {
        future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).as("threads stopped").isTrue();
    }
  }

  /** Waits until {@code condition} holds, failing after {@code deadline}; for states a test cannot be told of. */
  public static void await(Duration deadline, String what, java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out after " + deadline + " waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
