package dev.vela.telemetry.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheStats;
import dev.vela.FetchException;
import dev.vela.PutOptions;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every meter a cache registers: its name, tags and counts, and that closing the cache removes them. */
class MicrometerTelemetryTest {
  private final ManualClock clock = new ManualClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private long timerCount(String name, String cache, String result) {
    return registry.get(name).tags("cache", cache, "result", result).timer().count();
  }

  private double functionCount(String name, Tags tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  /**
   * Two hits, three misses, three puts and one store by a fetch, one failed fetch, two evictions
   * (LRU, maxSize 2), one tag invalidation that removes one entry; c is left.
   */
  private static void exercise(Cache<String, String> cache) {
    cache.put("a", "1");
    cache.put("b", "2");
    cache.get("a"); // hit
    cache.get("missing"); // miss
    cache.getOrFetch("c", key -> "3"); // miss, fetch, store; evicts b
    cache.getOrFetch("c", key -> "never"); // hit
    assertThatThrownBy(() -> cache.getOrFetch("d", key -> null)).isInstanceOf(FetchException.class); // miss, failed fetch
    cache.put("b", "2", PutOptions.tags("t")); // evicts a
    cache.invalidateTag("t"); // removes b
  }

  @Test
  void registersEveryTimerAndCounterWithItsCacheAndResultTags() {
    try (Cache<String, String> cache = TestCaches.strings("products", clock)
        .maxSize(2).evictionPolicy(EvictionPolicy.LRU).meterRegistry(registry).create()) {
      exercise(cache);

      assertThat(timerCount("vela.cache.get", "products", "hit")).isEqualTo(2);
      assertThat(timerCount("vela.cache.get", "products", "miss")).isEqualTo(3);
      assertThat(timerCount("vela.cache.put", "products", "ok")).isEqualTo(3);
      assertThat(timerCount("vela.cache.put", "products", "error")).isZero();
      assertThat(timerCount("vela.cache.fetch", "products", "ok")).isEqualTo(1);
      assertThat(timerCount("vela.cache.fetch", "products", "error")).isEqualTo(1);
      assertThat(timerCount("vela.cache.invalidate_tag", "products", "ok")).isEqualTo(1);
      assertThat(timerCount("vela.cache.invalidate_tag", "products", "error")).isZero();
      assertThat(registry.get("vela.cache.invalidate_tag.removed").tags("cache", "products").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("vela.cache.fetch").tags("cache", "products", "result", "ok").timer()
          .totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }
  }

  @Test
  void registersMicrometersStandardCacheMetersFromTheStats() {
    try (Cache<String, String> cache = TestCaches.strings("products", clock)
        .maxSize(2).evictionPolicy(EvictionPolicy.LRU).meterRegistry(registry).create()) {
      exercise(cache);
      Tags products = Tags.of("cache", "products");

      assertThat(functionCount("cache.gets", products.and("result", "hit"))).isEqualTo(2);
      assertThat(functionCount("cache.gets", products.and("result", "miss"))).isEqualTo(3);
      assertThat(functionCount("cache.puts", products)).isEqualTo(4); // three puts and the fetch's store
      assertThat(functionCount("cache.evictions", products)).isEqualTo(2);
      assertThat(registry.get("cache.size").tags(products).gauge().value()).isEqualTo(1);
    }
  }

  @Test
  void namesFollowTheTelemetryPrefix() {
    try (Cache<String, String> cache =
        TestCaches.strings("users", clock).telemetryPrefix("shop", "users_cache").meterRegistry(registry).create()) {
      cache.get("x");

      assertThat(timerCount("shop.users_cache.get", "users", "miss")).isEqualTo(1);
      assertThat(registry.find("vela.cache.get").meters()).isEmpty();
    }
  }

  @Test
  void everyMeterIsRegisteredUpFrontAndNoOthers() {
    try (Cache<String, String> cache = TestCaches.strings("fresh", clock).meterRegistry(registry).create()) {
      Map<String, Long> meters = registry.getMeters().stream()
          .collect(Collectors.groupingBy(m -> m.getId().getName(), Collectors.counting()));

      assertThat(meters).containsExactlyInAnyOrderEntriesOf(Map.of(
          "vela.cache.get", 2L, "vela.cache.put", 2L, "vela.cache.fetch", 2L, "vela.cache.invalidate_tag", 2L,
          "vela.cache.invalidate_tag.removed", 1L,
          "cache.gets", 2L, "cache.puts", 1L, "cache.evictions", 1L, "cache.size", 1L));
      assertThat(registry.getMeters()).extracting(m -> m.getId().getTag("cache")).containsOnly("fresh");
      assertThat(timerCount("vela.cache.get", "fresh", "hit")).isZero();
      assertThat(cache.size()).isZero();
    }
  }

  @Test
  void closingTheCacheRemovesItsMetersAndLeavesOtherCachesAlone() {
    Cache<String, String> first = TestCaches.strings("first", clock).meterRegistry(registry).create();
    try (Cache<String, String> second = TestCaches.strings("second", clock).meterRegistry(registry).create()) {
      first.get("a");
      second.get("a");

      first.close();

      assertThat(registry.getMeters()).extracting(m -> m.getId().getTag("cache")).containsOnly("second");
      assertThat(registry.getMeters()).hasSize(14);
      assertThat(timerCount("vela.cache.get", "second", "miss")).isEqualTo(1);
    }
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void listenersAndMetersWorkSideBySide() {
    List<String> heard = new CopyOnWriteArrayList<>();
    try (Cache<String, String> cache = TestCaches.strings("both", clock)
        .listener(event -> heard.add(event.operation())).meterRegistry(registry).create()) {
      cache.put("a", "1");

      assertThat(heard).containsExactly("put");
      assertThat(timerCount("vela.cache.put", "both", "ok")).isEqualTo(1);
    }
  }

  @Test
  void aSizeThatCannotBeReadShowsZeroInsteadOfFailingTheScrape() {
    AtomicBoolean backendGone = new AtomicBoolean();
    MicrometerTelemetry meters = MicrometerTelemetry.bind(
        registry, "detached", List.of("vela", "cache"), () -> CacheStats.EMPTY, () -> {
          if (backendGone.get()) {
            throw new IllegalStateException("closed");
          }
          return 7;
        });
    Gauge size = registry.get("cache.size").tags("cache", "detached").gauge();
    assertThat(size.value()).isEqualTo(7);

    backendGone.set(true);

    assertThat(size.value()).isZero();
    meters.close();
    assertThat(registry.getMeters()).isEmpty();
  }
}
