package dev.vela;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A typed cache. Declare an interface that extends this one, annotate it with {@code @VelaCache},
 * and use the {@code Vela<Name>} class the annotation processor writes for it.
 *
 * <p>Keys and values are never null: every method refuses a null argument with a {@link
 * NullPointerException} naming it. Key-based methods act on the key's owner; cache-wide methods
 * ({@link #size()}, {@link #flush()}, {@link #stats()}, {@link #invalidateTag(String)}, {@link
 * #export()}, {@link #dump(Path)}) cover every node of a distributed cache unless called on {@link
 * #local()}. After {@link #close()} every method but {@code close} and {@code name} throws {@link
 * CacheClosedException}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Cache<K, V> extends AutoCloseable {

  /** Returns the value stored under {@code key}, or empty when there is none or it has expired. */
  Optional<V> get(K key);

  /**
   * Returns the value stored under {@code key}.
   *
   * @throws NoSuchElementException naming the key when there is none or it has expired
   */
  V getOrThrow(K key);

  /**
   * Returns the value stored under {@code key}, or {@code defaultValue} (which may be null) when
   * there is none or it has expired. Counts a hit or a miss as {@link #get} does, but allocates
   * nothing: on a hot path under JDKs before 22, whose JIT cannot always elide {@code get}'s
   * {@code Optional}, this is the cheaper read.
   */
  V getOrDefault(K key, V defaultValue);

  /** Stores {@code value} under {@code key} with the cache's default time to live and no tags. */
  void put(K key, V value);

  /** Stores {@code value} under {@code key} with the time to live and tags of {@code options}. */
  void put(K key, V value, PutOptions options);

  /** Stores every entry of {@code entries} at once: readers see all of them or none. */
  void putAll(Map<? extends K, ? extends V> entries);

  /**
   * Stores every entry of {@code entries} at once with {@code options}.
   *
   * @throws CrossSlotException on a partitioned cache when the keys have different owners
   */
  void putAll(Map<? extends K, ? extends V> entries, PutOptions options);

  /** Removes the entry under {@code key}; returns true when there was one. */
  boolean delete(K key);

  /** Returns true when an entry is stored under {@code key} and has not expired. */
  boolean exists(K key);

  /**
   * Returns the remaining time to live of the entry under {@code key}: empty when there is no entry
   * or when it never expires.
   */
  Optional<Duration> ttl(K key);

  /**
   * Returns the value under {@code key}, or calls {@code fetcher} once, stores its result with the
   * default time to live and returns it. Concurrent callers for the same missing key wait for that
   * one fetch, at most {@code stampedeTimeout}.
   *
   * @throws FetchException when the fetcher throws or returns null (nothing is stored)
   * @throws FetchTimeoutException when another caller's fetch did not finish in time
   */
  V getOrFetch(K key, Function<? super K, ? extends V> fetcher);

  /** As {@link #getOrFetch(Object, Function)}, storing the fetched value with {@code options}. */
  V getOrFetch(K key, Function<? super K, ? extends V> fetcher, PutOptions options);

  /** Removes every entry tagged {@code tag}, on every node; returns how many were removed. */
  long invalidateTag(String tag);

  /** Removes every entry, on every node. */
  void flush();

  /** Returns the number of entries that have not expired, summed over every node. */
  long size();

  /** Returns the counters of this cache, summed over every node. */
  CacheStats stats();

  /** Returns a view whose cache-wide methods cover this node only; key-based methods are unchanged. */
  Cache<K, V> local();

  /**
   * Runs {@code work} while {@code keys} are locked against other writers and transactions, and
   * returns its result.
   *
   * @throws CrossSlotException on a partitioned cache when the keys have different owners
   */
  <R> R transaction(Collection<? extends K> keys, Function<? super Cache<K, V>, ? extends R> work);

  /** Returns every live entry with its remaining time to live and tags, from every node. */
  List<CacheEntry<K, V>> export();

  /**
   * Writes every live entry to {@code file} (format: docs/dump-format.md) and returns how many.
   *
   * @throws VelaException when the file cannot be written or a type has no codec
   */
  long dump(Path file);

  /**
   * Reads the entries of a file written by {@link #dump(Path)}, stores those not yet expired with
   * their remaining time to live and tags, and returns how many were stored.
   *
   * @throws VelaException when the file cannot be read or does not hold a dump of this cache's types
   */
  long load(Path file);

  /** Returns facts about this node's part of the cache, for debugging. Never leaves this node. */
  CacheInfo inspect();

  /**
   * Returns the live entries of a LOCAL cache, or of this node when called on {@link #local()}.
   *
   * @throws UnsupportedOperationException on a distributed cache; use {@link #export()} or {@code
   *     local().stream()}
   */
  Stream<CacheEntry<K, V>> stream();

  /** Returns the cache's name. */
  String name();

  /** Stops the cache: its sweeper task, cluster membership, files and connections. Idempotent. */
  @Override
  void close();
}
