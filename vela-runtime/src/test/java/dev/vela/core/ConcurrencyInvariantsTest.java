package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads using the whole API at once on one cache, with the clock moving; afterwards size,
 * entries, tags and the size limit must agree.
 */
class ConcurrencyInvariantsTest {
  private static final String[] TAGS = {"a", "b", "c"};
  private static final int MAX_SIZE = 50;

  private final ManualClock clock = new ManualClock();

  @ParameterizedTest
  @EnumSource(EvictionPolicy.class)
  void theCacheStaysConsistentUnderMixedConcurrentUse(EvictionPolicy policy) throws Exception {
    var builder = TestCaches.strings("storm", clock);
    if (policy != EvictionPolicy.TTL_ONLY) {
      builder.maxSize(MAX_SIZE).evictionPolicy(policy);
    }
    try (Cache<String, String> cache = builder.create()) {
      CoreCache<String, String> core = (CoreCache<String, String>) cache;
      Concurrently.run(8, Duration.ofSeconds(30), thread -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2_000; i++) {
          String key = "k" + random.nextInt(80);
          switch (random.nextInt(12)) {
            case 0 -> cache.delete(key);
            case 1 -> cache.invalidateTag(TAGS[random.nextInt(TAGS.length)]);
            case 2 -> cache.put(key, "v", PutOptions.ttl(Duration.ofMillis(1 + random.nextInt(4))).withTags(tag(random)));
            case 3 -> cache.putAll(Map.of(key, "p", "k" + random.nextInt(80) + "x", "p"), PutOptions.tags(tag(random)));
            case 4 -> cache.transaction(List.of(key, "k" + random.nextInt(80)), c -> {
              c.put(key, "t", PutOptions.tags(tag(random)));
              return null;
            });
            case 5 -> cache.getOrFetch(key, k -> "f", PutOptions.ttl(Duration.ofMillis(3)));
            case 6 -> clock.advance(Duration.ofMillis(1));
            case 7 -> core.sweepExpired();
            case 8, 9 -> cache.get(key);
            default -> cache.put(key, "v", PutOptions.tags(tag(random)));
          }
        }
      });

      List<CacheEntry<String, String>> live = cache.export();
      assertThat(cache.size()).isEqualTo(live.size());
      assertThat(live.stream().map(CacheEntry::key).collect(Collectors.toSet())).hasSize(live.size());
      if (policy != EvictionPolicy.TTL_ONLY) {
        assertThat(cache.inspect().entries()).isLessThanOrEqualTo(MAX_SIZE);
      }
      Map<String, Set<String>> tagsByKey = new HashMap<>();
      live.forEach(entry -> tagsByKey.put(entry.key(), entry.tags()));
      for (String tag : TAGS) {
        Set<String> carrying = tagsByKey.entrySet().stream()
            .filter(e -> e.getValue().contains(tag))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
        assertThat(cache.invalidateTag(tag)).as("entries tagged %s", tag).isEqualTo(carrying.size());
        tagsByKey.keySet().removeAll(carrying);
      }
      assertThat(cache.size()).isEqualTo(tagsByKey.size());
    }
  }

  private static String tag(ThreadLocalRandom random) {
    return TAGS[random.nextInt(TAGS.length)];
  }
}
