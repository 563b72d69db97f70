package dev.vela.core;

import dev.vela.Cache;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.testing.ManualClock;

/**
 * The atomic operations contract on a bounded LOCAL MEMORY cache, whose writes go through the
 * eviction lock; the bound is above what any test stores, so nothing is evicted.
 */
class BoundedMemoryAtomicOperationsTest extends AtomicOperationsContract {
  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return longs("atomic-bounded", clock).maxSize(100_000).evictionPolicy(EvictionPolicy.LRU).create();
  }
}
