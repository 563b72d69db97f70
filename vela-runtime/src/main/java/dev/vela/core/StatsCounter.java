package dev.vela.core;

import dev.vela.CacheStats;
import dev.vela.near.L1Counter;

/**
 * Where the core counts what a cache does, the near cache's L1 reads included; a no-op when stats
 * are off, so counting costs nothing.
 */
interface StatsCounter extends L1Counter {

  /** A counter that keeps counts, or one that ignores them when {@code enabled} is false. */
  static StatsCounter create(boolean enabled) {
    return enabled ? new CountingStatsCounter() : DisabledStatsCounter.INSTANCE;
  }

  void recordWrites(long count);

  void recordDeletes(long count);

  void recordEviction();

  void recordExpiration();

  void recordFetch();

  void recordFetchError();

  void recordDecodeError();

  /** The counts so far. */
  CacheStats snapshot();
}
