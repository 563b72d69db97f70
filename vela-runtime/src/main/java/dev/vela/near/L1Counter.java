package dev.vela.near;

import dev.vela.topology.ReadCounter;

/** Where a near cache counts the reads its L1 answered and the ones it passed on. */
public interface L1Counter extends ReadCounter {

  /** A read answered by the L1. */
  void recordL1Hit();

  /**
   * A counted read answered by the L1: both a hit of the cache and an L1 hit, counted as one
   * event so that the hit path pays for one count.
   */
  void recordL1HitRead();

  /** A read the L1 could not answer, passed on to the topology behind it. */
  void recordL1Miss();
}
