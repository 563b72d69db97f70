package dev.vela.core;

import dev.vela.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the hot paths' events (reads and writes) in per-thread {@link CountCell}s, which cost a
 * plain store each, and the rarer events in {@link LongAdder}s. A thread without a cell (the table
 * is full) counts reads and writes in the adders too.
 */
final class CountingStatsCounter implements StatsCounter {
  private final ThreadCells<CountCell> cells;
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

  CountingStatsCounter() {
    this(new ThreadCells<>(CountCell::claim));
  }

  /** A counter over {@code cells}; tests give it a small table. */
  CountingStatsCounter(ThreadCells<CountCell> cells) {
    this.cells = cells;
  }

  @Override
  public void recordRead(boolean hit) {
    CountCell cell = cells.mine();
    if (cell != null) {
      cell.addRead(hit);
    } else {
      (hit ? hits : misses).increment();
    }
  }

  @Override
  public void recordWrites(long count) {
    CountCell cell = cells.mine();
    if (cell != null) {
      cell.addWrites(count);
    } else {
      writes.add(count);
    }
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
    CountCell cell = cells.mine();
    if (cell != null) {
      cell.addL1HitRead();
    } else {
      l1HitReads.increment();
    }
  }

  @Override
  public void recordL1Miss() {
    l1Misses.increment();
  }

  @Override
  public CacheStats snapshot() {
    long hitReads = l1HitReads.sum() + cells.sum(CountCell::l1HitReads);
    return new CacheStats(
        hits.sum() + cells.sum(CountCell::hits) + hitReads, misses.sum() + cells.sum(CountCell::misses),
        writes.sum() + cells.sum(CountCell::writes), deletes.sum(), evictions.sum(), expirations.sum(),
        fetches.sum(), fetchErrors.sum(), decodeErrors.sum(), l1Hits.sum() + hitReads, l1Misses.sum());
  }
}
