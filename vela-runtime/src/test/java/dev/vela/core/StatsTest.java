package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheStats;
import dev.vela.PutOptions;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each counter counts what it says, and a cache without stats counts nothing. */
class StatsTest {
  private final ManualClock clock = new ManualClock();

  private static void exercise(Cache<String, String> cache, ManualClock clock) {
    cache.put("a", "1");
    cache.put("b", "2", PutOptions.ttl(Duration.ofSeconds(1)).withTags("t"));
    cache.putAll(Map.of("c", "3", "d", "4"), PutOptions.tags("t"));
    cache.get("a"); // hit
    cache.getOrThrow("a"); // hit
    cache.get("zzz"); // miss
    cache.getOrDefault("a", "none"); // hit
    cache.getOrDefault("zzz", null); // miss
    cache.getOrFetch("e", k -> "5"); // miss, fetch, write
    cache.getOrFetch("e", k -> "never"); // hit
    cache.exists("a"); // not counted
    cache.ttl("a"); // not counted
    cache.delete("a"); // delete
    cache.delete("a"); // nothing deleted
    clock.advance(Duration.ofSeconds(1));
    cache.get("b"); // expiration and miss
    cache.invalidateTag("t"); // two deletes: c and d
    cache.flush(); // one delete: e
  }

  @Test
  void everyCounterCountsItsOwnEvents() {
    try (Cache<String, String> cache = TestCaches.strings("counted", clock).create()) {
      exercise(cache, clock);

      CacheStats stats = cache.stats();

      assertThat(stats).isEqualTo(new CacheStats(4, 4, 5, 4, 0, 1, 1, 0, 0, 0, 0));
      assertThat(stats.hitRate()).isEqualTo(0.5);
    }
  }

  @Test
  void evictionsAreCounted() {
    try (Cache<String, String> cache =
        TestCaches.strings("small", clock).maxSize(2).evictionPolicy(EvictionPolicy.LRU).create()) {
      for (int i = 0; i < 5; i++) {
        cache.put("k" + i, "v");
      }

      assertThat(cache.stats().evictions()).isEqualTo(3);
      assertThat(cache.size()).isEqualTo(2);
    }
  }

  @Test
  void withStatsOffNothingIsCounted() {
    try (Cache<String, String> cache = TestCaches.strings("uncounted", clock).statsEnabled(false).create()) {
      exercise(cache, clock);

      assertThat(cache.stats()).isEqualTo(CacheStats.EMPTY);
    }
  }
}
