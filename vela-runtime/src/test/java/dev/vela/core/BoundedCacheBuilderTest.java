package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import org.junit.jupiter.api.Test;

/** Size and weight limits set on the builder: the default policy, the weight bound and the refusals. */
class BoundedCacheBuilderTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void aSizeLimitWithoutAPolicyEvictsAdaptively() {
    var builder = TestCaches.strings("sized", clock).maxSize(100);
    assertThat(builder.config().evictionPolicy()).isEqualTo(EvictionPolicy.ADAPTIVE);
    try (Cache<String, String> cache = builder.create()) {
      assertThat(cache.inspect().details()).containsEntry("memory.evictionOrder", "ADAPTIVE");
    }
  }

  @Test
  void anUnboundedCacheKeepsTtlOnly() {
    assertThat(TestCaches.strings("free", clock).config().evictionPolicy()).isEqualTo(EvictionPolicy.TTL_ONLY);
  }

  @Test
  void anExplicitTtlOnlyWithASizeLimitIsRefusedNamingAdaptive() {
    var builder = TestCaches.strings("odd", clock).maxSize(10).evictionPolicy(EvictionPolicy.TTL_ONLY);

    assertThatThrownBy(builder::create).isInstanceOf(VelaException.class)
        .hasMessageContaining("'odd'")
        .hasMessageContaining("TTL_ONLY")
        .hasMessageContaining("ADAPTIVE");
  }

  @Test
  void sizeAndWeightTogetherAreRefused() {
    var builder = TestCaches.strings("both", clock).maxSize(10).maxWeight(100).weigher((k, v) -> v.length());

    assertThatThrownBy(builder::create).isInstanceOf(VelaException.class)
        .hasMessageContaining("maxSize 10 and maxWeight 100 are both set");
  }

  @Test
  void aWeightLimitNeedsAWeigherAndAWeigherNeedsALimit() {
    assertThatThrownBy(TestCaches.strings("w", clock).maxWeight(100)::create)
        .isInstanceOf(VelaException.class).hasMessageContaining("needs a weigher");
    assertThatThrownBy(TestCaches.strings("w", clock).weigher((k, v) -> 1)::create)
        .isInstanceOf(VelaException.class).hasMessageContaining("maxWeight is not");
    assertThatThrownBy(() -> TestCaches.strings("w", clock).maxWeight(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWeight must be -1");
  }

  @Test
  void aWeightLimitEvictsByTheWeigherUntilTheTotalFits() {
    try (Cache<String, String> cache = TestCaches.strings("weighted", clock)
        .maxWeight(10).weigher((key, value) -> value.length()).evictionPolicy(EvictionPolicy.LRU).create()) {
      cache.put("a", "1234");
      cache.put("b", "1234");
      assertThat(cache.get("a")).contains("1234"); // b is now the least recently used
      cache.put("c", "12345"); // 13 > 10: b leaves

      assertThat(cache.get("b")).isEmpty();
      assertThat(cache.get("a")).contains("1234");
      assertThat(cache.get("c")).contains("12345");
      assertThat(cache.inspect().details())
          .containsEntry("memory.maxWeight", "10")
          .containsEntry("memory.weight", "9");

      cache.put("a", "1234567"); // an overwrite re-weighs: 7 + 5 > 10, c leaves
      assertThat(cache.get("c")).isEmpty();
      assertThat(cache.inspect().details()).containsEntry("memory.weight", "7");
    }
  }

  @Test
  void anEntryHeavierThanTheLimitDoesNotStay() {
    try (Cache<String, String> cache = TestCaches.strings("heavy", clock)
        .maxWeight(5).weigher((key, value) -> value.length()).create()) {
      cache.put("small", "12");
      cache.put("big", "123456");

      assertThat(cache.get("big")).isEmpty();
      assertThat(cache.get("small")).contains("12");
    }
  }

  @Test
  void aNegativeWeightIsRefusedAndLeavesTheCacheAsItWas() {
    try (Cache<String, String> cache = TestCaches.strings("negative", clock)
        .maxWeight(5).weigher((key, value) -> value.equals("bad") ? -1 : 1).create()) {
      cache.put("k", "ok");

      assertThatThrownBy(() -> cache.put("k", "bad")).hasMessageContaining("negative weight (-1)");
      assertThat(cache.get("k")).contains("ok");
    }
  }
}
