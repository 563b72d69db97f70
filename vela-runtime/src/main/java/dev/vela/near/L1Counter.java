package dev.vela.near;

/** Where a near cache counts the reads its L1 answered and the ones it passed on. */
public interface L1Counter {

  /** A read answered by the L1. */
  void recordL1Hit();

  /** A read the L1 could not answer, passed on to the topology behind it. */
  void recordL1Miss();
}
