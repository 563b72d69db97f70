package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheStats;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import org.junit.jupiter.api.Test;

/** A cache built with {@code nearCache} counts its L1 reads, which are hits and misses too. */
class NearCacheStatsTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void l1HitsAndMissesAreCountedBesideHitsAndMisses() {
    try (Cache<String, String> cache = TestCaches.strings("counted", clock).nearCache(true).create()) {
      cache.put("k", "v");
      cache.get("k"); // L1 miss, L2 hit
      cache.get("k"); // L1 hit
      cache.get("absent"); // L1 miss, L2 miss

      CacheStats stats = cache.stats();
      assertThat(stats.l1Hits()).isEqualTo(1);
      assertThat(stats.l1Misses()).isEqualTo(2);
      assertThat(stats.hits()).isEqualTo(2);
      assertThat(stats.misses()).isEqualTo(1);
      assertThat(cache.inspect().details()).containsEntry("nearCache.l1Entries", "1");
    }
  }

  @Test
  void aCacheWithoutNearCacheCountsNoL1Reads() {
    try (Cache<String, String> cache = TestCaches.strings("plain", clock).create()) {
      cache.put("k", "v");
      cache.get("k");

      assertThat(cache.stats().l1Hits()).isZero();
      assertThat(cache.stats().l1Misses()).isZero();
      assertThat(cache.inspect().details()).doesNotContainKey("nearCache.l1Entries");
    }
  }

  @Test
  void getOrFetchStoresThroughTheNearCacheAndThenHitsTheL1() {
    try (Cache<String, String> cache = TestCaches.strings("fetched", clock).nearCache(true).create()) {
      assertThat(cache.getOrFetch("k", key -> "fetched")).isEqualTo("fetched");
      // a write only removes the key from the L1, so the next read fills it and the one after hits
      assertThat(cache.getOrFetch("k", key -> "again")).isEqualTo("fetched");
      assertThat(cache.stats().l1Hits()).isZero();
      assertThat(cache.getOrFetch("k", key -> "again")).isEqualTo("fetched");

      assertThat(cache.stats().fetches()).isEqualTo(1);
      assertThat(cache.stats().l1Hits()).isEqualTo(1);
    }
  }
}
