package dev.vela.annotation;

/** What a cache removes when it holds {@code maxSize} entries and another one arrives. */
public enum EvictionPolicy {
  /** Entries leave only when they expire; {@code maxSize} must stay -1 (unbounded). */
  TTL_ONLY,
  /** The least recently used entry leaves first. */
  LRU,
  /** The least frequently used entry leaves first; ties go to the least recently used. */
  LFU
}
