package dev.vela.topology;

import dev.vela.CacheStats;
import dev.vela.CrossSlotException;
import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.EntryStore;
import dev.vela.backend.StoredEntry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where the cache core sends each operation. Key operations of {@link EntryStore} go to the key's
 * owner; cache-wide ones ({@code size}, {@code flush}, {@code invalidateTag}, {@code entries}) cover
 * every node, except on the {@link #nodeLocal()} variant, which covers this node only.
 *
 * <p>The asynchronous key operations of {@link EntryStore} ({@code getAsync}, {@code putAsync},
 * {@code writeAsync}, ...) complete at once when this node answers from memory or a file, and
 * otherwise without a thread waiting for the network, wherever the topology can send a request and
 * be told of its answer (a topology that cannot yet runs the blocking call on a bounded executor of
 * its own, and says so).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CacheTopology<K, V> extends EntryStore<K, V>, AutoCloseable {

  /** Which topology this is. */
  Topology kind();

  /** This node's name ({@code "local"} for a LOCAL cache). */
  String node();

  /** True when entries live on more than one node, so a plain {@code stream()} cannot see them all. */
  boolean isDistributed();

  /** The variant whose cache-wide operations cover this node only; itself when there is one node. */
  CacheTopology<K, V> nodeLocal();

  /**
   * Reads {@code key} as a counted hit or miss, recorded in {@code reads}; null on a miss. A
   * topology that answers some reads in its own way (a near cache's L1) counts them there too.
   */
  default V countedGet(K key, ReadCounter reads) {
    return reads.counted(get(key));
  }

  /**
   * {@link #countedGet}, asynchronously. A future complete when returned for a read answered on
   * this node from memory or a file; otherwise it completes when the answer arrives, possibly on an
   * I/O thread (see {@link EntryStore}).
   */
  default CompletableFuture<V> countedGetAsync(K key, ReadCounter reads) {
    return getAsync(key).thenApply(reads::counted);
  }

  /**
   * True when {@link #get} is exactly a read of {@link #localBackend()}, as on a LOCAL cache or a
   * REPLICATED one, whose every node holds every entry: the cache core may then read that backend
   * without going through this topology.
   */
  default boolean readsLocalBackend() {
    return false;
  }

  /** The backend on this node, which the sweeper cleans and {@code inspect()} describes. */
  CacheBackend<K, V> localBackend();

  /**
   * Checks that one node owns all of {@code keys}, as an atomic putAll or a transaction needs.
   *
   * @throws CrossSlotException naming two keys with different owners
   */
  void requireSingleOwner(Collection<? extends K> keys);

  /** Facts for {@code inspect()}: ring ownership, members, and the backend's details. */
  Map<String, String> details();

  /**
   * Stores entries that may belong to different owners, as {@code load} does: each owner stores
   * its part at once. With one node, that is {@link #putAll}.
   */
  default void restore(Map<K, StoredEntry<V>> entries) {
    putAll(entries);
  }

  /**
   * The counters of the whole cache: {@code thisNode}'s added to every other node's. A topology
   * with one node, and every node-local variant, returns {@code thisNode}.
   */
  default CacheStats stats(CacheStats thisNode) {
    return thisNode;
  }

  /**
   * Runs {@code fetchAndStore} for a key this node found missing, unless another node is fetching
   * it already: then it waits for that fetch's value, at most the stampede timeout. A topology with
   * one node just runs it; the cache core has already kept this node's callers to one fetch.
   *
   * @throws dev.vela.FetchTimeoutException when another node's fetch did not end in time
   */
  default V fetchOnce(K key, Supplier<V> fetchAndStore) {
    return fetchAndStore.get();
  }

  /**
   * Runs {@code work} while {@code keys} (of one owner) are locked against transactions of other
   * nodes; the cache core has already locked them against this node's own. A topology with one
   * node, or copies everywhere, just runs it.
   *
   * @throws dev.vela.VelaException when the keys could not be locked in time
   */
  default <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    return work.get();
  }

  /**
   * How the near caches of this cache's nodes tell each other about changes; empty (the default)
   * for a topology with one node.
   */
  default Optional<ChangeFeed<K>> changeFeed() {
    return Optional.empty();
  }

  /** Leaves the cluster, if any, and closes the local backend. Idempotent. */
  @Override
  void close();
}
