package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheClosedException;
import dev.vela.CacheStats;
import dev.vela.PutOptions;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the asynchronous calls of {@link Cache} mean, whatever the backend and topology: one suite,
 * which a test of each configuration extends, saying only how to open the cache and whether its
 * calls wait for a network. Each result is checked against the blocking calls, and the future's
 * dependants are checked to run on the calling thread or the cache's {@code vela-async-} executor,
 * never on an I/O thread.
 */
public abstract class AsyncOperationsContract {
  /** How long one future may take before the test fails. */
  protected static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String ASYNC_THREADS = AsyncExecutor.THREAD_NAME_PREFIX;

  protected final ManualClock clock = new ManualClock();
  protected Cache<String, Long> cache;
  private final Set<String> dependantThreads = ConcurrentHashMap.newKeySet();

  /**
   * A new, empty cache of string keys and long values, with stats on and no default time to live,
   * whose entries expire by {@code clock}. The suite closes it after each test.
   */
  protected abstract Cache<String, Long> open(ManualClock clock);

  /**
   * True when some calls wait for Redis or another node, so their futures complete later, on the
   * cache's executor; false when every call completes at once, on the calling thread.
   */
  protected abstract boolean waitsForNetwork();

  @BeforeEach
  void openCache() {
    cache = open(clock);
  }

  @AfterEach
  void closeCache() {
    if (cache != null) {
      cache.close();
    }
  }

  /** Waits for {@code future}, noting the thread its dependants run on. */
  protected <T> T done(CompletableFuture<T> future) throws Exception {
    String caller = Thread.currentThread().getName();
    CompletableFuture<T> watched = future.whenComplete((value, failure) -> {
      String thread = Thread.currentThread().getName();
      dependantThreads.add(thread.equals(caller) ? "(caller)" : thread);
    });
    return watched.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exception {@code future} completed with, unwrapped once from {@link ExecutionException}. */
  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected " + future + " to fail");
  }

  @AfterEach
  void dependantsRanOffTheIoThreads() {
    assertThat(dependantThreads)
        .as("threads that ran dependants of the futures")
        .allSatisfy(thread -> assertThat(thread.equals("(caller)") || thread.startsWith(ASYNC_THREADS))
            .as("thread %s", thread).isTrue());
    dependantThreads.clear();
  }

  @Test
  void putThenGetAndDelete() throws Exception {
    assertThat(done(cache.getAsync("a"))).isEmpty();
    assertThat(done(cache.putAsync("a", 1L))).isNull();
    assertThat(done(cache.getAsync("a"))).contains(1L);
    assertThat(cache.get("a")).contains(1L);
    assertThat(done(cache.deleteAsync("a"))).isTrue();
    assertThat(done(cache.deleteAsync("a"))).isFalse();
    assertThat(cache.get("a")).isEmpty();
  }

  @Test
  void putWithOptionsKeepsItsTimeToLiveAndTags() throws Exception {
    done(cache.putAsync("short", 1L, PutOptions.ttl(Duration.ofMinutes(1))));
    done(cache.putAsync("tagged", 2L, PutOptions.tags("t")));
    done(cache.putAsync("other", 3L));
    assertThat(cache.ttl("short")).isPresent();
    assertThat(cache.invalidateTag("t")).isEqualTo(1);
    assertThat(done(cache.getAsync("tagged"))).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(done(cache.getAsync("short"))).isEmpty();
    assertThat(done(cache.getAsync("other"))).contains(3L);
  }

  @Test
  void getsAreCountedAsBlockingOnesAre() throws Exception {
    CacheStats before = cache.stats();
    done(cache.putAsync("a", 1L));
    done(cache.getAsync("a"));
    done(cache.getAsync("missing"));
    done(cache.getAllAsync(List.of("a", "missing-too")));
    CacheStats after = cache.stats();
    assertThat(after.hits() - before.hits()).isEqualTo(2);
    assertThat(after.misses() - before.misses()).isEqualTo(2);
    assertThat(after.writes() - before.writes()).isEqualTo(1);
  }

