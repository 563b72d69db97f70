package dev.vela.backend;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Typed entry operations shared by a backend and by the topology in front of it. Expiry times are
 * absolute epoch milliseconds from the cache's clock; no method ever returns an entry that has
 * expired, and an expired entry that a method comes across is removed and reported to the {@link
 * RemovalListener} as {@link RemovalCause#EXPIRED}.
 *
 * <p>Keys, values and tag sets passed in are never null; the cache core checks them first.
 *
 * <p><b>Asynchronous forms.</b> Each {@code ...Async} method does what its blocking namesake does and
 * returns a future of its result. The defaults run the blocking method at once, on the calling
 * thread, and return a future that is already complete (exceptionally when the method threw): right
 * for a store that answers from memory or a local file, where a thread hop would cost more than the
 * call. A store that waits for a network overrides them so that nothing waits: the future then
 * completes later, possibly on the store's own I/O thread, so whoever hands it to a user must move
 * the user's dependants off that thread (the cache core does). An overriding store completes each
 * future within its call timeout, exceptionally with the same {@link dev.vela.VelaException} its
 * blocking namesake would throw.
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

  /**
   * The one atomic primitive behind every conditional write: reads the live entry under {@code key},
   * tests {@code condition} against it and, when it holds, applies {@code update}, all as one step
   * that no other write to the key can interleave with, on this node, in another process sharing
   * the store, or on another node of the cluster. An entry the update removes is reported as
   * explicitly deleted; expiry of the entry read counts as usual.
   *
   * <p>Stores that cannot do this atomically throw {@link UnsupportedOperationException} (the
   * default), never a racy imitation.
   *
   * @return whether the update applied, and the live entry before it
   */
  default WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support conditional writes");
  }

  /**
   * The live values of {@code keys}, absent keys left out. Stores that can read many keys in one
   * request (one pipeline, one request per owner) override it; the default reads one by one.
   */
  default Map<K, V> getAll(Collection<? extends K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : keys) {
      V value = get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  /** Removes the entries of {@code keys} and returns how many live ones were removed. */
  default long deleteAll(Collection<? extends K> keys) {
    long removed = 0;
    for (K key : keys) {
      if (delete(key)) {
        removed++;
      }
    }
    return removed;
  }

  /** {@link #get}, asynchronously: a future of the live value, or of null. */
  default CompletableFuture<V> getAsync(K key) {
    return now(() -> get(key));
  }

  /** {@link #entry}, asynchronously: a future of the live entry, or of null. */
  default CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return now(() -> entry(key));
  }

  /** {@link #put}, asynchronously: a future that completes once the entry is stored. */
  default CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return now(() -> {
      put(key, value, expiresAtMillis, tags);
      return null;
    });
  }

  /** {@link #delete}, asynchronously: a future of true when a live entry was removed. */
  default CompletableFuture<Boolean> deleteAsync(K key) {
    return now(() -> delete(key));
  }

  /** {@link #write}, asynchronously, with the same atomicity. */
  default CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return now(() -> write(key, condition, update));
  }

  /** {@link #getAll}, asynchronously. */
  default CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return now(() -> getAll(keys));
  }

  /** {@link #deleteAll}, asynchronously: a future of how many live entries were removed. */
  default CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return now(() -> deleteAll(keys));
  }

  /** Runs {@code call} now and returns a complete future of its result, or of what it threw. */
  private static <T> CompletableFuture<T> now(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
