package dev.vela;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
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
 * <p><b>Atomic per-key operations.</b> {@link #putIfAbsent}, {@link #replace}, {@link #delete(Object,
 * Object)}, {@link #getAndPut}, {@link #getAndDelete}, {@link #compute}, {@link #computeIfPresent},
 * {@link #merge} and {@link #expire} each read and change one key as a single step on the key's owner
 * (the node that owns it, the Redis server, or this JVM), so two callers racing on a key, in one
 * process or in several, never lose an update. An expired entry counts as absent. Values are compared
 * with {@link Object#equals} in memory and by their encoded bytes where entries are held as bytes,
 * which for Vela's codecs is the same thing. Unless a method says otherwise, a write that replaces a
 * live entry keeps that entry's time to live and tags, and a write that creates an entry gives it the
 * cache's default time to live and no tags. They are counted in {@link #stats()} as writes and
 * deletes when they change something.
 *
 * <p><b>Asynchronous calls.</b> {@link #getAsync}, {@link #putAsync}, {@link #deleteAsync}, {@link
 * #getAllAsync}, {@link #deleteAllAsync} and the {@code ...Async} forms of the atomic operations do
 * what their blocking namesakes do, counted in {@link #stats()} alike, and return a {@link
 * CompletableFuture} of the same result instead of waiting for it:
 *
 * <ul>
 *   <li><i>Failures.</i> Null arguments and arguments out of range are thrown at once, as by the
 *       blocking call. Everything the blocking call would throw after that, it completes the future
 *       exceptionally with, as the same exception (not wrapped): {@link CacheClosedException} after
 *       {@link #close()}, a {@link VelaException} saying that Redis or a node could not be reached or
 *       did not answer in time (or, on a PARTITIONED cache with thousands of calls under way, that
 *       this one could not start), an exception thrown by a {@code compute} or {@code merge} function.
 *       {@link CompletableFuture#join()} wraps it in a {@link java.util.concurrent.CompletionException}
 *       and {@link CompletableFuture#get()} in an {@link java.util.concurrent.ExecutionException},
 *       as they always do.
 *   <li><i>Time.</i> A future completes within the time the blocking call would wait at most: the
 *       {@code timeout} option of a REDIS backend, the {@code rpcTimeout} of a cluster for each
 *       request; past it, exceptionally, with the exception the blocking call gives. On a
 *       PARTITIONED cache a call to another node may first wait up to the {@code rpcTimeout} for a
 *       thread of the cache's pool of remote calls; one that waited longer fails without running.
 *   <li><i>Cancellation.</i> Cancelling the future completes it at once with a {@link
 *       CancellationException} and does nothing else: the call goes on, and a write that has reached
 *       the store (or was already sent to it) is applied and not undone. Read the key again to know.
 *   <li><i>Threads.</i> On a MEMORY or DISK backend and for reads a node answers from its own copy
 *       (a LOCAL or REPLICATED cache, a near cache's L1, a key a PARTITIONED node owns) the call runs
 *       on the calling thread and the future is complete when returned, so dependants added to it run
 *       on the calling thread too, with no thread hop. A future that waits for Redis or another node
 *       is never completed on a Vela or Lettuce I/O thread: it is completed on the cache's own
 *       executor ({@code vela-async-<cache>} threads), so a dependant that blocks (a {@code
 *       thenApply} that waits) holds up that executor, never the network. Use the {@code ...Async}
 *       methods of {@code CompletableFuture} with an executor of your own for long work.
 *   <li><i>Order.</i> As a blocking write does, an asynchronous write first waits, on the calling
 *       thread, for a {@link #transaction} of this node that holds its key. On a MEMORY, DISK or
 *       REDIS backend and on a REPLICATED cache it is applied or sent before the method returns, so
 *       two writes of a key that one thread starts one after the other are applied in that order. On
 *       a PARTITIONED cache a write of a key another node owns is sent from the cache's pool of
 *       remote calls: to order two such writes, start the second when the first has completed.
 * </ul>
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

  /**
   * Stores {@code value} under {@code key} only when no live entry is there, with the cache's default
   * time to live and no tags.
   *
   * @return true when the value was stored; false when a live entry existed (it is left as it was)
   */
  boolean putIfAbsent(K key, V value);

  /**
   * Stores {@code value} under {@code key} only when no live entry is there, with the time to live
   * and tags of {@code options}.
   *
   * @return true when the value was stored; false when a live entry existed (it is left as it was)
   */
  boolean putIfAbsent(K key, V value, PutOptions options);

  /**
   * Replaces the value of the live entry under {@code key} with {@code value}, keeping the entry's
   * time to live and tags; does nothing when there is none.
   *
   * @return true when the value was replaced
   */
  boolean replace(K key, V value);

  /**
   * Compare-and-set: replaces the value of the live entry under {@code key} with {@code value} only
   * when its value equals {@code expected}, keeping the entry's time to live and tags.
   *
   * @return true when the value was replaced; false when there was no live entry or its value
   *     differed from {@code expected}
   */
  boolean replace(K key, V expected, V value);

  /**
   * Removes the entry under {@code key} only when it is live and its value equals {@code expected}.
   *
   * @return true when it was removed
   */
  boolean delete(K key, V expected);

  /**
   * Stores {@code value} under {@code key} as {@link #put(Object, Object)} does (the cache's default
   * time to live, no tags, whatever the entry had) and returns the value it replaced.
   *
   * @return the live value there before, or empty when there was none
   */
  Optional<V> getAndPut(K key, V value);

  /**
   * Removes the entry under {@code key} and returns its value (Cachex's {@code take}).
   *
   * @return the live value removed, or empty when there was none
   */
  Optional<V> getAndDelete(K key);

  /**
   * Computes a new value for {@code key} from its current value, as {@link
   * java.util.Map#compute} does: {@code remapping} is given the key and the live value, or null when
   * there is none; a null result removes the entry (or leaves the key absent), any other result is
   * stored. A replaced entry keeps its time to live and tags; a new one gets the cache's default time
   * to live and no tags.
   *
   * <p>The function runs on the calling thread, outside any lock, and the result is stored only if
   * the entry is still the one the function saw; otherwise the function runs again on the newer value.
   * Under contention it may therefore run more than once, so it must not have side effects. When it
   * throws, the entry is left as it was and the exception reaches the caller.
   *
   * @return the new value, or null when the key is now absent
   */
  V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping);

  /**
   * As {@link #compute}, but only when a live entry exists: the function is not called for an absent
   * key, and null is returned. A null result removes the entry; any other result replaces its value,
   * keeping its time to live and tags. The function may run more than once (see {@link #compute}).
   *
   * @return the new value, or null when the key is now absent
   */
  V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping);

  /**
   * Merges {@code value} into the entry under {@code key}, as {@link java.util.Map#merge} does: when
   * there is no live entry, {@code value} is stored with the cache's default time to live and no tags
   * (the function is not called); otherwise {@code remapping} is given the live value and {@code
   * value}, and its result replaces the value, keeping the entry's time to live and tags, or removes
   * the entry when it is null. {@code merge(key, 1L, Long::sum)} is a counter. The function may run
   * more than once (see {@link #compute}).
   *
   * @return the new value, or null when the entry was removed
   */
  V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping);

  /**
   * Returns the live values of {@code keys}: a new map, in the order of {@code keys}, holding only the
   * keys that have a live entry. Each key counts as a hit or a miss in {@link #stats()}, as a {@link
   * #get} would. A distributed cache asks every owner for its keys at once, one request per owner, so
   * the keys need not share an owner. Not atomic as a whole: each key is read as a {@code get} would
   * read it, so writes made while it runs may be seen for some keys and not for others.
   */
  Map<K, V> getAll(Collection<? extends K> keys);

  /**
   * Removes the entries of {@code keys}, which need not share an owner, and returns how many live
   * ones were removed. Not atomic as a whole: each key is removed on its own.
   */
  long deleteAll(Collection<? extends K> keys);

  /**
   * Gives the live entry under {@code key} a new time to live, {@code ttl} from now, keeping its
   * value and tags; {@link Expiry#NEVER} makes it never expire. Does nothing when
   * there is no live entry.
   *
   * @param ttl a positive time to live
   * @return true when the entry was found and given the new time to live
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  boolean expire(K key, Duration ttl);

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

  // ---- asynchronous calls (see "Asynchronous calls" above) ----

  /**
   * {@link #get}, asynchronously.
   *
   * @return a future of the value, or of empty when there is none or it has expired; it completes
   *     exceptionally with {@link CacheClosedException} after close, or with the {@link
   *     VelaException} {@code get} would throw when the store or the key's owner cannot be reached
   */
  CompletableFuture<Optional<V>> getAsync(K key);

  /**
   * {@link #put(Object, Object)}, asynchronously.
   *
   * @return a future that completes (with null) once the value is stored; exceptionally as {@link
   *     #getAsync} does. Cancelling it does not stop the write
   */
  CompletableFuture<Void> putAsync(K key, V value);

  /**
   * {@link #put(Object, Object, PutOptions)}, asynchronously: with the time to live and tags of
   * {@code options}.
   *
   * @return a future that completes (with null) once the value is stored; exceptionally as {@link
   *     #getAsync} does. Cancelling it does not stop the write
   */
  CompletableFuture<Void> putAsync(K key, V value, PutOptions options);

  /**
   * {@link #delete(Object)}, asynchronously.
   *
   * @return a future of true when there was an entry to remove; exceptionally as {@link #getAsync}
   *     does. Cancelling it does not stop the removal
   */
  CompletableFuture<Boolean> deleteAsync(K key);

  /**
   * {@link #getAll}, asynchronously: on a distributed cache the requests to every owner are all
   * sent before the method returns.
   *
   * @return a future of the live values, in the order of {@code keys}; exceptionally as {@link
   *     #getAsync} does (when any owner fails)
   */
  CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys);

  /**
   * {@link #deleteAll}, asynchronously.
   *
   * @return a future of how many live entries were removed; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the removals
   */
  CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys);

  /**
   * {@link #putIfAbsent(Object, Object)}, asynchronously, as atomic.
   *
   * @return a future of true when the value was stored; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the write
   */
  CompletableFuture<Boolean> putIfAbsentAsync(K key, V value);

  /**
   * {@link #putIfAbsent(Object, Object, PutOptions)}, asynchronously, as atomic.
   *
   * @return a future of true when the value was stored; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the write
   */
  CompletableFuture<Boolean> putIfAbsentAsync(K key, V value, PutOptions options);

  /**
   * {@link #replace(Object, Object)}, asynchronously, as atomic.
   *
   * @return a future of true when the value was replaced; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the write
   */
  CompletableFuture<Boolean> replaceAsync(K key, V value);

  /**
   * {@link #replace(Object, Object, Object)} (compare-and-set), asynchronously, as atomic.
   *
   * @return a future of true when the value was replaced; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the write
   */
  CompletableFuture<Boolean> replaceAsync(K key, V expected, V value);

  /**
   * {@link #delete(Object, Object)}, asynchronously, as atomic.
   *
   * @return a future of true when the entry was removed; exceptionally as {@link #getAsync} does.
   *     Cancelling it does not stop the removal
   */
  CompletableFuture<Boolean> deleteAsync(K key, V expected);

  /**
   * {@link #getAndPut}, asynchronously, as atomic.
   *
   * @return a future of the live value there before, or of empty; exceptionally as {@link
   *     #getAsync} does. Cancelling it does not stop the write
   */
  CompletableFuture<Optional<V>> getAndPutAsync(K key, V value);

  /**
   * {@link #getAndDelete}, asynchronously, as atomic.
   *
   * @return a future of the live value removed, or of empty; exceptionally as {@link #getAsync}
   *     does. Cancelling it does not stop the removal
   */
  CompletableFuture<Optional<V>> getAndDeleteAsync(K key);

  /**
   * {@link #compute}, asynchronously, with its guarantees: the result is stored only if the entry is
   * still the one the function saw, else the function runs again on the newer value. The function
   * runs on the calling thread when the entry is read from memory or a file, otherwise on the
   * cache's executor, never on an I/O thread; it must not have side effects.
   *
   * @return a future of the new value, or of null when the key is now absent; exceptionally with
   *     what the function threw (the entry left as it was), or as {@link #getAsync} does.
   *     Cancelling it does not stop the call
   */
  CompletableFuture<V> computeAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping);

  /**
   * {@link #computeIfPresent}, asynchronously; the function runs as for {@link #computeAsync}.
   *
   * @return a future of the new value, or of null when the key is now absent; exceptionally as
   *     {@link #computeAsync} does
   */
  CompletableFuture<V> computeIfPresentAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping);

  /**
   * {@link #merge}, asynchronously; the function runs as for {@link #computeAsync}. {@code
   * mergeAsync(key, 1L, Long::sum)} is a counter.
   *
   * @return a future of the new value, or of null when the entry was removed; exceptionally as
   *     {@link #computeAsync} does
   */
  CompletableFuture<V> mergeAsync(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping);

  /**
   * {@link #expire}, asynchronously.
   *
   * @return a future of true when the entry was found and given the new time to live; exceptionally
   *     as {@link #getAsync} does
   * @throws IllegalArgumentException at once when {@code ttl} is zero or negative
   */
  CompletableFuture<Boolean> expireAsync(K key, Duration ttl);
}
