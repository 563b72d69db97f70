package dev.vela.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.telemetry.CacheEvent;
import dev.vela.telemetry.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real Spring context with {@code @EnableCaching} whose annotated bean is cached in declared Vela caches. */
class AnnotatedCachingTest {
  private AnnotationConfigApplicationContext context;
  private Library library;
  private VelaCacheManager manager;

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CachingConfig {
    /** Counted down when the books cache has stored key "9" (the async method's result). */
    static final AtomicReference<CountDownLatch> NINE_STORED = new AtomicReference<>(new CountDownLatch(1));

    @Bean
    VelaCacheManager cacheManager() {
      return new VelaCacheManager((declared, builder) -> builder.listener(event -> {
        if (event instanceof CacheEvent.Put put && "books".equals(put.cacheName()) && "9".equals(put.key())
            && put.result() == Outcome.OK) {
          NINE_STORED.get().countDown();
        }
      }));
    }

    @Bean
    Library library() {
      return new Library();
    }
  }

  @BeforeEach
  void start() {
    context = new AnnotationConfigApplicationContext(CachingConfig.class);
    library = context.getBean(Library.class);
    manager = context.getBean(VelaCacheManager.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void cacheableRunsTheMethodOncePerKey() {
    assertThat(library.title("1")).isEqualTo("Title of 1");
    assertThat(library.title("1")).isEqualTo("Title of 1");
    assertThat(library.title("2")).isEqualTo("Title of 2");

    assertThat(library.calls("title")).isEqualTo(2);
    assertThat(books().get("1")).contains("Title of 1");
    assertThat(manager.getCache("books").getNativeCache()).isInstanceOf(BookCache.class);
  }

  @Test
  void syncRunsTheMethodOnceFor20ConcurrentCallers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    library.holdSlowTitlesUntil(release);
    long missesBefore = books().stats().misses();
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      List<Future<String>> titles = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        titles.add(callers.submit(() -> library.slowTitle("42")));
      }
      // every caller has missed, so each is waiting for the one running fetch, before it may finish
      Await.until("20 callers missed", Duration.ofSeconds(10), () -> books().stats().misses() >= missesBefore + 20);
      assertThat(library.calls("slowTitle")).isEqualTo(1);
      release.countDown();
      for (Future<String> title : titles) {
        assertThat(title.get(10, TimeUnit.SECONDS)).isEqualTo("Slow title of 42");
      }
    } finally {
      release.countDown();
      callers.shutdown();
      assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(library.calls("slowTitle")).isEqualTo(1);
    assertThat(books().get("42")).contains("Slow title of 42");
  }

  @Test
  void syncPassesTheMethodsOwnExceptionAndCachesNothing() {
    assertThatThrownBy(() -> library.failingTitle("7"))
        .isInstanceOf(IOException.class)
        .hasMessage("catalogue down for 7");
    assertThatThrownBy(() -> library.failingTitle("7")).isInstanceOf(IOException.class);
    assertThat(library.calls("failingTitle")).isEqualTo(2);
    assertThat(books().exists("7")).isFalse();
  }

  @Test
  void cachePutReplacesAndCacheEvictRemoves() {
    library.title("1");
    assertThat(library.retitle("1", "Renamed")).isEqualTo("Renamed");
    assertThat(library.title("1")).isEqualTo("Renamed");
    assertThat(library.calls("title")).isEqualTo(1);

    library.forget("1");
    assertThat(library.title("1")).isEqualTo("Title of 1");
    assertThat(library.calls("title")).isEqualTo(2);
  }

  @Test
  void cacheEvictAllEntriesEmptiesEveryNamedCache() {
    library.title("1");
    library.title("2");
    library.count(3);
    assertThat(books().size()).isEqualTo(2);

    library.clearAll();

    assertThat(books().size()).isZero();
    assertThat(shelves().size()).isZero();
    library.title("1");
    library.count(3);
    assertThat(library.calls("title")).isEqualTo(3);
    assertThat(library.calls("count")).isEqualTo(2);
  }

  @Test
  void conditionDecidesWhatIsCached() {
    library.bookOnly("978-1");
    library.bookOnly("978-1");
    library.bookOnly("123");
    library.bookOnly("123");

    assertThat(library.calls("bookOnly")).isEqualTo(3);
    assertThat(books().exists("978-1")).isTrue();
    assertThat(books().exists("123")).isFalse();
  }

  @Test
  void keyExpressionMakesTheKey() {
    assertThat(library.at(1, 2)).isEqualTo("Book at 1/2");
    assertThat(library.at(1, 2)).isEqualTo("Book at 1/2");
    library.at(2, 1);

    assertThat(library.calls("at")).isEqualTo(2);
    assertThat(books().get("1:2")).contains("Book at 1/2");
  }

  @Test
  void otherKeyAndValueTypesUseTheirOwnCache() {
    assertThat(library.count(3)).isEqualTo(30L);
    assertThat(library.count(3)).isEqualTo(30L);

    assertThat(library.calls("count")).isEqualTo(1);
    assertThat(shelves().get(3)).contains(30L);
  }

  @Test
  void asyncMethodsReadAndFillTheCacheThroughRetrieve() throws Exception {
    CountDownLatch stored = new CountDownLatch(1);
    CachingConfig.NINE_STORED.set(stored);
    assertThat(library.asyncTitle("9").get(10, TimeUnit.SECONDS)).isEqualTo("Async title of 9");
    assertThat(stored.await(10, TimeUnit.SECONDS)).as("the async result is stored").isTrue();
    assertThat(books().exists("9")).isTrue();
    assertThat(library.asyncTitle("9").get(10, TimeUnit.SECONDS)).isEqualTo("Async title of 9");

    assertThat(library.calls("asyncTitle")).isEqualTo(1);
  }

  @Test
  void aNullResultIsRefusedWithAMessageSayingWhatToWrite() {
    assertThatThrownBy(() -> library.missingTitle("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cache 'books' cannot store null for key x")
        .hasMessageContaining("unless = \"#result == null\"");
    assertThat(books().exists("x")).isFalse();
  }

  @Test
  void unlessLeavesNullsOutAndCachesTheRest() {
    assertThat(library.maybeTitle("none-1")).isNull();
    assertThat(library.maybeTitle("none-1")).isNull();
    library.maybeTitle("ok");
    library.maybeTitle("ok");

    assertThat(library.calls("maybeTitle")).isEqualTo(3);
    assertThat(books().exists("none-1")).isFalse();
    assertThat(books().get("ok")).contains("Maybe ok");
  }

  @Test
  void aKeyOfTheWrongTypeIsRefusedNamingTheKeyExpressionToWrite() {
    assertThatThrownBy(() -> library.unkeyed("a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cache 'books' has keys of type java.lang.String")
        .hasMessageContaining("org.springframework.cache.interceptor.SimpleKey")
        .hasMessageContaining("key = \"#id\"");
    assertThat(library.calls("unkeyed")).isZero();
  }

  @Test
  void closingTheContextClosesTheCachesTheManagerStarted() {
    library.title("1");
    BookCache cache = (BookCache) manager.getCache("books").getNativeCache();

    context.close();

    assertThatThrownBy(() -> cache.get("1")).isInstanceOf(dev.vela.CacheClosedException.class);
  }

  private BookCache books() {
    return (BookCache) manager.getCache("books").getNativeCache();
  }

  @SuppressWarnings("unchecked")
  private Cache<Integer, Long> shelves() {
    return (Cache<Integer, Long>) manager.getCache("shelves").getNativeCache();
  }
}
