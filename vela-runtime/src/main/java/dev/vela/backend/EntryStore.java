package dev.vela.backend;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Typed entry operations shared by a backend and by the topology in front of it. Expiry times are
 * absolute epoch milliseconds from the cache's clock; no method ever returns an entry that has
 * expired, and an expired entry that a method comes across is removed and reported to the {@link
 * RemovalListener} as {@link RemovalCause#EXPIRED}.
 *
 * <p>Keys, values and tag sets passed in are never null; the cache core checks them first.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface EntryStore<K, V> {

  /** The live value under {@code key}, or null. */
  V get(K key);

  /**
   * The live entry under {@code key} with its expiry and tags, or null. Unlike {@link #get}, it
   * does not count as a use for the eviction policy.
   */
  StoredEntry<V> entry(K key);

  /**
   * Stores {@code value} under {@code key}, replacing any entry and its tags.
   *
   * @param expiresAtMillis absolute expiry, or {@link StoredEntry#NO_EXPIRY}
   * @param tags the entry's tags, possibly empty; copied if kept
   */
  void put(K key, V value, long expiresAtMillis, Set<String> tags);

  /** Stores every entry at once: a concurrent reader sees all of them or none. */
  void putAll(Map<K, StoredEntry<V>> entries);

  /** Removes the entry under {@code key}; true when a live one was removed. */
  boolean delete(K key);

  /** The number of live entries. Exact when no write runs at the same time. */
  long size();

  /** Removes every entry and returns how many live ones there were. */
  long flush();

  /** Removes every entry tagged {@code tag} and returns how many live ones there were. */
  long invalidateTag(String tag);

  /** The live entries, weakly consistent: entries written during the walk may or may not appear. */
  Stream<Map.Entry<K, StoredEntry<V>>> entries();
}
