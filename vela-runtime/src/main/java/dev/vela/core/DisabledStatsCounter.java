package dev.vela.core;

import dev.vela.CacheStats;

/** The counter of a cache with {@code statsEnabled = false}: every count is dropped. */
enum DisabledStatsCounter implements StatsCounter {
  INSTANCE;

  @Override
  public void recordRead(boolean hit) {}

  @Override
  public void recordWrites(long count) {}

  @Override
  public void recordDeletes(long count) {}

  @Override
  public void recordEviction() {}

  @Override
  public void recordExpiration() {}

  @Override
  public void recordFetch() {}

  @Override
  public void recordFetchError() {}

  @Override
  public void recordDecodeError() {}

  @Override
  public void recordL1Hit() {}

  @Override
  public void recordL1HitRead() {}

  @Override
  public void recordL1Miss() {}

  @Override
  public CacheStats snapshot() {
    return CacheStats.EMPTY;
  }
}