  @Test
  void getAllAndDeleteAllCoverKeysOfEveryOwner() throws Exception {
    Map<String, Long> stored = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      stored.put("k" + i, (long) i);
    }
    stored.forEach((key, value) -> {
      if (value % 2 == 0) {
        cache.put(key, value); // one by one: the keys have different owners on a partitioned cache
      }
    });
    List<String> keys = new ArrayList<>(stored.keySet());
    Map<String, Long> found = done(cache.getAllAsync(keys));
    assertThat(found).hasSize(15);
    assertThat(new ArrayList<>(found.keySet()))
        .containsExactlyElementsOf(keys.stream().filter(k -> stored.get(k) % 2 == 0).toList());
    found.forEach((key, value) -> assertThat(value).isEqualTo(stored.get(key)));
    assertThat(done(cache.getAllAsync(List.of()))).isEmpty();
    assertThat(done(cache.deleteAllAsync(keys))).isEqualTo(15);
    assertThat(cache.getAll(keys)).isEmpty();
    assertThat(done(cache.deleteAllAsync(List.of()))).isZero();
  }

  @Test
  void conditionalWritesAsTheBlockingOnes() throws Exception {
    assertThat(done(cache.putIfAbsentAsync("a", 1L))).isTrue();
    assertThat(done(cache.putIfAbsentAsync("a", 2L))).isFalse();
    assertThat(done(cache.putIfAbsentAsync("b", 5L, PutOptions.tags("t")))).isTrue();
    assertThat(done(cache.replaceAsync("a", 3L))).isTrue();
    assertThat(done(cache.replaceAsync("absent", 3L))).isFalse();
    assertThat(done(cache.replaceAsync("a", 9L, 4L))).isFalse();
    assertThat(done(cache.replaceAsync("a", 3L, 4L))).isTrue();
    assertThat(done(cache.deleteAsync("a", 9L))).isFalse();
    assertThat(cache.get("a")).contains(4L);
    assertThat(done(cache.deleteAsync("a", 4L))).isTrue();
    assertThat(cache.get("a")).isEmpty();
    assertThat(done(cache.getAndPutAsync("c", 7L))).isEmpty();
    assertThat(done(cache.getAndPutAsync("c", 8L))).contains(7L);
    assertThat(done(cache.getAndDeleteAsync("c"))).contains(8L);
    assertThat(done(cache.getAndDeleteAsync("c"))).isEmpty();
    assertThat(cache.invalidateTag("t")).isEqualTo(1);
  }

  @Test
  void computeAndMergeAsTheBlockingOnes() throws Exception {
    assertThat(done(cache.computeIfPresentAsync("n", (k, v) -> v + 1))).isNull();
    assertThat(cache.exists("n")).isFalse();
    assertThat(done(cache.computeAsync("n", (k, v) -> v == null ? 10L : v + 1))).isEqualTo(10L);
    assertThat(done(cache.computeAsync("n", (k, v) -> v == null ? 10L : v + 1))).isEqualTo(11L);
    assertThat(done(cache.computeIfPresentAsync("n", (k, v) -> v * 2))).isEqualTo(22L);
    assertThat(done(cache.mergeAsync("n", 3L, Long::sum))).isEqualTo(25L);
    assertThat(done(cache.mergeAsync("m", 3L, Long::sum))).isEqualTo(3L);
    assertThat(done(cache.computeAsync("n", (k, v) -> null))).isNull();
    assertThat(cache.get("n")).isEmpty();
    assertThat(done(cache.computeAsync("never", (k, v) -> null))).isNull();
    assertThat(cache.exists("never")).isFalse();
    assertThat(cache.get("m")).contains(3L);
  }

  @Test
  void aFunctionThatThrowsFailsTheFutureWithItsOwnExceptionAndLeavesTheEntry() throws Exception {
    cache.put("a", 1L);
    IllegalStateException thrown = new IllegalStateException("the function failed");
    assertThat(failureOf(cache.computeAsync("a", (k, v) -> {
      throw thrown;
    }))).isSameAs(thrown);
    assertThat(failureOf(cache.mergeAsync("a", 2L, (v, w) -> {
      throw thrown;
    }))).isSameAs(thrown);
    assertThat(cache.get("a")).contains(1L);
  }

  @Test
  void expireGivesANewTimeToLive() throws Exception {
    cache.put("a", 1L);
    assertThat(done(cache.expireAsync("a", Duration.ofMinutes(1)))).isTrue();
    assertThat(done(cache.expireAsync("absent", Duration.ofMinutes(1)))).isFalse();
    clock.advance(Duration.ofMinutes(2));
    assertThat(cache.get("a")).isEmpty();
    assertThatThrownBy(() -> cache.expireAsync("a", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badArgumentsAreThrownAtOnce() {
    assertThatThrownBy(() -> cache.getAsync(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> cache.putAsync("a", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value");
    assertThatThrownBy(() -> cache.putAsync("a", 1L, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("options");
    assertThatThrownBy(() -> cache.mergeAsync("a", 1L, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("remapping");
    assertThatThrownBy(() -> cache.getAllAsync(java.util.Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("keys");
  }

  @Test
  void everyCallOnAClosedCacheFailsItsFutureWithCacheClosedException() throws Exception {
    Cache<String, Long> local = cache.local();
    cache.close();
    List<Function<Cache<String, Long>, CompletableFuture<?>>> calls = List.of(
        c -> c.getAsync("a"), c -> c.putAsync("a", 1L), c -> c.putAsync("a", 1L, PutOptions.tags("t")),
        c -> c.deleteAsync("a"), c -> c.getAllAsync(List.of("a")), c -> c.deleteAllAsync(List.of("a")),
        c -> c.putIfAbsentAsync("a", 1L), c -> c.putIfAbsentAsync("a", 1L, PutOptions.noExpiry()),
        c -> c.replaceAsync("a", 1L), c -> c.replaceAsync("a", 1L, 2L), c -> c.deleteAsync("a", 1L),
        c -> c.getAndPutAsync("a", 1L), c -> c.getAndDeleteAsync("a"), c -> c.computeAsync("a", (k, v) -> 1L),
        c -> c.computeIfPresentAsync("a", (k, v) -> 1L), c -> c.mergeAsync("a", 1L, Long::sum),
        c -> c.expireAsync("a", Duration.ofMinutes(1)));
    for (Function<Cache<String, Long>, CompletableFuture<?>> call : calls) {
      CompletableFuture<?> future = call.apply(cache);
      assertThat(future).isCompletedExceptionally();
      assertThat(failureOf(future)).isInstanceOf(CacheClosedException.class);
    }
    assertThat(failureOf(local.getAsync("a"))).isInstanceOf(CacheClosedException.class);
  }

  @Test
  void cancellingAWriteDoesNotUndoIt() throws Exception {
    CompletableFuture<Void> put = cache.putAsync("a", 1L);
    put.cancel(true);
    assertThat(put.isDone()).isTrue();
    if (put.isCancelled()) {
      assertThatThrownBy(put::join).isInstanceOf(CancellationException.class);
    }
    // the write went on: a later write of the key is ordered after it, and sees it
    Concurrently.await(DEADLINE, "the cancelled write is stored", () -> cache.get("a").isPresent());
    assertThat(cache.get("a")).contains(1L);
  }

  @Test
  void manyPutsInFlightAreAllVisibleOnceTheyComplete() throws Exception {
    int count = 2_000;
    List<CompletableFuture<Void>> puts = IntStream.range(0, count)
        .mapToObj(i -> cache.putAsync("key-" + i, (long) i)).toList();
    done(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)));
    List<CompletableFuture<Optional<Long>>> gets = IntStream.range(0, count)
        .mapToObj(i -> cache.getAsync("key-" + i)).toList();
    done(CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)));
    for (int i = 0; i < count; i++) {
      assertThat(gets.get(i).join()).as("key-" + i).contains((long) i);
    }
    assertThat(cache.size()).isEqualTo(count);
  }

  @Test
  void racingAsyncMergesLoseNoUpdate() throws Exception {
    int threads = 4;
    int rounds = 200;
    Concurrently.run(threads, DEADLINE, thread -> {
      List<CompletableFuture<Long>> merges = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        merges.add(cache.mergeAsync("counter", 1L, Long::sum));
        if (merges.size() == 16) { // a few in flight per thread at a time
          done(CompletableFuture.allOf(merges.toArray(CompletableFuture[]::new)));
          merges.clear();
        }
      }
      done(CompletableFuture.allOf(merges.toArray(CompletableFuture[]::new)));
    });
    assertThat(cache.get("counter")).contains((long) threads * rounds);
  }

  @Test
  void dependantsRunOnTheCallerOrTheCachesExecutor() throws Exception {
    String caller = Thread.currentThread().getName();
    List<CompletableFuture<String>> threads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = "t" + i;
      threads.add(cache.putAsync(key, (long) i).thenApply(done -> Thread.currentThread().getName()));
      threads.add(cache.getAsync(key).thenApply(value -> Thread.currentThread().getName()));
      threads.add(cache.mergeAsync(key, 1L, Long::sum).thenApply(value -> Thread.currentThread().getName()));
    }
    List<String> names = new ArrayList<>();
    for (CompletableFuture<String> thread : threads) {
      names.add(done(thread));
    }
    assertThat(names).allSatisfy(name -> assertThat(name.equals(caller) || name.startsWith(ASYNC_THREADS))
        .as("dependant ran on %s", name).isTrue());
    if (waitsForNetwork()) {
      assertThat(names).as("some futures completed later, on the cache's executor")
          .anySatisfy(name -> assertThat(name).startsWith(ASYNC_THREADS + cache.name()));
    } else {
      assertThat(names).as("every future was complete when returned").allSatisfy(name -> assertThat(name).isEqualTo(caller));
    }
  }
}
