package dev.vela.near;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import java.time.InstantSource;

/**
 * A near cache's L1: two memory maps, so that a hit on an entry that never expires reads no clock.
 * Entries without an expiry of their own live in {@code lasting}, whose only expiry is the L1 time
 * to live, checked against a {@link TickingClock}; entries with one live in {@code expiring}, checked
 * against the cache's clock, so the L1 never shows an entry past its own expiry. A key is in at most
 * one of them: a fill takes it out of the other. A bounded cache bounds each map by {@code maxSize}.
 *
 * <p>Fills and removals of one key are serialised by the caller ({@link InvalidationSequence});
 * reads take no lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class L1Store<K, V> {
  private final MemoryBackend<K, V> lasting;
  private final MemoryBackend<K, V> expiring;
  private final InstantSource clock;
  private final InstantSource ticking;
  private final long ttlMillis; // Long.MAX_VALUE: only the entry's own expiry limits it
  // until an expiring entry is kept, a miss of lasting is a miss: the hit path stays one lookup
  private volatile boolean mayHoldExpiring;

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
  }

  private static <K, V> MemoryBackend<K, V> memory(CacheConfig config, InstantSource clock) {
    if (!config.isBounded()) {
      return MemoryBackend.unbounded(clock, (key, value, cause) -> {});
    }
    EvictionPolicy configured = config.evictionPolicy();
    EvictionPolicy policy = configured == EvictionPolicy.TTL_ONLY ? EvictionPolicy.LRU : configured;
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
      lasting.put(key, entry.value(), after(ticking.millis()), entry.tags());
    } else {
      lasting.delete(key);
      mayHoldExpiring = true;
      expiring.put(key, entry.value(), Math.min(ownExpiry, after(clock.millis())), entry.tags());
    }
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

  /** Removes up to about {@code batchSize} expired entries of each map. */
  void removeExpired(int batchSize) {
    lasting.removeExpired(batchSize);
    expiring.removeExpired(batchSize);
  }

  /** Entries held, expired ones not yet removed included. */
  long heldEntries() {
    return lasting.heldEntries() + expiring.heldEntries();
  }

  void close() {
    try {
      lasting.close();
    } finally {
      expiring.close();
    }
  }
}
