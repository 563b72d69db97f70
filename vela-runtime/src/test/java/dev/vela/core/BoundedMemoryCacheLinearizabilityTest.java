package dev.vela.core;

import dev.vela.Cache;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;

/**
 * {@link MemoryCacheLinearizabilityTest} on a bounded (LRU) memory cache, whose conditional writes
 * run under the eviction lock; the bound is above the three keys, so nothing is evicted.
 */
public class BoundedMemoryCacheLinearizabilityTest extends MemoryCacheLinearizabilityTest {
  @Override
  Cache<Integer, Integer> open() {
    return TestCaches.integers("lincheck-bounded", new ManualClock())
        .maxSize(100)
        .evictionPolicy(EvictionPolicy.LRU)
        .create();
  }
}
