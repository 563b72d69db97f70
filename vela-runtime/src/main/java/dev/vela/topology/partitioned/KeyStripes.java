package dev.vela.topology.partitioned;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The locks that keep a key's entry in the backend and the version of its latest write in step:
 * 64 stripes, a key's stripe chosen by the top bits of its stable hash.
 *
 * @param <K> the key type
 */
final class KeyStripes<K> {
  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final ToLongFunction<K> hash;

  KeyStripes(ToLongFunction<K> hash) {
    this.hash = hash;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The lock of {@code key}'s stripe. */
  ReentrantLock of(K key) {
    return stripes[indexOf(key)];
  }

  /** Runs {@code action} holding the locks of every key in {@code keys}. */
  <T> T underAll(Collection<K> keys, Supplier<T> action) {
    TreeSet<Integer> held = new TreeSet<>(); // locked in index order, so two batches never wait on each other
    keys.forEach(key -> held.add(indexOf(key)));
    held.forEach(index -> stripes[index].lock());
    try {
      return action.get();
    } finally {
      held.descendingSet().forEach(index -> stripes[index].unlock());
    }
  }

  private int indexOf(K key) {
    return (int) (hash.applyAsLong(key) >>> 58); // the top 6 bits: 64 stripes
  }
}
