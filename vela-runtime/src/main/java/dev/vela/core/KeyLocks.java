package dev.vela.core;

import dev.vela.topology.KeyText;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks keys for transactions and multi-key writes, in a way that costs ordinary writes almost
 * nothing while no transaction runs.
 *
 * <p>Keys hash to one of {@value #STRIPES} striped {@link ReentrantLock}s. A lock set (a
 * transaction, a putAll, a flush) takes its stripes in ascending order, so two lock sets can never
 * wait for each other in a cycle. A single-key write takes its stripe only while some lock set is
 * active; otherwise it just announces itself, in its thread's {@link WriterCell}. The two sides
 * meet Dekker-style: a writer announces (a volatile write) and then reads the number of active
 * lock sets, a lock set increments that number and then, holding its stripes, waits until no cell
 * announces a write in them. Whichever comes second sees the other, so a write either takes the
 * lock or finishes before the lock set goes on. Announcing costs one fence and withdrawing none.
 * Threads without a cell (the table is full) announce in a counter per stripe instead, at the
 * cost of a locked increment and decrement. Whichever way a write began, it ends through the
 * {@link WriteGuard} that {@link #beginWrite} returned: the cell, the counter or the lock itself.
 *
 * <p>Lock sets are re-entrant: inside one, the same thread may write its keys (re-entering the
 * stripe lock) and open a nested lock set over stripes it already holds. Writing a key outside the
 * set is refused, because taking a further stripe out of order could deadlock with another thread.
 */
final class KeyLocks {
  static final int STRIPES = 64; // a lock set's stripes fit in a long's bits
  private static final int MASK = STRIPES - 1;
  private static final int PAD = 16; // ints: counters a cache line apart
  private static final int SPINS_BEFORE_YIELD = 64;

  private final String cacheName;
  private final StripeLock[] locks = new StripeLock[STRIPES];
  private final ThreadCells<WriterCell> writers;
  // writers without a cell, counted per stripe
  private final CountedStripe[] counted = new CountedStripe[STRIPES];
  private final AtomicInteger activeLockSets = new AtomicInteger();
  // how deeply the current thread is nested in lock sets of this cache; absent when it holds none
  private final ThreadLocal<int[]> depth = new ThreadLocal<>();
  private final int[] allStripes;

  KeyLocks(String cacheName) {
    this(cacheName, new ThreadCells<>(WriterCell::claim));
  }

  /** Locks whose writers announce in {@code writers}; tests give it a small table. */
  KeyLocks(String cacheName, ThreadCells<WriterCell> writers) {
    this.cacheName = cacheName;
    this.writers = writers;
    AtomicIntegerArray counters = new AtomicIntegerArray(STRIPES * PAD);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new StripeLock();
      counted[i] = new CountedStripe(counters, i * PAD);
    }
    allStripes = new int[STRIPES];
    Arrays.setAll(allStripes, i -> i);
  }

  /**
   * Starts a write of {@code key}; end the guard it returns in a finally block.
   *
   * @throws IllegalStateException when the current thread runs a lock set that does not cover
   *     the key
   */
  WriteGuard beginWrite(Object key) {
    int stripe = stripeOf(key);
    WriterCell cell = writers.mine();
    if (cell != null) {
      cell.announce(stripe);
      if (activeLockSets.get() == 0) {
        return cell;
      }
      cell.end();
    } else {
      CountedStripe counter = counted[stripe];
      counter.begin();
      if (activeLockSets.get() == 0) {
        return counter;
      }
      counter.end();
    }
    StripeLock lock = locks[stripe];
    if (!lock.isHeldByCurrentThread() && depth.get() != null) {
      throw new IllegalStateException(
          "key " + KeyText.of(key) + " is not among the keys of the transaction running on cache '" + cacheName
              + "'; name every key the work writes in transaction(keys, work)");
    }
    lock.lock();
    return lock;
  }

  /** The stripes of {@code keys}, ascending and without repeats. */
  int[] stripesOf(Collection<?> keys) {
    boolean[] used = new boolean[STRIPES];
    int count = 0;
    for (Object key : keys) {
      int stripe = stripeOf(key);
      if (!used[stripe]) {
        used[stripe] = true;
        count++;
      }
    }
    int[] stripes = new int[count];
    int next = 0;
    for (int i = 0; i < STRIPES; i++) {
      if (used[i]) {
        stripes[next++] = i;
      }
    }
    return stripes;
  }

  /** Every stripe, for cache-wide writes such as flush. */
  int[] allStripes() {
    return allStripes;
  }

  /**
   * Locks {@code stripes} (ascending, from {@link #stripesOf}) against other writers and lock
   * sets; pair with {@link #unlock} in a finally block.
   *
   * @param purpose what needs the locks, for the error message ("a transaction", "flush")
   * @throws IllegalStateException when nested in a lock set of this thread that does not hold all
   *     of them
   */
  void lock(int[] stripes, String purpose) {
    int[] nesting = depth.get();
    if (nesting != null) {
      for (int stripe : stripes) {
        if (!locks[stripe].isHeldByCurrentThread()) {
          throw new IllegalStateException(
              purpose + " inside a transaction on cache '" + cacheName + "' may only use keys the transaction"
                  + " locked; name all of them in the outer transaction(keys, work), or run it afterwards");
        }
      }
      for (int stripe : stripes) {
        locks[stripe].lock();
      }
      nesting[0]++;
      return;
    }
    activeLockSets.incrementAndGet();
    long stripeMask = 0;
    for (int stripe : stripes) {
      locks[stripe].lock();
      awaitCountedWriters(stripe);
      stripeMask |= 1L << stripe;
    }
    awaitAnnouncedWriters(stripeMask);
    depth.set(new int[] {1});
  }

  /** Releases stripes locked by {@link #lock}. */
  void unlock(int[] stripes) {
    for (int i = stripes.length - 1; i >= 0; i--) {
      locks[stripes[i]].unlock();
    }
    int[] nesting = depth.get();
    if (--nesting[0] == 0) {
      depth.remove();
      activeLockSets.decrementAndGet();
    }
  }

  /**
   * Runs {@code work} holding {@code stripes}, locked as {@link #lock} locks them, and returns
   * what it returns.
   */
  <T> T underLocks(int[] stripes, String purpose, Supplier<T> work) {
    lock(stripes, purpose);
    try {
      return work.get();
    } finally {
      unlock(stripes);
    }
  }

  /** How many threads wait for the stripe of {@code key}; for tests that check a write waits. */
  int waitingWriters(Object key) {
    return locks[stripeOf(key)].getQueueLength();
  }

  // writers that began before this lock set are inside one map operation: wait them out
  private void awaitCountedWriters(int stripe) {
    int spins = 0;
    while (counted[stripe].hasWriters()) {
      spins = pause(spins);
    }
  }

  private void awaitAnnouncedWriters(long stripeMask) {
    writers.forEach(cell -> {
      int spins = 0;
      while (cell.writesIn(stripeMask)) {
        spins = pause(spins);
      }
    });
  }

  private static int pause(int spins) {
    if (spins < SPINS_BEFORE_YIELD) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
    return spins + 1;
  }

  /** A stripe's lock, which a single-key write takes while a lock set is active. */
  static final class StripeLock extends ReentrantLock implements WriteGuard {
    @Override
    public void end() {
      unlock();
    }
  }

  /** A stripe's counter of writers that have no cell to announce in. */
  static final class CountedStripe implements WriteGuard {
    private final AtomicIntegerArray counters;
    private final int index;

    CountedStripe(AtomicIntegerArray counters, int index) {
      this.counters = counters;
      this.index = index;
    }

    void begin() {
      counters.getAndIncrement(index);
    }

    boolean hasWriters() {
      return counters.get(index) != 0;
    }

    @Override
    public void end() {
      counters.getAndDecrement(index);
    }
  }

  private static int stripeOf(Object key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16) ^ (hash >>> 8)) & MASK;
  }
}
