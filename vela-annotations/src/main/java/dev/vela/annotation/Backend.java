package dev.vela.annotation;

/** Where a cache's entries live. */
public enum Backend {
  /** On the heap, as objects: no copies, no codecs needed. */
  MEMORY,
  /** In a MapDB file under the {@code dataDir} option; survives restarts. */
  DISK,
  /** In a Redis server reached through Lettuce, at the {@code url} option. */
  REDIS
}
