package dev.vela.benchmarks;

import dev.vela.Cache;

/** Brings a near cache's L1 to hold every key before a benchmark reads it, and reports its counts. */
final class NearCacheWarmup {
  private static final int MAX_ROUNDS = 100;

  private NearCacheWarmup() {}

  /**
   * Reads every key until a whole round is answered by the L1, for at most {@value #MAX_ROUNDS}
   * rounds: invalidations of the cache's own puts may still arrive after the first round.
   */
  static void readUntilL1HoldsAll(Cache<String, ?> cache, String[] keys) {
    long missesBefore = -1;
    for (int round = 0; round < MAX_ROUNDS && cache.local().stats().l1Misses() != missesBefore; round++) {
      missesBefore = cache.local().stats().l1Misses();
      for (String key : keys) {
        cache.get(key).orElseThrow();
      }
    }
  }

  /** The L1's hit and miss counts, as a check that a benchmark's hits were hits. */
  static String l1Counts(Cache<?, ?> cache) {
    return cache.local().stats().l1Hits() + " L1 hits, " + cache.local().stats().l1Misses() + " L1 misses";
  }
}
