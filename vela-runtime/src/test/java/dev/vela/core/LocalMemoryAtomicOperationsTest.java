package dev.vela.core;

import dev.vela.Cache;
import dev.vela.testing.ManualClock;

/** The atomic operations contract on an unbounded LOCAL MEMORY cache. */
class LocalMemoryAtomicOperationsTest extends AtomicOperationsContract {
  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return longs("atomic-memory", clock).create();
  }
}
