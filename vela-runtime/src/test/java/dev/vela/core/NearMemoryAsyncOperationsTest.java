package dev.vela.core;

import dev.vela.Cache;
import dev.vela.testing.ManualClock;

/** The asynchronous calls on a bounded LOCAL MEMORY cache with a near cache in front. */
class NearMemoryAsyncOperationsTest extends AsyncOperationsContract {
  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return AtomicOperationsContract.longs("async-near-memory", clock).maxSize(10_000).nearCache(true).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return false;
  }
}
