package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LRU, LFU and ADAPTIVE evict the entries their definitions say. */
class EvictionPolicyTest {
  private final ManualClock clock = new ManualClock();
  private final List<String> evicted = new ArrayList<>();

  // reads are replayed on the reading thread, so that none is dropped while a pool thread is slow to
  // start: these tests check the policies, not the sampling of reads (EvictionMaintenanceTest)
  private MemoryBackend<String, String> bounded(long maxSize, EvictionPolicy policy) {
    return MemoryBackend.bounded(maxSize, policy, clock, (key, value, cause) -> {
      assertThat(cause).isEqualTo(RemovalCause.EVICTED);
      evicted.add(key);
    }, Runnable::run);
  }

  private static void put(MemoryBackend<String, String> backend, String... keys) {
    for (String key : keys) {
      backend.put(key, "v-" + key, StoredEntry.NO_EXPIRY, Set.of());
    }
  }

  private static void read(MemoryBackend<String, String> backend, String key, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(backend.get(key)).isEqualTo("v-" + key);
    }
  }

  @Test
  void lruEvictsTheLeastRecentlyUsedEntry() {
    MemoryBackend<String, String> lru = bounded(3, EvictionPolicy.LRU);
    put(lru, "a", "b", "c");
    read(lru, "a", 1); // order now b, c, a

    put(lru, "d");
    assertThat(evicted).containsExactly("b");

    read(lru, "c", 1); // a, d, c
    put(lru, "e");
    assertThat(evicted).containsExactly("b", "a");

    put(lru, "d"); // an overwrite is a use: c, e, d
    put(lru, "f");
    assertThat(evicted).containsExactly("b", "a", "c");
    assertThat(lru.size()).isEqualTo(3);
  }

  @Test
  void lfuEvictsTheLeastFrequentlyUsedEntryAndBreaksTiesByRecency() {
    MemoryBackend<String, String> lfu = bounded(3, EvictionPolicy.LFU);
    put(lfu, "a", "b", "c");
    read(lfu, "a", 3);
    read(lfu, "b", 1);

    put(lfu, "d"); // c has the lowest count
    assertThat(evicted).containsExactly("c");

    put(lfu, "e"); // d and b? b was used twice, d once: d goes
    assertThat(evicted).containsExactly("c", "d");

    read(lfu, "e", 1); // e and b both have 2; b is older
    put(lfu, "f");
    assertThat(evicted).containsExactly("c", "d", "b");
  }

  @Test
  void lfuCountsAnOverwriteAsAUse() {
    MemoryBackend<String, String> lfu = bounded(2, EvictionPolicy.LFU);
    put(lfu, "a", "b");
    put(lfu, "a");

    put(lfu, "c");

    assertThat(evicted).containsExactly("b");
  }

  @Test
  void theEntryJustWrittenIsNeverItsOwnVictim() {
    MemoryBackend<String, String> lfu = bounded(2, EvictionPolicy.LFU);
    put(lfu, "hot1", "hot2");
    read(lfu, "hot1", 5);
    read(lfu, "hot2", 5);

    put(lfu, "new");

    assertThat(lfu.get("new")).isEqualTo("v-new");
    assertThat(evicted).containsExactly("hot1");
  }

  @Test
  void lfuAndAdaptiveKeepAHotSetThatLruLosesUnderAScan() {
    int capacity = 100;
    List<String> hot = IntStream.range(0, 50).mapToObj(i -> "hot" + i).toList();
    Map<EvictionPolicy, Long> hotSurvivors = new LinkedHashMap<>();
    for (EvictionPolicy policy : List.of(EvictionPolicy.LRU, EvictionPolicy.LFU, EvictionPolicy.ADAPTIVE)) {
      MemoryBackend<String, String> cache = bounded(capacity, policy);
      hot.forEach(key -> put(cache, key));
      for (int round = 0; round < 10; round++) {
        hot.forEach(key -> read(cache, key, 1));
      }
      for (int i = 0; i < 2_000; i++) { // a scan: many keys, each written once and never read
        put(cache, "scan" + i);
      }
      hotSurvivors.put(policy, hot.stream().filter(key -> cache.get(key) != null).count());
      assertThat(cache.size()).isEqualTo(capacity);
    }
    assertThat(hotSurvivors.get(EvictionPolicy.LFU)).isEqualTo(50);
    assertThat(hotSurvivors.get(EvictionPolicy.ADAPTIVE)).isGreaterThanOrEqualTo(45);
    assertThat(hotSurvivors.get(EvictionPolicy.LRU)).isZero();
  }

  @Test
  void lfuAgesSoAOnceHotSetMakesWayForANewOne() {
    int capacity = 10;
    MemoryBackend<String, String> lfu = bounded(capacity, EvictionPolicy.LFU);
    List<String> old = IntStream.range(0, 5).mapToObj(i -> "old" + i).toList();
    List<String> current = IntStream.range(0, 5).mapToObj(i -> "new" + i).toList();
    old.forEach(key -> put(lfu, key));
    for (int round = 0; round < 20; round++) {
      old.forEach(key -> read(lfu, key, 1));
    }
    // the new set is used steadily, one new key at a time beside it, long after the old set went cold
    for (int round = 0; round < 200; round++) {
      current.forEach(key -> {
        if (lfu.get(key) == null) {
          put(lfu, key);
        }
      });
      put(lfu, "once" + round);
    }

    assertThat(current).allMatch(key -> lfu.get(key) != null);
    assertThat(old).as("halved counts let the cold set go").allMatch(key -> lfu.get(key) == null);
  }

  @Test
  void aPutAllLargerThanTheLimitKeepsTheLimit() {
    MemoryBackend<String, String> lru = bounded(3, EvictionPolicy.LRU);
    Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
    for (String key : List.of("a", "b", "c", "d", "e")) {
      batch.put(key, new StoredEntry<>("v-" + key, StoredEntry.NO_EXPIRY, Set.of("t")));
    }

    lru.putAll(batch);

    assertThat(evicted).containsExactly("a", "b");
    assertThat(lru.size()).isEqualTo(3);
    assertThat(lru.trackedByEviction()).isEqualTo(3);
    assertThat(lru.tagIndexSnapshot()).isEqualTo(Map.of("t", Set.of("c", "d", "e")));
  }

  @Test
  void anExpiredVictimCountsAsExpiredNotEvicted() {
    List<RemovalCause> causes = new ArrayList<>();
    MemoryBackend<String, String> lru =
        MemoryBackend.bounded(1, EvictionPolicy.LRU, clock, (key, value, cause) -> causes.add(cause));
    lru.put("old", "v", clock.millis() + 1_000, Set.of());
    clock.advance(Duration.ofSeconds(2));

    lru.put("new", "v", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(causes).containsExactly(RemovalCause.EXPIRED);
  }

  @Test
  void anOverwriteOfAnExpiredEntryRevivesItAndNoSweepRemovesIt() {
    List<RemovalCause> causes = new ArrayList<>();
    MemoryBackend<String, String> lru =
        MemoryBackend.bounded(5, EvictionPolicy.LRU, clock, (key, value, cause) -> causes.add(cause));
    lru.put("k", "old", clock.millis() + 1_000, Set.of());
    clock.advance(Duration.ofSeconds(2));

    lru.put("k", "new", clock.millis() + 1_000, Set.of());

    assertThat(lru.removeExpired(10)).isZero();
    assertThat(lru.get("k")).isEqualTo("new");
    assertThat(causes).isEmpty();
    assertThat(lru.trackedByEviction()).isEqualTo(1);
  }

  @Test
  void overwritesKeepTheTagIndexExactWhetherOrNotTheyAddOrDropTags() {
    for (EvictionPolicy policy : List.of(EvictionPolicy.LRU, EvictionPolicy.LFU)) {
      MemoryBackend<String, String> cache = bounded(5, policy);
      cache.put("k", "1", StoredEntry.NO_EXPIRY, Set.of());
      cache.put("k", "2", StoredEntry.NO_EXPIRY, Set.of("t", "u"));
      assertThat(cache.tagIndexSnapshot()).isEqualTo(Map.of("t", Set.of("k"), "u", Set.of("k")));

      cache.put("k", "3", StoredEntry.NO_EXPIRY, Set.of("u"));
      assertThat(cache.tagIndexSnapshot()).isEqualTo(Map.of("u", Set.of("k")));

      cache.put("k", "4", StoredEntry.NO_EXPIRY, Set.of());
      assertThat(cache.tagIndexSnapshot()).isEmpty();
      assertThat(cache.get("k")).isEqualTo("4");
      assertThat(cache.trackedByEviction()).isEqualTo(1);
    }
  }

  @Test
  void aLimitNeedsAPolicyThatEvicts() {
    assertThatThrownBy(() -> MemoryBackend.bounded(10, EvictionPolicy.TTL_ONLY, clock, (k, v, c) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LRU or LFU");
    assertThatThrownBy(() -> MemoryBackend.bounded(0, EvictionPolicy.LRU, clock, (k, v, c) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
