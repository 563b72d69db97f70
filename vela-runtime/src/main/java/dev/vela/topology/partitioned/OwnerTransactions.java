package dev.vela.topology.partitioned;

import dev.vela.config.Durations;
import dev.vela.topology.KeyText;
import dev.vela.topology.TransactionLocks;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Transactions of a partitioned cache: the keys a transaction works on are locked on their owner,
 * here or by a call, so that transactions of other nodes over them wait.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class OwnerTransactions<K, V> {
  /** How long a transaction's keys stay locked on their owner at most, and how long a transaction waits for them. */
  private static final Duration TRANSACTION_LEASE = Duration.ofSeconds(30);
  private final AtomicLong transactions = new AtomicLong();
  private final String cacheName;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;

  OwnerTransactions(String cacheName, Partition<K, V> partition, Remote<K, V> remote) {
    this.cacheName = cacheName;
    this.partition = partition;
    this.remote = remote;
  }

  /**
   * Locks {@code keys} on their owner for the length of {@code work}, so that transactions of
   * other nodes over them wait. The owner answers at once, so this node asks again, with growing
   * pauses, until the keys are free or the lease time has passed.
   */
  <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    if (keys.isEmpty()) {
      return work.get();
    }
    List<K> locked = List.copyOf(new LinkedHashSet<>(keys));
    String owner = partition.ownerOf(locked.get(0));
    long transaction = transactions.incrementAndGet();
    lockOnOwner(owner, locked, transaction);
    try {
      return work.get();
    } finally {
      if (ownedHere(owner)) {
        partition.locks().unlock(locked, partition.self(), transaction);
      } else {
        remote.unlock(owner, locked, transaction);
      }
    }
  }

  private void lockOnOwner(String owner, List<K> keys, long transaction) {
    TransactionLocks.acquire(
        () -> ownedHere(owner)
            ? partition.locks().tryLock(keys, partition.self(), transaction, TRANSACTION_LEASE)
            : remote.lock(owner, keys, transaction, TRANSACTION_LEASE),
        TRANSACTION_LEASE,
        holder -> "cache '" + cacheName + "' could not lock keys " + KeyText.of(keys) + " for a transaction within "
            + Durations.format(TRANSACTION_LEASE) + ": a transaction of node " + holder + " holds them on their owner "
            + owner + ". Keep transactions short, or retry",
        "interrupted while waiting to lock keys " + KeyText.of(keys) + " of cache '" + cacheName
            + "' for a transaction; it did not run");
  }

  private boolean ownedHere(String owner) {
    return owner.equals(partition.self());
  }
}
