package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A DISK cache with {@code maxSize}: never more entries than that once a call returns, under every
 * eviction policy and across a restart, with each eviction counted.
 */
class DiskBoundTest {
  private static final int MAX = 50;
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;

  private Cache<String, String> open(long maxSize, EvictionPolicy policy) {
    return DiskTesting.strings("bounded", dataDir, clock).maxSize(maxSize).evictionPolicy(policy).create();
  }

  @ParameterizedTest
  @EnumSource(value = EvictionPolicy.class, names = {"LRU", "LFU", "ADAPTIVE"})
  void theSizeNeverExceedsMaxSizeAfterAnyCallNorAfterARestart(EvictionPolicy policy) {
    Random random = new Random(11);
    long puts = 0;
    try (Cache<String, String> cache = open(MAX, policy)) {
      for (int i = 0; i < 600; i++) {
        String key = "k" + random.nextInt(200);
        switch (random.nextInt(5)) {
          case 0 -> {
            Map<String, String> batch = new LinkedHashMap<>();
            for (int j = 0; j < 1 + random.nextInt(2 * MAX); j++) {
              batch.put("b" + random.nextInt(400), "batch");
            }
            cache.putAll(batch);
          }
          case 1 -> cache.get(key);
          case 2 -> cache.getOrFetch(key, k -> "fetched");
          case 3 -> cache.delete(key);
          default -> cache.put(key, "v" + i);
        }
        assertThat(cache.size()).as("size after call %d", i).isLessThanOrEqualTo(MAX);
        assertThat(cache.inspect().entries()).as("entries held after call %d", i).isLessThanOrEqualTo(MAX);
      }
      assertThat(cache.stats().evictions()).isPositive();
      puts = cache.size();
    }
    try (Cache<String, String> reopened = open(MAX, policy)) {
      assertThat(reopened.size()).isEqualTo(puts);
      for (int i = 0; i < 3 * MAX; i++) {
        reopened.put("after" + i, "restart");
        assertThat(reopened.size()).isLessThanOrEqualTo(MAX);
      }
    }
  }

  @Test
  void leastRecentlyUsedGoesFirstAndEachEvictionIsCounted() {
    try (Cache<String, String> cache = open(3, EvictionPolicy.LRU)) {
      cache.put("a", "1");
      cache.put("b", "2");
      cache.put("c", "3");
      cache.get("a");
      cache.put("d", "4");

      assertThat(cache.get("b")).isEmpty();
      assertThat(cache.get("a")).contains("1");
      assertThat(cache.get("c")).contains("3");
      assertThat(cache.get("d")).contains("4");
      assertThat(cache.stats().evictions()).isEqualTo(1);
    }
  }

  @Test
  void aSmallerMaxSizeAtTheNextOpenEvictsAtOnce() {
    try (Cache<String, String> cache = open(MAX, EvictionPolicy.LRU)) {
      for (int i = 0; i < MAX; i++) {
        cache.put("k" + i, "v");
      }
    }
    try (Cache<String, String> smaller = open(10, EvictionPolicy.LRU)) {
      assertThat(smaller.size()).isEqualTo(10);
      assertThat(smaller.inspect().details())
          .containsEntry("disk.evictionOrder", "LRU over 10 of at most 10 keys, kept in memory");
    }
    try (Cache<String, String> unbounded = DiskTesting.strings("bounded", dataDir, clock).create()) {
      assertThat(unbounded.size()).as("the evictions were stored").isEqualTo(10);
    }
  }
}
