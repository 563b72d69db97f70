package dev.vela.near;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The L1 time to live of entries that have no expiry of their own, kept apart from the entries so
 * that an L1 hit reads no deadline and no clock: a queue of fills in the order they were made, each
 * with the time its entry must be gone by. Each tick removes the keys whose time has come.
 *
 * <p>Removing a key removes whatever the L1 holds for it, even a later fill of the same key, so an
 * entry may leave early, never late: for an L1 an early removal costs one more read of the L2. That
 * keeps the queue simple, and lets it stay bounded: past its bound, the oldest fill is removed at
 * once. Fills that a write, eviction or flush has already removed stay queued until their time.
 *
 * @param <K> the key type
 */
final class L1Deadlines<K> {
  private final ConcurrentLinkedQueue<Fill<K>> fills = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();

  private record Fill<K>(K key, long deadline) {}

  /**
   * Queues the fill of {@code key}, due at {@code deadline}; when more than {@code bound} fills are
   * queued, removes the oldest one's key with {@code remove} now.
   */
  void add(K key, long deadline, int bound, Consumer<K> remove) {
    fills.add(new Fill<>(key, deadline));
    if (queued.incrementAndGet() > bound) {
      pollInto(remove);
    }
  }

  /** Removes, with {@code remove}, the key of every fill due at {@code now} or before. */
  void removeDue(long now, Consumer<K> remove) {
    Fill<K> head;
    // another thread may take the head in between; the fill taken then may not be due yet, and
    // removing it early is allowed
    while ((head = fills.peek()) != null && head.deadline() <= now) {
      if (!pollInto(remove)) {
        return;
      }
    }
  }

  /** How many fills are queued. */
  int queued() {
    return queued.get();
  }

  private boolean pollInto(Consumer<K> remove) {
    Fill<K> oldest = fills.poll();
    if (oldest == null) {
      return false;
    }
    queued.decrementAndGet();
    remove.accept(oldest.key());
    return true;
  }
}
