package dev.vela.backend.memory;

import dev.vela.annotation.EvictionPolicy;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bounded part of a memory cache: the eviction lock, the buffer of reads not yet replayed and
 * the access order. Writes take the lock for their whole change (map, tag index and order), so the
 * order always tracks exactly the nodes in the map; reads only offer to the buffer.
 *
 * <p>When a read fills a stripe of the buffer, the replay is handed to a maintenance executor
 * (the common pool, unless a test passes its own), as Caffeine does, and the reader goes on. A
 * replay moves nodes scattered over the heap, so it costs several times the read that asked for
 * it; done by the reader, it made a bounded read on two threads scarcely faster than on one, as
 * one thread replayed while the other dropped its reads. Reads that find their stripe full before
 * the replay has run are dropped: an eviction order needs a faithful sample of reads, not every
 * one. A write still replays everything buffered before it changes the order.
 */
final class Eviction<K, V> {
  private final long maxSize;
  private final EvictionPolicy policy;
  private final AccessOrder<K, V> order;
  private final ReadBuffer<LinkedNode<K, V>> reads = ReadBuffer.forMachine();
  private final ReentrantLock lock = new ReentrantLock();
  private final Consumer<LinkedNode<K, V>> replay;
  private final Executor maintenance;
  private final AtomicBoolean replayPending = new AtomicBoolean();
  private final Runnable replayTask = this::drainReads;

  /** Evicts past {@code maxSize} entries by {@code policy}; reads are replayed on {@code maintenance}. */
  Eviction(long maxSize, EvictionPolicy policy, Executor maintenance) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1 for a bounded cache, was " + maxSize);
    }
    this.maxSize = maxSize;
    this.policy = policy;
    this.order = AccessOrder.of(policy);
    this.replay = order::touch;
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance must not be null");
  }

  /** Records a read of {@code node}; with an executor of its own threads, it never blocks. */
  void recordRead(LinkedNode<K, V> node) {
    if (reads.offer(node)) {
      requestReplay();
    }
  }

  /** Asks the maintenance executor for a replay, unless one is pending already. */
  private void requestReplay() {
    // a look before the compare-and-set: while a replay is pending, readers of a full stripe would
    // otherwise all bounce the flag's cache line
    if (!replayPending.get() && replayPending.compareAndSet(false, true)) {
      try {
        maintenance.execute(replayTask);
      } catch (RejectedExecutionException e) {
        replayPending.set(false); // the next full stripe asks again; writes replay meanwhile
      }
    }
  }

  /** Takes the eviction lock and replays pending reads, so the order is current for a write. */
  void lock() {
    lock.lock();
    reads.drainTo(replay);
  }

  void unlock() {
    lock.unlock();
  }

  /** Tracks {@code node}, which replaced {@code old} (whatever the map held before, or null). */
  void written(Object old, LinkedNode<K, V> node) {
    if (old instanceof LinkedNode<?, ?> linked) {
      @SuppressWarnings("unchecked")
      LinkedNode<K, V> replaced = (LinkedNode<K, V>) linked;
      order.replace(replaced, node);
    } else {
      order.add(node);
    }
  }

  /** Records a use of {@code node} now, as an overwrite in place is one; caller holds the lock. */
  void touched(LinkedNode<K, V> node) {
    order.touch(node);
  }

  /** Stops tracking whatever the map held for a removed entry. */
  void removed(Object old) {
    if (old instanceof LinkedNode<?, ?> linked) {
      @SuppressWarnings("unchecked")
      LinkedNode<K, V> node = (LinkedNode<K, V>) linked;
      order.remove(node);
    }
  }

  /** The entry to evict while over the limit, never {@code spared}; null when within it. */
  LinkedNode<K, V> victimIfFull(LinkedNode<K, V> spared) {
    return order.size() > maxSize ? order.victim(spared) : null;
  }

  /** Replays buffered reads now: the maintenance task, and tests that check the order after reads. */
  void drainReads() {
    lock.lock();
    try {
      replayPending.set(false); // before the drain: reads buffered during it ask for another
      reads.drainTo(replay);
    } finally {
      lock.unlock();
    }
  }

  long maxSize() {
    return maxSize;
  }

  EvictionPolicy policy() {
    return policy;
  }

  long tracked() {
    return order.size();
  }
}
