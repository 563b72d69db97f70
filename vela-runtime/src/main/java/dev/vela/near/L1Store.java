package dev.vela.near;

import dev.vela.Weigher;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import java.lang.ref.WeakReference;
import java.time.InstantSource;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A near cache's L1: two memory maps. Entries without an expiry of their own live in {@code
 * lasting} as they would in a LOCAL cache (an unbounded one holds the bare value), so a hit there
 * reads no deadline and no clock: their L1 time to live is kept apart, in {@link L1Deadlines}, and
 * enforced on each tick of the {@link TickingClock}'s thread, which removes them at most about one
 * tick late. Entries with an expiry of their own live in {@code expiring}, checked against the
 * cache's clock on every read, so the L1 never shows an entry past its own expiry. A key is in at
 * most one of them: a fill takes it out of the other. A bounded cache bounds each map by its {@code
 * maxSize} (or {@code maxWeight}), with its eviction policy (ADAPTIVE when it has none).
 *
 * <p>Fills and removals of one key are serialised by the caller ({@link InvalidationSequence});
 * reads take no lock. Removals for the time to live are not: a removal is never unsafe for an L1.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class L1Store<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(L1Store.class);
  /** How many fills may be queued beyond twice the entries held (fills of keys removed since stay queued). */
  private static final int SPARE_DEADLINES = 1024;

  private final MemoryBackend<K, V> lasting;
  private final MemoryBackend<K, V> expiring;
  private final InstantSource clock;
  private final InstantSource ticking;
  private final long ttlMillis; // Long.MAX_VALUE: only the entry's own expiry limits it
  // until an expiring entry is kept, a miss of lasting is a miss: the hit path stays one lookup
  private volatile boolean mayHoldExpiring;
  private final L1Deadlines<K> deadlines = new L1Deadlines<>();
  private final ScheduledFuture<?> removingDue;

  L1Store(CacheConfig config, InstantSource clock) {
    this(config, clock, TickingClock.forL1(clock));
  }

  /** An L1 that checks the time to live of entries that never expire against {@code ticking}. */
  L1Store(CacheConfig config, InstantSource clock, InstantSource ticking) {
    this.clock = clock;
    this.ticking = ticking;
    this.ttlMillis = Durations.isInfinite(config.nearCacheL1Ttl()) ? Long.MAX_VALUE : config.nearCacheL1Ttl().toMillis();
    this.lasting = memory(config, ticking);
    this.expiring = memory(config, clock);
    this.removingDue = TickingClock.everyTick(new RemoveDue<>(this));
  }

  private static <K, V> MemoryBackend<K, V> memory(CacheConfig config, InstantSource clock) {
    if (!config.isBounded()) {
      return MemoryBackend.unbounded(clock, (key, value, cause) -> {});
    }
    EvictionPolicy configured = config.evictionPolicy();
    EvictionPolicy policy = configured == EvictionPolicy.TTL_ONLY ? EvictionPolicy.ADAPTIVE : configured;
    if (config.isWeighted()) {
      @SuppressWarnings("unchecked") // the builder took the weigher for this cache's key and value types
      Weigher<? super K, ? super V> weigher = (Weigher<? super K, ? super V>) config.weigher();
      return MemoryBackend.weighted(config.maxWeight(), weigher, policy, clock, (key, value, cause) -> {});
    }
    return MemoryBackend.bounded(config.maxSize(), policy, clock, (key, value, cause) -> {});
  }

  /** The value the L1 holds for {@code key}, or null. */
  V get(K key) {
    V value = lasting.get(key);
    if (value != null || !mayHoldExpiring) {
      return value;
    }
    return expiring.get(key);
  }

  /** Keeps {@code entry}, read from the L2, for at most the L1 time to live and never past its own expiry. */
  void put(K key, StoredEntry<V> entry) {
    long ownExpiry = entry.expiresAtMillis();
    if (ownExpiry == StoredEntry.NO_EXPIRY) {
      expiring.delete(key);
      lasting.put(key, entry.value(), StoredEntry.NO_EXPIRY, entry.tags());
      long deadline = after(ticking.millis());
      if (deadline != StoredEntry.NO_EXPIRY) {
        deadlines.add(key, deadline, deadlineBound(), lasting::delete);
      }
    } else {
      lasting.delete(key);
      mayHoldExpiring = true;
      expiring.put(key, entry.value(), Math.min(ownExpiry, after(clock.millis())), entry.tags());
    }
  }

  private int deadlineBound() {
    return (int) Math.min(Integer.MAX_VALUE, 2 * lasting.heldEntries() + SPARE_DEADLINES);
  }

  /** Removes the entries without an expiry of their own whose L1 time to live has passed. */
  void removeDue() {
    deadlines.removeDue(ticking.millis(), lasting::delete);
  }

  /** Whether the tick still runs {@link #removeDue} for this L1; for tests. */
  boolean isRemovingDue() {
    return !removingDue.isDone();
  }

  /** How many fills wait for their L1 time to live to pass; for tests. */
  int queuedDeadlines() {
    return deadlines.queued();
  }

  private long after(long now) {
    return ttlMillis > StoredEntry.NO_EXPIRY - now ? StoredEntry.NO_EXPIRY : now + ttlMillis;
  }

  void delete(K key) {
    lasting.delete(key);
    expiring.delete(key);
  }

  void invalidateTag(String tag) {
    lasting.invalidateTag(tag);
    expiring.invalidateTag(tag);
  }

  void flush() {
    lasting.flush();
    expiring.flush();
  }

  /**
   * Removes the entries past their L1 time to live, as a tick does, and up to about {@code
   * batchSize} expired entries of {@code expiring}. {@code lasting} needs no scan: it holds no
   * entry with an expiry of its own.
   */
  void removeExpired(int batchSize) {
    removeDue();
    expiring.removeExpired(batchSize);
  }

  /** Entries held, expired ones not yet removed included. */
  long heldEntries() {
    return lasting.heldEntries() + expiring.heldEntries();
  }

  void close() {
    removingDue.cancel(false);
    try {
      lasting.close();
    } finally {
      expiring.close();
    }
  }

  /**
   * The tick's task for one L1; holds it weakly, so that an L1 never closed can still be collected,
   * and then ends (a periodic task that throws runs no more).
   */
  private static final class RemoveDue<K> implements Runnable {
    private final WeakReference<L1Store<K, ?>> l1;

    RemoveDue(L1Store<K, ?> l1) {
      this.l1 = new WeakReference<>(l1);
    }

    @Override
    public void run() {
      L1Store<K, ?> store = l1.get();
      if (store == null) {
        throw new IllegalStateException("the L1 was collected without being closed; its removals end here");
      }
      try {
        store.removeDue();
      } catch (RuntimeException e) {
        // the next tick tries again: a task that throws would never run again
        LOG.warn("removing L1 entries past their time to live failed; retrying next tick", e);
      }
    }
  }
}
