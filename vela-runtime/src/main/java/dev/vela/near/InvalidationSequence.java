package dev.vela.near;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts invalidations, per stripe of keys and cache-wide, so that a read from the L2 can tell
 * whether its key was invalidated while the read was in flight: it notes {@link #keyVersion} and
 * {@link #wideVersion} before reading and checks {@link #unchanged} after storing in the L1.
 * Keys that share a stripe only cost each other a refill, never a stale value.
 */
final class InvalidationSequence {
  private static final int STRIPES = 1024; // a power of two

  private final AtomicLongArray keyVersions = new AtomicLongArray(STRIPES);
  private final AtomicLong wideVersion = new AtomicLong();

  /** The stripe of {@code key}. */
  int stripeOf(Object key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }

  long keyVersion(int stripe) {
    return keyVersions.get(stripe);
  }

  long wideVersion() {
    return wideVersion.get();
  }

  /** Marks {@code key} invalidated; call before removing it from the L1. */
  void advanceKey(Object key) {
    keyVersions.incrementAndGet(stripeOf(key));
  }

  /** Marks every key invalidated; call before clearing the L1 or removing a tag from it. */
  void advanceAll() {
    wideVersion.incrementAndGet();
  }

  /** True when no invalidation of the stripe, and none cache-wide, came since the versions were noted. */
  boolean unchanged(int stripe, long keyVersionBefore, long wideVersionBefore) {
    return keyVersions.get(stripe) == keyVersionBefore && wideVersion.get() == wideVersionBefore;
  }
}
