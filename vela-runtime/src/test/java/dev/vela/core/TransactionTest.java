package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transactions lock their keys against other writers and transactions, without deadlocks. */
class TransactionTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final ManualClock clock = new ManualClock();
  private final Cache<String, String> cache = TestCaches.strings("tx", clock).create();
  private final KeyLocks locks = ((CoreCache<String, String>) cache).locks();
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void close() throws InterruptedException {
    cache.close();
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theWorkSeesTheCacheAndItsResultIsReturned() {
    cache.put("a", "1");

    String result = cache.transaction(List.of("a", "b"), c -> {
      c.put("b", c.getOrThrow("a") + "+");
      return c.getOrThrow("b");
    });

    assertThat(result).isEqualTo("1+");
    assertThat(cache.get("b")).contains("1+");
  }

  /** Holds a transaction on {@code keys} open until the returned latch is released. */
  private Future<?> holdTransaction(List<String> keys, CountDownLatch release) throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    Future<?> holder = executor.submit(() -> cache.transaction(keys, c -> {
      inside.countDown();
      awaitLatch(release);
      c.put(keys.get(0), "from transaction");
      return null;
    }));
    assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
    return holder;
  }

  @Test
  void aWriteToALockedKeyWaitsForTheTransaction() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdTransaction(List.of("k"), release);

    Future<?> writer = executor.submit(() -> cache.put("k", "from writer"));
    Concurrently.await(DEADLINE, "the writer waits for the key", () -> locks.waitingWriters("k") == 1);
    assertThat(writer).isNotDone();
    release.countDown();

    holder.get(20, TimeUnit.SECONDS);
    writer.get(20, TimeUnit.SECONDS);
    assertThat(cache.get("k")).contains("from writer");
  }

  @Test
  void aSecondTransactionOnTheKeyWaitsToo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdTransaction(List.of("k"), release);

    Future<String> second = executor.submit(() -> cache.transaction(List.of("k"), c -> c.getOrThrow("k")));
    Concurrently.await(DEADLINE, "the second transaction waits", () -> locks.waitingWriters("k") == 1);
    release.countDown();

    holder.get(20, TimeUnit.SECONDS);
    assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("from transaction");
  }

  @Test
  void writesToOtherKeysDoNotWait() throws Exception {
    String other = keyOnAnotherStripeThan("k");
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdTransaction(List.of("k"), release);
    try {
      executor.submit(() -> cache.put(other, "free")).get(20, TimeUnit.SECONDS);
      assertThat(cache.get(other)).contains("free");
    } finally {
      release.countDown();
    }
    holder.get(20, TimeUnit.SECONDS);
  }

  @Test
  void overlappingTransactionsInAnyKeyOrderNeverDeadlockAndNeverLoseAnUpdate() throws Exception {
    List<String> keys = List.of("a", "b", "c", "d", "e", "f");
    keys.forEach(key -> cache.put(key, "0"));
    int threads = 8;
    int perThread = 300;
    Concurrently.run(threads, DEADLINE, thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < perThread; i++) {
        List<String> chosen = new ArrayList<>(keys);
        Collections.shuffle(chosen, random);
        List<String> subset = chosen.subList(0, 2 + random.nextInt(3));
        cache.transaction(subset, c -> {
          for (String key : subset) {
            c.put(key, Integer.toString(Integer.parseInt(c.getOrThrow(key)) + 1));
          }
          return null;
        });
        if (random.nextInt(4) == 0) {
          String key = keys.get(random.nextInt(keys.size()));
          cache.transaction(List.of(key), c -> {
            c.put(key, Integer.toString(Integer.parseInt(c.getOrThrow(key)) + 1));
            return null;
          });
        }
      }
    });
    long total = keys.stream().mapToLong(key -> Long.parseLong(cache.getOrThrow(key))).sum();
    assertThat(cache.stats().writes()).isEqualTo(keys.size() + total);
  }

  @Test
  void transactionsAreReentrantInsideTheirWork() {
    String result = cache.transaction(List.of("a", "b"), outer -> {
      outer.put("a", "1");
      return outer.transaction(List.of("b"), inner -> {
        inner.put("b", "2");
        return inner.getOrThrow("a") + inner.getOrThrow("b");
      });
    });

    assertThat(result).isEqualTo("12");
    cache.put("a", "after"); // every lock was released
    assertThat(cache.get("a")).contains("after");
  }

  @Test
  void theWorkMayNotWriteOrLockKeysOutsideItsSet() {
    String outside = keyOnAnotherStripeThan("a");

    assertThatThrownBy(() -> cache.transaction(List.of("a"), c -> {
      c.put(outside, "x");
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("'" + outside + "'");
    assertThatThrownBy(() -> cache.transaction(List.of("a"), c -> c.transaction(List.of(outside), inner -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside a transaction");
    assertThatThrownBy(() -> cache.transaction(List.of("a"), c -> {
      c.flush();
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("flush");

    cache.put(outside, "fine afterwards");
    assertThat(cache.get(outside)).contains("fine afterwards");
  }

  @Test
  void aFailingWorkReleasesItsLocks() throws Exception {
    assertThatThrownBy(() -> cache.transaction(List.of("k"), c -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    executor.submit(() -> cache.put("k", "v")).get(20, TimeUnit.SECONDS);
    assertThat(cache.get("k")).contains("v");
  }

  @Test
  void putAllAndTransactionsSeeEachOtherWhole() throws Exception {
    cache.putAll(Map.of("x", "0", "y", "0"));
    Concurrently.run(4, DEADLINE, thread -> {
      for (int i = 1; i <= 2_000; i++) {
        if (thread == 0) {
          cache.putAll(Map.of("x", Integer.toString(i), "y", Integer.toString(i)));
        } else {
          cache.transaction(List.of("x", "y"), c -> {
            assertThat(c.getOrThrow("x")).isEqualTo(c.getOrThrow("y"));
            return null;
          });
        }
      }
    });
    assertThat(cache.get("x")).contains("2000");
  }

  private String keyOnAnotherStripeThan(String key) {
    int[] stripe = locks.stripesOf(List.of(key));
    for (int i = 0; ; i++) {
      String candidate = "other" + i;
      if (locks.stripesOf(List.of(candidate))[0] != stripe[0]) {
        return candidate;
      }
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
