package dev.vela.core;

import dev.vela.Cache;
import dev.vela.testing.ManualClock;

/** The asynchronous calls on an unbounded LOCAL MEMORY cache: every future complete when returned. */
class LocalMemoryAsyncOperationsTest extends AsyncOperationsContract {
  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return AtomicOperationsContract.longs("async-memory", clock).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return false;
  }
}
