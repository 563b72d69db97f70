package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many threads mixing every kind of write, expiry by clock moves, sweeps and reads; afterwards the
 * map, the tag index and the eviction order must agree exactly.
 */
class MemoryBackendConcurrencyTest {
  private static final String[] TAGS = {"red", "green", "blue", "gold"};

  private final ManualClock clock = new ManualClock();
  private final AtomicLong expiredOrEvicted = new AtomicLong();

  private MemoryBackend<String, String> create(String kind) {
    return switch (kind) {
      case "unbounded" -> MemoryBackend.unbounded(clock, (k, v, c) -> expiredOrEvicted.incrementAndGet());
      case "lru" -> MemoryBackend.bounded(40, EvictionPolicy.LRU, clock, (k, v, c) -> expiredOrEvicted.incrementAndGet());
      case "adaptive" -> MemoryBackend.bounded(40, EvictionPolicy.ADAPTIVE, clock,
          (k, v, c) -> expiredOrEvicted.incrementAndGet());
      default -> MemoryBackend.bounded(40, EvictionPolicy.LFU, clock, (k, v, c) -> expiredOrEvicted.incrementAndGet());
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"unbounded", "lru", "lfu", "adaptive"})
  void mapTagIndexAndEvictionOrderAgreeAfterAStorm(String kind) throws Exception {
    MemoryBackend<String, String> backend = create(kind);
    Concurrently.run(8, Duration.ofSeconds(30), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 4_000; i++) {
        String key = "k" + random.nextInt(100);
        switch (random.nextInt(10)) {
          case 0 -> backend.delete(key);
          case 1 -> backend.invalidateTag(TAGS[random.nextInt(TAGS.length)]);
          case 2 -> backend.put(key, "v", clock.millis() + 1 + random.nextInt(5), tags(random));
          case 3 -> backend.putAll(batch(random));
          case 4 -> backend.removeExpired(7);
          case 5 -> clock.advance(Duration.ofMillis(1));
          case 6, 7 -> backend.get(key);
          default -> backend.put(key, "v", StoredEntry.NO_EXPIRY, tags(random));
        }
      }
    });
    backend.drainReads();

    Map<String, Set<String>> expected = new HashMap<>();
    long live = 0;
    try (var entries = backend.entries()) {
      for (var entry : (Iterable<Map.Entry<String, StoredEntry<String>>>) entries::iterator) {
        live++;
        for (String tag : entry.getValue().tags()) {
          expected.computeIfAbsent(tag, t -> new HashSet<>()).add(entry.getKey());
        }
      }
    }
    backend.removeExpired(10); // the index lists expired entries until they are removed
    assertThat(backend.size()).isEqualTo(live);
    assertThat(backend.heldEntries()).isEqualTo(live);
    assertThat(backend.tagIndexSnapshot()).isEqualTo(expected);
    if (!kind.equals("unbounded")) {
      assertThat(backend.heldEntries()).isLessThanOrEqualTo(40);
      assertThat(backend.trackedByEviction()).isEqualTo(backend.heldEntries());
    }
  }

  private static Set<String> tags(ThreadLocalRandom random) {
    Set<String> tags = new HashSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      tags.add(TAGS[random.nextInt(TAGS.length)]);
    }
    return tags;
  }

  private Map<String, StoredEntry<String>> batch(ThreadLocalRandom random) {
    Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      long expiry = random.nextBoolean() ? StoredEntry.NO_EXPIRY : clock.millis() + 1 + random.nextInt(5);
      batch.put("k" + random.nextInt(100), new StoredEntry<>("b", expiry, tags(random)));
    }
    return batch;
  }
}
