package dev.vela.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.CacheClosedException;
import dev.vela.VelaException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

/** Spring's {@link Cache} methods called directly on the caches of a {@link VelaCacheManager}. */
class VelaCacheManagerTest {
  private final VelaCacheManager manager = new VelaCacheManager();
  private final Cache books = manager.getCache("books");

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void servesEveryDeclaredCacheByItsName() {
    assertThat(manager.getCacheNames()).containsExactly("books", "shelves");
    assertThat(manager.getCache("nope")).isNull();
    assertThat(books.getName()).isEqualTo("books");
    assertThat(manager.getCache("books")).isSameAs(books);
  }

  @Test
  void putIfAbsentStoresOnceAndThenReturnsWhatIsThere() {
    assertThat(books.putIfAbsent("1", "first")).isNull();
    Cache.ValueWrapper present = books.putIfAbsent("1", "second");

    assertThat(present).isNotNull();
    assertThat(present.get()).isEqualTo("first");
    assertThat(books.get("1", String.class)).isEqualTo("first");
  }

  @Test
  void putIfAbsentFrom20ThreadsAtOnceStoresOneValueAndTellsTheOthersWhichOne() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Cache.ValueWrapper>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String value = "from " + i;
        answers.add(threads.submit(() -> {
          start.await();
          return books.putIfAbsent("contended", value);
        }));
      }
      start.countDown();
      List<Object> seen = new ArrayList<>();
      int stored = 0;
      for (Future<Cache.ValueWrapper> answer : answers) {
        Cache.ValueWrapper present = answer.get(10, TimeUnit.SECONDS);
        if (present == null) {
          stored++;
        } else {
          seen.add(present.get());
        }
      }
      assertThat(stored).isEqualTo(1);
      assertThat(seen).hasSize(19).containsOnly(books.get("contended", String.class));
    } finally {
      threads.shutdown();
      assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void evictIfPresentAndInvalidateSayWhetherThereWasSomething() {
    books.put("1", "one");

    assertThat(books.evictIfPresent("1")).isTrue();
    assertThat(books.evictIfPresent("1")).isFalse();
    books.put("2", "two");
    assertThat(books.invalidate()).isTrue();
    assertThat(books.get("2")).isNull();
    assertThat(books.invalidate()).isFalse();
  }

  @Test
  void getWithATypeChecksTheValue() {
    books.put("1", "one");

    assertThat(books.get("1", String.class)).isEqualTo("one");
    assertThat(books.get("absent", String.class)).isNull();
    assertThatThrownBy(() -> books.get("1", Integer.class)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void getWithALoaderLoadsOnceAndPassesItsFailureAsSpringSays() {
    AtomicInteger loads = new AtomicInteger();
    assertThat(books.get("1", () -> "loaded " + loads.incrementAndGet())).isEqualTo("loaded 1");
    assertThat(books.get("1", () -> "loaded " + loads.incrementAndGet())).isEqualTo("loaded 1");

    IOException down = new IOException("down");
    assertThatThrownBy(() -> books.get("2", () -> {
      throw down;
    })).isInstanceOf(Cache.ValueRetrievalException.class).hasCause(down);
    assertThatThrownBy(() -> books.get("3", () -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store null for key 3");
    assertThat(books.get("3")).isNull();
  }

  @Test
  void retrieveReadsAndLoadsAsynchronously() throws Exception {
    books.put("1", "one");
    AtomicInteger loads = new AtomicInteger();

    assertThat(books.retrieve("1").get(10, TimeUnit.SECONDS)).isEqualTo("one");
    assertThat(books.retrieve("absent").get(10, TimeUnit.SECONDS)).isNull();
    CompletableFuture<String> loaded = books.retrieve("2",
        () -> CompletableFuture.completedFuture("two " + loads.incrementAndGet()));
    assertThat(loaded.get(10, TimeUnit.SECONDS)).isEqualTo("two 1");
    assertThat(books.retrieve("2", () -> CompletableFuture.completedFuture("again"))
        .get(10, TimeUnit.SECONDS)).isEqualTo("two 1");
    assertThat(loads).hasValue(1);

    IllegalStateException down = new IllegalStateException("down");
    CompletableFuture<String> failed = books.retrieve("3", () -> CompletableFuture.failedFuture(down));
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasCause(down);
  }

  @Test
  void keysAndValuesOfOtherTypesAreRefused() {
    assertThatThrownBy(() -> books.put(1, "one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cache 'books' has keys of type java.lang.String, but was given the key 1 of type"
            + " java.lang.Integer");
    assertThatThrownBy(() -> books.put("1", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cache 'books' has values of type java.lang.String, but was given a java.lang.Long");
    assertThatThrownBy(() -> books.put("1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a Vela cache holds no null values");
    assertThatThrownBy(() -> books.get(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got a null key");
  }

  @Test
  void givenCachesAreServedWithTheirDeclaredTypesAndLeftOpen() {
    try (BookCache own = VelaBookCache.create()) {
      VelaCacheManager given = new VelaCacheManager(own);
      Cache served = given.getCache("books");
      served.put("1", "one");

      assertThat(own.get("1")).contains("one");
      assertThat(given.getCacheNames()).containsExactly("books");
      assertThatThrownBy(() -> served.put(1, "one")).isInstanceOf(IllegalArgumentException.class);
      given.close();
      assertThat(own.get("1")).contains("one");
      assertThatThrownBy(() -> new VelaCacheManager(own, own))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("Two caches are named \"books\"");
    }
  }

  @Test
  void aCustomizerChangesEachCacheBeforeItStarts() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (VelaCacheManager metered = new VelaCacheManager((declared, builder) -> builder.meterRegistry(registry))) {
      Cache shelves = metered.getCache("shelves");
      shelves.put(1, 10L);
      shelves.get(1);
      shelves.get(2);

      assertThat(registry.get("cache.gets").tag("cache", "shelves").tag("result", "hit").functionCounter().count())
          .isEqualTo(1.0);
      assertThat(registry.get("cache.gets").tag("cache", "shelves").tag("result", "miss").functionCounter().count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aClosedManagerServesNothingAndItsCachesAreClosed() {
    BookCache cache = (BookCache) books.getNativeCache();
    manager.close();

    assertThatThrownBy(() -> manager.getCache("books"))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> cache.get("1")).isInstanceOf(CacheClosedException.class);
  }
}
