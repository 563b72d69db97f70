package dev.vela.annotation;

/**
 * What a bounded cache removes when it is full and another entry arrives. A cache with a
 * {@code maxSize} (or {@code maxWeight}) and no policy written uses {@link #ADAPTIVE}.
 */
public enum EvictionPolicy {
  /** Entries leave only when they expire; {@code maxSize} must stay -1 (unbounded). */
  TTL_ONLY,
  /**
   * The least recently used entry leaves first. Best when recent keys are the ones read again
   * soon; a loop or scan longer than the cache evicts everything useful.
   */
  LRU,
  /**
   * The least frequently used entry leaves first; ties go to the least recently used. Counts are
   * halved periodically, so popularity fades; still weak when traffic is mostly recent one-off keys.
   */
  LFU,
  /**
   * The default for a bounded cache: a small recency window in front of a frequency-guarded main
   * area, whose share of the cache adapts to the hit rate while it runs (W-TinyLFU with hill
   * climbing). Close to the better of LRU and LFU on most workloads, and resistant to scans.
   */
  ADAPTIVE
}
