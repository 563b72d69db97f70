package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheClosedException;
import dev.vela.CacheEntry;
import dev.vela.CacheInfo;
import dev.vela.PutOptions;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cache API on a LOCAL MEMORY cache, one method at a time. */
class CacheBasicsTest {
  private final ManualClock clock = new ManualClock();
  private final Cache<String, String> cache = TestCaches.strings("users", clock).create();

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void getReturnsWhatPutStored() {
    assertThat(cache.get("k")).isEmpty();

    cache.put("k", "v");
    cache.put("k", "v2");

    assertThat(cache.get("k")).contains("v2");
    assertThat(cache.getOrThrow("k")).isEqualTo("v2");
  }

  @Test
  void getOrDefaultAnswersTheDefaultOnlyForAMissingKey() {
    assertThat(cache.getOrDefault("k", "fallback")).isEqualTo("fallback");
    assertThat(cache.getOrDefault("k", null)).isNull();

    cache.put("k", "v");

    assertThat(cache.getOrDefault("k", "fallback")).isEqualTo("v");
  }

  @Test
  void everyReadOfTheCacheOrItsLocalViewCountsOneHitOrOneMiss() {
    cache.put("k", "v");
    Cache<String, String> local = cache.local();

    assertThat(cache.get("k")).contains("v");
    assertThat(local.get("ghost")).isEmpty();
    assertThat(cache.getOrDefault("k", "fallback")).isEqualTo("v");
    assertThat(local.getOrDefault("ghost", "fallback")).isEqualTo("fallback");
    assertThat(local.getOrThrow("k")).isEqualTo("v");
    assertThatThrownBy(() -> cache.getOrThrow("ghost")).isInstanceOf(NoSuchElementException.class);
    assertThat(cache.get("k")).contains("v");

    assertThat(cache.stats().hits()).isEqualTo(4);
    assertThat(cache.stats().misses()).isEqualTo(3);
  }

  @Test
  void getOrThrowNamesTheKeyAndTheCache() {
    assertThatThrownBy(() -> cache.getOrThrow("ghost"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("'ghost'")
        .hasMessageContaining("'users'");
  }

  @Test
  void existsAndDeleteSeeOnlyLiveEntries() {
    cache.put("k", "v");

    assertThat(cache.exists("k")).isTrue();
    assertThat(cache.delete("k")).isTrue();
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.delete("k")).isFalse();
  }

  @Test
  void putAllStoresEveryEntryWithTheOptions() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("a", "1");
    entries.put("b", "2");

    cache.putAll(entries, PutOptions.ttl(Duration.ofMinutes(1)).withTags("batch"));
    cache.putAll(Map.of());

    assertThat(cache.get("a")).contains("1");
    assertThat(cache.ttl("b")).contains(Duration.ofMinutes(1));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.invalidateTag("batch")).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void invalidateTagRemovesOnlyTaggedEntries() {
    cache.put("a", "1", PutOptions.tags("tenant:1"));
    cache.put("b", "2", PutOptions.tags("tenant:1", "vip"));
    cache.put("c", "3", PutOptions.tags("tenant:2"));
    cache.put("d", "4");

    assertThat(cache.invalidateTag("tenant:1")).isEqualTo(2);

    assertThat(cache.export()).extracting(CacheEntry::key).containsExactlyInAnyOrder("c", "d");
    assertThat(cache.invalidateTag("vip")).isZero();
  }

  @Test
  void flushEmptiesTheCache() {
    cache.put("a", "1");
    cache.put("b", "2", PutOptions.tags("t"));

    cache.flush();

    assertThat(cache.size()).isZero();
    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.invalidateTag("t")).isZero();
  }

  @Test
  void exportAndStreamListLiveEntriesWithTtlAndTags() {
    cache.put("a", "1", PutOptions.ttl(Duration.ofSeconds(30)).withTags("x", "y"));
    cache.put("b", "2");
    cache.put("gone", "3", PutOptions.ttl(Duration.ofSeconds(5)));
    clock.advance(Duration.ofSeconds(10));

    CacheEntry<String, String> a = new CacheEntry<>("a", "1", Optional.of(Duration.ofSeconds(20)), Set.of("x", "y"));
    CacheEntry<String, String> b = new CacheEntry<>("b", "2", Optional.empty(), Set.of());
    assertThat(cache.export()).containsExactlyInAnyOrder(a, b);
    try (var stream = cache.stream()) {
      assertThat(stream.toList()).containsExactlyInAnyOrder(a, b);
    }
  }

  @Test
  void inspectDescribesTheLocalNode() {
    Cache<Integer, Integer> bounded = TestCaches.integers("scores", clock)
        .maxSize(10)
        .evictionPolicy(dev.vela.annotation.EvictionPolicy.LFU)
        .defaultTtl(Duration.ofMinutes(5))
        .create();
    bounded.put(1, 1);
    bounded.put(2, 2, PutOptions.ttl(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));

    CacheInfo info = bounded.inspect();

    assertThat(info.name()).isEqualTo("scores");
    assertThat(info.node()).isEqualTo("local");
    assertThat(info.backend()).isEqualTo("MEMORY");
    assertThat(info.topology()).isEqualTo("LOCAL");
    assertThat(info.entries()).as("expired but not yet swept").isEqualTo(2);
    assertThat(info.details())
        .containsEntry("maxSize", "10")
        .containsEntry("evictionPolicy", "LFU")
        .containsEntry("defaultTtl", "5m")
        .containsEntry("sweepInterval", "infinity")
        .containsEntry("memory.evictionOrder", "LFU");
    bounded.close();
  }

  @Test
  void localIsANodeLocalViewOfTheSameEntries() {
    Cache<String, String> local = cache.local();
    local.put("a", "1", PutOptions.tags("t"));
    cache.put("b", "2");

    assertThat(local).isNotSameAs(cache);
    assertThat(local.local()).isSameAs(local);
    assertThat(local.name()).isEqualTo("users");
    assertThat(local.get("b")).contains("2");
    assertThat(local.size()).isEqualTo(cache.size()).isEqualTo(2);
    try (var stream = local.stream()) {
      assertThat(stream.map(CacheEntry::key).toList()).containsExactlyInAnyOrder("a", "b");
    }
    assertThat(local.stats()).isEqualTo(cache.stats());
    assertThat(local.invalidateTag("t")).isEqualTo(1);
    assertThat(cache.exists("a")).isFalse();
  }

  @Test
  void closingTheLocalViewClosesTheCache() {
    Cache<String, String> local = cache.local();

    local.close();

    assertThatThrownBy(() -> cache.get("a")).isInstanceOf(CacheClosedException.class);
  }

  @Test
  void nameIsTheConfiguredOne() {
    assertThat(cache.name()).isEqualTo("users");
    assertThat(cache.toString()).contains("users");
  }

  @Test
  void exportOfAnEmptyCacheIsEmpty() {
    assertThat(cache.export()).isEqualTo(List.of());
  }
}
