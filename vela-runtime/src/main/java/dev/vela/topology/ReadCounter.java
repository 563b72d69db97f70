package dev.vela.topology;

/** Where a topology counts the reads the cache core counts as hits or misses. */
public interface ReadCounter {

  /** A counted read: a hit when {@code hit}, else a miss. */
  void recordRead(boolean hit);
}
