package dev.vela.near;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Counts invalidations, per stripe of keys and cache-wide, so that a read from the L2 can tell
 * whether its key was invalidated while the read was in flight: it notes {@link #keyVersion} and
 * {@link #wideVersion} before reading and checks {@link #unchanged} after storing in the L1.
 * Keys that share a stripe only cost each other a refill, never a stale value.
 *
 * <p>The check and the store into the L1 are one step with respect to invalidations ({@link
 * #installIfUnchanged}): otherwise a fill that read an old value could land just after an
 * invalidation, and show that old value to other readers until its own check removed it. Reads of
 * the L1 take no lock; only fills and invalidations do.
 */
final class InvalidationSequence {
  private static final int STRIPES = 1024; // a power of two

  private final AtomicLongArray keyVersions = new AtomicLongArray(STRIPES);
  private final AtomicLong wideVersion = new AtomicLong();
  private final Object[] stripeLocks = new Object[STRIPES];
  // fills and key invalidations share it; a cache-wide invalidation excludes them all
  private final ReentrantReadWriteLock wide = new ReentrantReadWriteLock();

  InvalidationSequence() {
    for (int i = 0; i < STRIPES; i++) {
      stripeLocks[i] = new Object();
    }
  }

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

  /**
   * Runs {@code install} when no invalidation of the stripe, and none cache-wide, came since the
   * versions were noted, with invalidations held off meanwhile; returns whether it ran.
   */
  boolean installIfUnchanged(int stripe, long keyVersionBefore, long wideVersionBefore, Runnable install) {
    wide.readLock().lock();
    try {
      synchronized (stripeLocks[stripe]) {
        if (!unchanged(stripe, keyVersionBefore, wideVersionBefore)) {
          return false;
        }
        install.run();
        return true;
      }
    } finally {
      wide.readLock().unlock();
    }
  }

  /** Marks {@code key} invalidated and runs {@code remove}, which takes it out of the L1, as one step. */
  void invalidateKey(Object key, Runnable remove) {
    int stripe = stripeOf(key);
    wide.readLock().lock();
    try {
      synchronized (stripeLocks[stripe]) {
        keyVersions.incrementAndGet(stripe);
        remove.run();
      }
    } finally {
      wide.readLock().unlock();
    }
  }

  /** Marks every key invalidated and runs {@code clear} (a flush or a tag removal of the L1) as one step. */
  void invalidateAll(Runnable clear) {
    wide.writeLock().lock();
    try {
      wideVersion.incrementAndGet();
      clear.run();
    } finally {
      wide.writeLock().unlock();
    }
  }

  /** True when no invalidation of the stripe, and none cache-wide, came since the versions were noted. */
  boolean unchanged(int stripe, long keyVersionBefore, long wideVersionBefore) {
    return keyVersions.get(stripe) == keyVersionBefore && wideVersion.get() == wideVersionBefore;
  }
}
