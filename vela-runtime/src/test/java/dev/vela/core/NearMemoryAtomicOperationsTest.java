package dev.vela.core;

import dev.vela.Cache;
import dev.vela.testing.ManualClock;
import java.time.Duration;

/** The atomic operations contract on a LOCAL MEMORY cache behind a near cache's L1. */
class NearMemoryAtomicOperationsTest extends AtomicOperationsContract {
  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return longs("atomic-near", clock).nearCache(true).nearCacheL1Ttl(Duration.ofMinutes(1)).create();
  }
}
