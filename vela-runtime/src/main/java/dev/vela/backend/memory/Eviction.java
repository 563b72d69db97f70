package dev.vela.backend.memory;

import dev.vela.annotation.EvictionPolicy;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bounded part of a memory cache: the eviction lock, the buffer of reads not yet replayed and
 * the access order. Writes take the lock for their whole change (map, tag index and order), so the
 * order always tracks exactly the nodes in the map; reads only offer to the buffer, and whoever
 * fills a stripe replays it if the lock is free.
 */
final class Eviction<K, V> {
  private final long maxSize;
  private final EvictionPolicy policy;
  private final AccessOrder<K, V> order;
  private final ReadBuffer<LinkedNode<K, V>> reads = ReadBuffer.forMachine();
  private final ReentrantLock lock = new ReentrantLock();
  private final Consumer<LinkedNode<K, V>> replay;

  Eviction(long maxSize, EvictionPolicy policy) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1 for a bounded cache, was " + maxSize);
    }
    this.maxSize = maxSize;
    this.policy = policy;
    this.order = AccessOrder.of(policy);
    this.replay = order::touch;
  }

  /** Records a read of {@code node}; never blocks. */
  void recordRead(LinkedNode<K, V> node) {
    // a look at the lock before trying it: while another thread drains, readers of a full stripe
    // would otherwise all bounce the lock's cache line with failing compare-and-sets
    if (reads.offer(node) && !lock.isLocked() && lock.tryLock()) {
      try {
        reads.drainTo(replay);
      } finally {
        lock.unlock();
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

  /** Replays buffered reads now, for tests that check the order after reads. */
  void drainReads() {
    lock.lock();
    try {
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
