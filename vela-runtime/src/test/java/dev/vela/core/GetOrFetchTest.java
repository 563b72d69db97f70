package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import dev.vela.PutOptions;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** getOrFetch: one fetch per missing key, shared results and failures, timeouts. */
class GetOrFetchTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final ManualClock clock = new ManualClock();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private Cache<String, String> cache = TestCaches.strings("fetched", clock).create();

  @AfterEach
  void close() throws InterruptedException {
    cache.close();
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private SingleFlight<String, String> flights() {
    return ((CoreCache<String, String>) cache).flights();
  }

  /** Starts {@code callers} threads calling getOrFetch for {@code key}, after the leader is inside the fetcher. */
  private List<Future<String>> waitersFor(String key, int callers) {
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      futures.add(executor.submit(() -> cache.getOrFetch(key, k -> {
        throw new AssertionError("a waiter must not fetch");
      })));
    }
    Concurrently.await(DEADLINE, callers + " callers wait", () -> flights().waiters(key) >= callers);
    return futures;
  }

  @Test
  void aHitDoesNotFetch() {
    cache.put("k", "cached");

    assertThat(cache.getOrFetch("k", k -> "fetched")).isEqualTo("cached");
    assertThat(cache.stats().fetches()).isZero();
  }

  @Test
  void aMissFetchesOnceAndStoresWithTheOptions() {
    String value = cache.getOrFetch("k", k -> "fetched:" + k, PutOptions.ttl(Duration.ofSeconds(30)).withTags("t"));

    assertThat(value).isEqualTo("fetched:k");
    assertThat(cache.get("k")).contains("fetched:k");
    assertThat(cache.ttl("k")).contains(Duration.ofSeconds(30));
    assertThat(cache.export()).singleElement().satisfies(e -> assertThat(e.tags()).isEqualTo(Set.of("t")));
    assertThat(cache.stats().fetches()).isEqualTo(1);
    assertThat(cache.stats().writes()).isEqualTo(1);
  }

  @Test
  void fiftyCallersOfAMissingKeyShareOneFetch() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Future<String> leader = executor.submit(() -> cache.getOrFetch("k", k -> {
      fetches.incrementAndGet();
      await(release);
      return "value";
    }));
    Concurrently.await(DEADLINE, "the leader fetches", () -> fetches.get() == 1);
    List<Future<String>> waiters = waitersFor("k", 49);

    release.countDown();

    assertThat(leader.get(20, TimeUnit.SECONDS)).isEqualTo("value");
    for (Future<String> waiter : waiters) {
      assertThat(waiter.get(20, TimeUnit.SECONDS)).isEqualTo("value");
    }
    assertThat(fetches).hasValue(1);
    assertThat(cache.stats().fetches()).isEqualTo(1);
    assertThat(flights().inFlight()).isZero();
  }

  @Test
  void aFetcherThatThrowsFailsEveryWaiterWithItsCauseAndCachesNothing() throws Exception {
    IllegalStateException failure = new IllegalStateException("database down");
    CountDownLatch release = new CountDownLatch(1);
    Future<String> leader = executor.submit(() -> cache.getOrFetch("k", k -> {
      await(release);
      throw failure;
    }));
    Concurrently.await(DEADLINE, "the leader fetches", () -> flights().inFlight() == 1);
    List<Future<String>> waiters = waitersFor("k", 10);

    release.countDown();

    List<Future<String>> all = new ArrayList<>(waiters);
    all.add(leader);
    for (Future<String> caller : all) {
      assertThatThrownBy(() -> caller.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("'k'")
          .hasCause(failure);
    }
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.stats().fetchErrors()).isEqualTo(1);
  }

  @Test
  void aNullResultIsAFetchErrorAndNothingIsCached() {
    assertThatThrownBy(() -> cache.getOrFetch("k", k -> null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("returned null");

    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.stats().fetchErrors()).isEqualTo(1);
  }

  @Test
  void anErrorFromTheFetcherReachesTheCallerAsIs() {
    AssertionError error = new AssertionError("bug");

    assertThatThrownBy(() -> cache.getOrFetch("k", k -> {
      throw error;
    })).isSameAs(error);
    assertThat(cache.stats().fetchErrors()).isEqualTo(1);
  }

  @Test
  void aWaiterGivesUpAfterTheStampedeTimeout() throws Exception {
    cache.close();
    cache = TestCaches.strings("slow", clock).stampedeTimeout(Duration.ofMillis(50)).create();
    CountDownLatch release = new CountDownLatch(1);
    Future<String> leader = executor.submit(() -> cache.getOrFetch("k", k -> {
      await(release);
      return "late";
    }));
    Concurrently.await(DEADLINE, "the leader fetches", () -> flights().inFlight() == 1);

    try {
      assertThatThrownBy(() -> cache.getOrFetch("k", k -> "mine"))
          .isInstanceOf(FetchTimeoutException.class)
          .hasMessageContaining("'k'")
          .hasMessageContaining("50ms")
          .hasMessageContaining("stampedeTimeout");
    } finally {
      release.countDown();
    }
    assertThat(leader.get(20, TimeUnit.SECONDS)).isEqualTo("late");
  }

  @Test
  void aFetchThatNeverEndsHoldsUpOnlyItsOwnKey() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Future<String> stuck = executor.submit(() -> cache.getOrFetch("stuck", k -> {
      await(never);
      return "too late";
    }));
    Concurrently.await(DEADLINE, "the stuck fetch starts", () -> flights().inFlight() == 1);

    try {
      CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> cache.getOrFetch("other", k -> "quick"), executor);
      assertThat(other.get(20, TimeUnit.SECONDS)).isEqualTo("quick");
    } finally {
      never.countDown();
    }
    assertThat(stuck.get(20, TimeUnit.SECONDS)).isEqualTo("too late");
  }

  @Test
  void withoutStampedeProtectionEveryCallerFetchesAtTheSameTime() throws Exception {
    cache.close();
    cache = TestCaches.strings("unprotected", clock).stampedeProtection(false).create();
    int callers = 4;
    CountDownLatch allInside = new CountDownLatch(callers);
    List<String> results = new CopyOnWriteArrayList<>();

    Concurrently.run(callers, DEADLINE, thread -> results.add(cache.getOrFetch("k", k -> {
      allInside.countDown();
      await(allInside); // only opens if no caller holds a lock that keeps the others out
      return "v" + thread;
    })));

    assertThat(results).hasSize(callers);
    assertThat(cache.stats().fetches()).isEqualTo(callers);
    assertThat(((CoreCache<String, String>) cache).flights()).isNull();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never released the fetcher");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
