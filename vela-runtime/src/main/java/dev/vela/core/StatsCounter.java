package dev.vela.core;

import dev.vela.CacheStats;

/** Where the core counts what a cache does; a no-op when stats are off, so counting costs nothing. */
interface StatsCounter {

  /** A counter that keeps counts, or one that ignores them when {@code enabled} is false. */
  static StatsCounter create(boolean enabled) {
    return enabled ? new LongAdderStatsCounter() : DisabledStatsCounter.INSTANCE;
  }

  void recordHit();

  void recordMiss();

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
