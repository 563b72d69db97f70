package dev.vela.core;

import dev.vela.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/** Counts with {@link LongAdder}s: lock-free, and cheap under contention. */
final class LongAdderStatsCounter implements StatsCounter {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder deletes = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder expirations = new LongAdder();
  private final LongAdder fetches = new LongAdder();
  private final LongAdder fetchErrors = new LongAdder();
  private final LongAdder decodeErrors = new LongAdder();
  private final LongAdder l1Hits = new LongAdder();
  private final LongAdder l1Misses = new LongAdder();
  private final LongAdder l1HitReads = new LongAdder(); // both hits and L1 hits

  @Override
  public void recordRead(boolean hit) {
    // one increment on a chosen adder, not one per outcome: keeps the inlined read path short
    (hit ? hits : misses).increment();
  }

  @Override
  public void recordWrites(long count) {
    writes.add(count);
  }

  @Override
  public void recordDeletes(long count) {
    deletes.add(count);
  }

  @Override
  public void recordEviction() {
    evictions.increment();
  }

  @Override
  public void recordExpiration() {
    expirations.increment();
  }

  @Override
  public void recordFetch() {
    fetches.increment();
  }

  @Override
  public void recordFetchError() {
    fetchErrors.increment();
  }

  @Override
  public void recordDecodeError() {
    decodeErrors.increment();
  }

  @Override
  public void recordL1Hit() {
    l1Hits.increment();
  }

  @Override
  public void recordL1HitRead() {
    l1HitReads.increment();
  }

  @Override
  public void recordL1Miss() {
    l1Misses.increment();
  }

  @Override
  public CacheStats snapshot() {
    long hitReads = l1HitReads.sum();
    return new CacheStats(
        hits.sum() + hitReads, misses.sum(), writes.sum(), deletes.sum(), evictions.sum(), expirations.sum(),
        fetches.sum(), fetchErrors.sum(), decodeErrors.sum(), l1Hits.sum() + hitReads, l1Misses.sum());
  }
}
