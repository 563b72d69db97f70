package dev.vela.topology;

/** Where a topology counts the reads the cache core counts as hits or misses. */
public interface ReadCounter {

  /** A counted read: a hit when {@code hit}, else a miss. */
  void recordRead(boolean hit);

  /**
   * Counts the read that found {@code value} (null on a miss) and returns it. Two calls with
   * constant arguments rather than one with {@code value != null}: a compiled read then tests the
   * value once, where it tested it three times (here, in the counter, and in the caller).
   */
  default <V> V counted(V value) {
    if (value == null) {
      recordRead(false);
      return null;
    }
    recordRead(true);
    return value;
  }
}
