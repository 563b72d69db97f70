package dev.vela.topology.replicated;

import dev.vela.VelaException;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.cluster.CacheChannel;
import dev.vela.topology.TransactionLocks;
import dev.vela.config.Durations;
import dev.vela.topology.version.Version;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one node of a replicated cache that every node agrees applies conditional writes and keeps
 * transaction locks: the first member of the cluster's view that runs the cache (the view lists
 * members in the same order on every node, and new members join at its end, so the holder changes
 * only when it leaves).
 *
 * <p>The holder tests a write's condition against its copy and applies it under the key's lock,
 * with a new version, then sends the change to every node as a put or delete of that version and
 * answers once all have applied it. So two conditional writes of a key, from any nodes, are applied
 * one after the other, each seeing the other's result. A node that is not the holder, or is closing,
 * refuses the write, and its sender asks the holder it sees next; closing waits for the writes
 * under way, so a new holder starts from a copy that has them all.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LockHolder<K, V> {
  /** How long a transaction's keys stay locked at most, and how long a transaction waits for them. */
  static final Duration TRANSACTION_LEASE = Duration.ofSeconds(30);
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final String cacheName;
  private final CacheChannel channel;
  private final Peers peers;
  private final ReplicaStore<K, V> store;
  private final Replicas<K, V> replicas;
  private final Supplier<Version> versions;
  private final TransactionLocks<K> locks = new TransactionLocks<>();
  private final AtomicLong transactions = new AtomicLong();
  private final ReentrantReadWriteLock closeGate = new ReentrantReadWriteLock();
  private boolean closing; // guarded by closeGate

  LockHolder(String cacheName, CacheChannel channel, Peers peers, ReplicaStore<K, V> store, Replicas<K, V> replicas,
      Supplier<Version> versions) {
    this.cacheName = cacheName;
    this.channel = channel;
    this.peers = peers;
    this.store = store;
    this.replicas = replicas;
    this.versions = versions;
  }

  /** The lock holder as this node sees it: the first member of the view that runs the cache. */
  String holder() {
    List<String> running = peers.now();
    String self = channel.self();
    for (String member : channel.members()) {
      if (member.equals(self) || running.contains(member)) {
        return member;
      }
    }
    return self;
  }

  /** The transaction locks this node keeps while it is the holder. */
  TransactionLocks<K> locks() {
    return locks;
  }

  /**
   * Applies a conditional write through the lock holder, asking again, with growing pauses, while
   * the node asked says it is not the holder (the view is changing), for at most the rpcTimeout.
   *
   * @throws VelaException when no node took it as the holder in time, or the holder failed
   */
  WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    long deadline = System.nanoTime() + channel.rpcTimeout().toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      String holder = holder();
      WriteResult<V> result;
      if (holder.equals(channel.self())) {
        ReplicaWrite<V> done = applyAsHolder(key, condition, update);
        result = done == null ? null : done.result();
      } else {
        result = replicas.write(holder, key, condition, update);
      }
      if (result != null) {
        return result;
      }
      if (System.nanoTime() - deadline > 0) {
        throw noHolder(holder);
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }

  /**
   * {@link #write}, without a thread waiting: the same attempts, the pauses between them kept by a
   * timer instead of a sleeping thread. The future may complete on a network or timer thread.
   */
  CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return attempt(key, condition, update, System.nanoTime() + channel.rpcTimeout().toNanos(), FIRST_PAUSE_NANOS);
  }

  private CompletableFuture<WriteResult<V>> attempt(
      K key, WriteCondition<V> condition, EntryUpdate<V> update, long deadline, long pause) {
    String holder = holder();
    CompletableFuture<WriteResult<V>> answer = holder.equals(channel.self())
        ? applyAsHolderAsync(key, condition, update).thenApply(done -> done == null ? null : done.result())
        : replicas.writeAsync(holder, key, condition, update);
    return answer.thenCompose(result -> {
      if (result != null) {
        return CompletableFuture.completedFuture(result);
      }
      if (System.nanoTime() - deadline > 0) {
        return CompletableFuture.failedFuture(noHolder(holder));
      }
      return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(pause, TimeUnit.NANOSECONDS))
          .thenCompose(paused -> attempt(key, condition, update, deadline, Math.min(pause * 2, LONGEST_PAUSE_NANOS)));
    });
  }

  private VelaException noHolder(String lastAsked) {
    return new VelaException("replicated cache '" + cacheName + "' found no lock holder to apply a conditional"
        + " write within rpcTimeout " + Durations.format(channel.rpcTimeout()) + " (last asked: " + lastAsked
        + "); the cluster's view is changing. Nothing was written: retry");
  }

  /**
   * {@link #applyAsHolder}, without waiting for the other nodes: the change is applied here and
   * sent before it returns, and the future completes once every node has applied it (or null at
   * once when this node is not the holder or is closing).
   */
  CompletableFuture<ReplicaWrite<V>> applyAsHolderAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    closeGate.readLock().lock();
    try {
      if (closing || !holder().equals(channel.self())) {
        return CompletableFuture.completedFuture(null);
      }
      return peers.whileSteadyAsync(others -> {
        ReplicaWrite<V> done = store.write(key, condition, update, versions);
        if (!done.changed()) {
          return CompletableFuture.completedFuture(done);
        }
        return replicas.sendAsync(others, done.after() == null
            ? replicas.delete(key, done.version())
            : replicas.put(key, done.version(), done.after())).thenApply(sent -> done);
      });
    } finally {
      closeGate.readLock().unlock();
    }
  }

  /**
   * Applies a conditional write as the lock holder and sends a change to every other node, waiting
   * for them; null, with nothing done, when this node is not the holder or is closing.
   */
  ReplicaWrite<V> applyAsHolder(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    closeGate.readLock().lock();
    try {
      if (closing || !holder().equals(channel.self())) {
        return null;
      }
      return peers.whileSteady(others -> {
        ReplicaWrite<V> done = store.write(key, condition, update, versions);
        if (done.changed()) {
          replicas.send(others, done.after() == null
              ? replicas.delete(key, done.version())
              : replicas.put(key, done.version(), done.after()));
        }
        return done;
      });
    } finally {
      closeGate.readLock().unlock();
    }
  }

  /**
   * Locks {@code keys} on the holder for a transaction, runs {@code work}, and releases them.
   *
   * @throws VelaException when the keys stayed locked by another node's transaction for the whole lease
   */
  <R> R exclusively(List<K> keys, Supplier<R> work) {
    long transaction = transactions.incrementAndGet();
    String self = channel.self();
    String[] lockedOn = new String[1];
    TransactionLocks.acquire(
        () -> {
          String holder = holder();
          lockedOn[0] = holder;
          return holder.equals(self) ? tryLockHere(keys, self, transaction, TRANSACTION_LEASE) : replicas.lock(holder, keys, transaction,
              TRANSACTION_LEASE);
        },
        TRANSACTION_LEASE,
        holder -> "replicated cache '" + cacheName + "' could not lock keys " + keys + " for a transaction within "
            + Durations.format(TRANSACTION_LEASE) + ": " + (Replicas.NOT_THE_HOLDER.equals(holder)
                ? "no node took the locks as lock holder (the cluster's view is changing)"
                : "a transaction of node " + holder + " holds them")
            + ". Keep transactions short, or retry",
        "interrupted while waiting to lock keys " + keys + " of replicated cache '" + cacheName
            + "' for a transaction; it did not run");
    try {
      return work.get();
    } finally {
      if (lockedOn[0].equals(self)) {
        locks.unlock(keys, self, transaction);
      } else {
        replicas.unlock(lockedOn[0], keys, transaction);
      }
    }
  }

  /**
   * Locks {@code keys} for transaction {@code transaction} of {@code member} for {@code lease}, as the holder: null
   * when locked, else the node whose transaction holds them, or {@link Replicas#NOT_THE_HOLDER}.
   */
  String tryLockHere(List<K> keys, String member, long transaction, Duration lease) {
    closeGate.readLock().lock();
    try {
      if (closing || !holder().equals(channel.self())) {
        return Replicas.NOT_THE_HOLDER;
      }
      return locks.tryLock(keys, member, transaction, lease);
    } finally {
      closeGate.readLock().unlock();
    }
  }

  /** From now on this node refuses writes and locks; waits for the writes under way to reach every node. */
  void close() {
    closeGate.writeLock().lock();
    try {
      closing = true;
    } finally {
      closeGate.writeLock().unlock();
    }
    peers.awaitLanded(); // asynchronous writes under way hold no gate: wait until every node has them
  }
}
