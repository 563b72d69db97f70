package dev.vela.topology;

import dev.vela.VelaException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The locks that transactions hold on keys, kept by one node that every node agrees on (the keys'
 * owner in a partitioned cache, the lock holder of a replicated one), so that transactions from
 * different nodes over the same keys run one after the other. Each lock is a lease: it ends when
 * its transaction releases it, when its node leaves the view, or when its deadline passes (a
 * node that hangs cannot hold keys forever).
 *
 * @param <K> the key type
 */
public final class TransactionLocks<K> {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** One transaction's hold on a key: which node's, which transaction, and until when. */
  private record Lease(String holder, long transaction, long endsAtNanos) {}

  private final Map<K, Lease> leases = new HashMap<>();

  /**
   * Locks every one of {@code keys} for transaction {@code transaction} of {@code holder} for
   * {@code lease}, or none of them. Returns null when locked, else the node whose transaction holds
   * one of them.
   */
  public synchronized String tryLock(Collection<K> keys, String holder, long transaction, Duration lease) {
    long now = System.nanoTime();
    for (K key : keys) {
      Lease held = leases.get(key);
      if (held != null && held.endsAtNanos - now > 0 && !(held.holder.equals(holder) && held.transaction == transaction)) {
        return held.holder;
      }
    }
    Lease granted = new Lease(holder, transaction, now + lease.toNanos());
    keys.forEach(key -> leases.put(key, granted));
    return null;
  }

  /** Releases the keys that transaction {@code transaction} of {@code holder} holds. */
  public synchronized void unlock(Collection<K> keys, String holder, long transaction) {
    for (K key : keys) {
      Lease held = leases.get(key);
      if (held != null && held.holder.equals(holder) && held.transaction == transaction) {
        leases.remove(key);
      }
    }
  }

  /** Releases the locks of nodes no longer in {@code members}: their transactions will never end. */
  public synchronized void retainHolders(List<String> members) {
    leases.values().removeIf(lease -> !members.contains(lease.holder));
  }

  /** The number of keys locked now; for tests and inspect. */
  public synchronized int held() {
    long now = System.nanoTime();
    return (int) leases.values().stream().filter(lease -> lease.endsAtNanos - now > 0).count();
  }

  /**
   * Asks for a lock until it is granted: {@code attempt} returns null once it is, else the node
   * whose transaction holds the keys; the holder answers at once, so this asks again with growing
   * pauses, for at most {@code patience}.
   *
   * @param timedOut the message for a lock still held by the given node after {@code patience}
   * @param interrupted the message for a thread interrupted while it waits
   * @throws VelaException when the lock was not granted in time, or the thread was interrupted
   */
  public static void acquire(Supplier<String> attempt, Duration patience, Function<String, String> timedOut,
      String interrupted) {
    long deadline = System.nanoTime() + patience.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      String holder = attempt.get();
      if (holder == null) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new VelaException(timedOut.apply(holder));
      }
      LockSupport.parkNanos(pause);
      if (Thread.currentThread().isInterrupted()) {
        throw new VelaException(interrupted);
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }
}
