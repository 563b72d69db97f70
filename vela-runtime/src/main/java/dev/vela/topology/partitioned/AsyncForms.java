package dev.vela.topology.partitioned;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The asynchronous forms of a partitioned cache's operations: a read of a key this node owns, and
 * a write of one when there are no backups, run on the calling thread and return a complete
 * future; a read of another owner's key is one request that blocks no thread; other writes run
 * their blocking call on {@link OffloadedCalls}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class AsyncForms<K, V> {
  private final PartitionedTopology<K, V> topology;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;
  private final OffloadedCalls offloaded;

  AsyncForms(PartitionedTopology<K, V> topology, Partition<K, V> partition, Remote<K, V> remote,
      OffloadedCalls offloaded) {
    this.topology = topology;
    this.partition = partition;
    this.remote = remote;
    this.offloaded = offloaded;
  }

  CompletableFuture<V> getAsync(K key) {
    return keyRead(key, owner -> ownedHere(owner)
        ? now(() -> partition.get(key, Hop.FORWARDED))
        : remote.getAsync(owner, key, Hop.ROUTED));
  }

  CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return keyRead(key, owner -> ownedHere(owner)
        ? now(() -> partition.entry(key, Hop.FORWARDED))
        : remote.entryAsync(owner, key, Hop.ROUTED));
  }

  CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return keyCall(key, () -> {
      topology.put(key, value, expiresAtMillis, tags);
      return null;
    });
  }

  CompletableFuture<Boolean> deleteAsync(K key) {
    return keyCall(key, () -> topology.delete(key));
  }

  CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return keyCall(key, () -> topology.write(key, condition, update));
  }

  CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    // the copies of the removals to backups wait for their replies, so this runs off the caller
    return offloaded.run(() -> topology.deleteAll(keys));
  }

  /**
   * A single-key write: here, at once, when this node owns the key and there are no backups to
   * copy to; else the blocking call on the offloaded pool.
   */
  private <T> CompletableFuture<T> keyCall(K key, Supplier<T> call) {
    return partition.backups() == 0 && ownedHere(partition.ownerOf(key)) ? now(call) : offloaded.run(call);
  }

  /**
   * A single-key read: this node's own copy at once, another owner's by a request that blocks no
   * thread; the future completes on the thread that received the reply.
   */
  private <T> CompletableFuture<T> keyRead(K key, Function<String, CompletableFuture<T>> read) {
    try {
      return read.apply(partition.ownerOf(key));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> CompletableFuture<T> now(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private boolean ownedHere(String owner) {
    return owner.equals(partition.self());
  }
}
