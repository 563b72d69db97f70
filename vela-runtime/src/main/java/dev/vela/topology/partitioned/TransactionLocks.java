package dev.vela.topology.partitioned;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The locks that transactions hold on keys, kept by the keys' owner, so that transactions from
 * different nodes over the same keys run one after the other. Each lock is a lease: it ends when
 * its transaction releases it, when its node leaves the view, or when its deadline passes (a
 * node that hangs cannot hold keys forever).
 *
 * @param <K> the key type
 */
final class TransactionLocks<K> {
  /** One transaction's hold on a key: which node's, which transaction, and until when. */
  private record Lease(String holder, long transaction, long endsAtNanos) {}

  private final Map<K, Lease> leases = new HashMap<>();

  /**
   * Locks every one of {@code keys} for transaction {@code transaction} of {@code holder} for
   * {@code lease}, or none of them. Returns null when locked, else the node whose transaction holds
   * one of them.
   */
  synchronized String tryLock(Collection<K> keys, String holder, long transaction, Duration lease) {
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
  synchronized void unlock(Collection<K> keys, String holder, long transaction) {
    for (K key : keys) {
      Lease held = leases.get(key);
      if (held != null && held.holder.equals(holder) && held.transaction == transaction) {
        leases.remove(key);
      }
    }
  }

  /** Releases the locks of nodes no longer in {@code members}: their transactions will never end. */
  synchronized void retainHolders(List<String> members) {
    leases.values().removeIf(lease -> !members.contains(lease.holder));
  }

  /** The number of keys locked now; for tests and inspect. */
  synchronized int held() {
    long now = System.nanoTime();
    return (int) leases.values().stream().filter(lease -> lease.endsAtNanos - now > 0).count();
  }
}
