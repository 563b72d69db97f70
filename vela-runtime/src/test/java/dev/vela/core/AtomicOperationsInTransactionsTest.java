package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional writes and transactions on the same keys: a conditional write waits for a
 * transaction that holds its key, works inside a transaction on the transaction's keys, is refused
 * for other keys there, and mixed with transactions' read-then-put loses no update.
 */
class AtomicOperationsInTransactionsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final Cache<String, Long> cache = AtomicOperationsContract.longs("atomic-tx", new ManualClock()).create();
  private final KeyLocks locks = ((CoreCache<String, Long>) cache).locks();
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void close() throws InterruptedException {
    cache.close();
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aConditionalWriteWaitsForATransactionOnItsKey() throws Exception {
    cache.put("k", 1L);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = executor.submit(() -> cache.transaction(List.of("k"), c -> {
      inside.countDown();
      await(release);
      c.put("k", c.getOrThrow("k") * 10);
      return null;
    }));
    assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();

    Future<Long> merger = executor.submit(() -> cache.merge("k", 1L, Long::sum));
    Concurrently.await(DEADLINE, "the merge waits for the key", () -> locks.waitingWriters("k") == 1);
    assertThat(merger).isNotDone();
    release.countDown();

    holder.get(20, TimeUnit.SECONDS);
    // the merge saw 1 before the transaction wrote 10: its write failed and it merged again into 10
    assertThat(merger.get(20, TimeUnit.SECONDS)).isEqualTo(11L);
    assertThat(cache.get("k")).contains(11L);
  }

  @Test
  void insideATransactionConditionalWritesOfItsKeysWork() {
    cache.put("a", 1L);

    Long result = cache.transaction(List.of("a", "b"), c -> {
      assertThat(c.putIfAbsent("b", 5L)).isTrue();
      assertThat(c.replace("a", 1L, 2L)).isTrue();
      assertThat(c.getAndDelete("b")).contains(5L);
      assertThat(c.deleteAll(List.of("b"))).isZero();
      return c.merge("a", 40L, Long::sum);
    });

    assertThat(result).isEqualTo(42L);
    assertThat(cache.get("a")).contains(42L);
  }

  @Test
  void insideATransactionWritesOfOtherKeysAreRefused() {
    String other = keyOnAnotherStripeThan("a");

    cache.transaction(List.of("a"), c -> {
      assertThatThrownBy(() -> c.merge(other, 1L, Long::sum))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
      assertThatThrownBy(() -> c.deleteAll(List.of(other)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
      return null;
    });

    assertThat(cache.exists(other)).isFalse();
  }

  @Test
  void mergesAndTransactionalIncrementsTogetherLoseNoUpdate() throws Exception {
    cache.put("k", 0L);
    int perThread = 500;

    Concurrently.run(4, DEADLINE, thread -> {
      for (int i = 0; i < perThread; i++) {
        if (thread % 2 == 0) {
          cache.merge("k", 1L, Long::sum);
        } else {
          cache.transaction(List.of("k"), c -> {
            c.put("k", c.getOrThrow("k") + 1);
            return null;
          });
        }
      }
    });

    assertThat(cache.get("k")).contains(4L * perThread);
  }

  private static String keyOnAnotherStripeThan(String key) {
    KeyLocks probe = new KeyLocks("probe");
    int[] stripe = probe.stripesOf(List.of(key));
    for (int i = 0; ; i++) {
      String candidate = "other-" + i;
      if (probe.stripesOf(List.of(candidate))[0] != stripe[0]) {
        return candidate;
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
