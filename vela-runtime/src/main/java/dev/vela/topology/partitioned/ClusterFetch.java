package dev.vela.topology.partitioned;

import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import dev.vela.VelaException;
import dev.vela.config.Durations;
import dev.vela.topology.KeyText;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide stampede protection as a caller sees it: it claims a missing key from its owner,
 * then fetches it, or waits for the value another node fetches. When the owner is lost while the
 * caller waits, it claims the key again from the new owner, within the same stampede timeout.
 *
 * <p>The caller granted the fetch gets the value it fetched even when storing it fails because the
 * key's owner has just gone (this node, or the node it stores through, has not followed the view
 * without it yet): it stores the value again on the new owner for at most the rpcTimeout, and
 * only then gives the claim back, so the waiters hear the value. A value that could not be stored
 * is still returned: in a cache that is a miss later, not an error.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ClusterFetch<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFetch.class);
  private static final long OWNER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long FIRST_STORE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final String cacheName;
  private final String self;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;
  private final Duration stampedeTimeout;
  private final Duration storeTimeout;
  private final ThreadLocal<GrantedFetch<K>> granted = new ThreadLocal<>(); // the fetch this thread runs, if any

  /** Stores that failed during a granted fetch are tried again for at most {@code storeTimeout}: the rpcTimeout. */
  ClusterFetch(String cacheName, String self, Partition<K, V> partition, Remote<K, V> remote, Duration stampedeTimeout,
      Duration storeTimeout) {
    this.cacheName = cacheName;
    this.self = self;
    this.partition = partition;
    this.remote = remote;
    this.stampedeTimeout = stampedeTimeout;
    this.storeTimeout = storeTimeout;
  }

  /**
   * Called when storing {@code key} on its owner failed: true when this thread runs the granted
   * fetch of that key, which then stores it again with {@code storeAgain} once it has its value;
   * false when the failure is the caller's to report.
   */
  boolean keepUnstored(K key, Runnable storeAgain, VelaException failure) {
    GrantedFetch<K> fetch = granted.get();
    if (fetch == null || !fetch.key().equals(key)) {
      return false;
    }
    fetch.storeFailed(storeAgain, failure);
    return true;
  }

  /**
   * Runs {@code fetchAndStore} if the key's owner grants this node the fetch; else waits for the
   * value another node fetches, at most the stampede timeout, claiming again when that fetch failed
   * or the owner was lost.
   */
  V fetchOnce(K key, Supplier<V> fetchAndStore) {
    long deadline = System.nanoTime() + saturatedNanos(stampedeTimeout);
    while (true) {
      String owner = partition.ownerOf(key);
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw timedOut(key);
      }
      CompletableFuture<byte[]> claim;
      if (owner.equals(self)) {
        claim = new CompletableFuture<>();
        partition.claim(key, self, claim::complete);
      } else {
        claim = remote.claim(owner, key, Duration.ofNanos(left));
      }
      byte[] reply;
      try {
        reply = await(claim, key, left);
      } catch (OwnerLost lost) {
        // the owner left or crashed while this caller waited: claim again from the key's next owner
        awaitOwnerOtherThan(owner, key, deadline);
        continue;
      }
      KeyMessages.ClaimAnswer<V> answer = remote.readClaimAnswer(owner, reply);
      FetchClaims.Answer kind = answer.answer();
      if (kind == FetchClaims.Answer.GRANTED) {
        try {
          return fetchAsGranted(key, fetchAndStore);
        } finally {
          if (owner.equals(self)) {
            partition.release(key);
          } else {
            remote.release(owner, key);
          }
        }
      }
      if (kind == FetchClaims.Answer.VALUE && answer.value() != null) {
        return answer.value();
      }
      // RETRY, or a value this node cannot decode: claim again
    }
  }

  /**
   * Runs the fetch this node was granted; when storing its value failed, stores it again (see
   * {@link #storeAgain}) before the caller gives the claim back. The fetcher's own failures pass.
   */
  private V fetchAsGranted(K key, Supplier<V> fetchAndStore) {
    GrantedFetch<K> fetch = new GrantedFetch<>(key);
    GrantedFetch<K> outer = granted.get(); // a fetcher may itself fetch another key of this cache
    granted.set(fetch);
    V value;
    try {
      value = fetchAndStore.get();
    } finally {
      if (outer == null) {
        granted.remove();
      } else {
        granted.set(outer);
      }
    }
    if (fetch.storeAgain() != null) {
      storeAgain(key, fetch);
    }
    return value;
  }

  /**
   * Stores a fetched value whose first store failed, trying again with growing pauses while the
   * views catch up, for at most the store timeout (an attempt under way may take one rpcTimeout
   * more). Gives up with a warning: the value is returned all the same.
   */
  private void storeAgain(K key, GrantedFetch<K> fetch) {
    long deadline = System.nanoTime() + saturatedNanos(storeTimeout);
    long pause = FIRST_STORE_PAUSE_NANOS;
    VelaException last = fetch.failure();
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(Math.min(pause, left));
      pause *= 2;
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        fetch.storeAgain().run();
        LOG.debug("cache '{}' stored the value it fetched for key {} on its new owner", cacheName, KeyText.of(key));
        return;
      } catch (VelaException e) {
        last = e;
      }
    }
    LOG.warn("cache '" + cacheName + "' returns the value it fetched for key " + KeyText.of(key) + " without having stored"
        + " it: its owner left and no new owner took it within " + Durations.format(storeTimeout) + ", so the next"
        + " read misses. Last failure: " + last.getMessage());
  }

  /** The owner of a key could not be reached while a caller waited for its claim. */
  private static final class OwnerLost extends RuntimeException {
    OwnerLost(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Waits until this node's ring gives {@code key} another owner than {@code lost}, or the
   * deadline passes; looks again every few milliseconds, since the view change that removes the
   * lost owner comes from the cluster's failure detection.
   */
  private void awaitOwnerOtherThan(String lost, K key, long deadline) {
    while (partition.ownerOf(key).equals(lost) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(OWNER_POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while waiting for a new owner of key " + KeyText.of(key) + " in cache '"
            + cacheName + "'; nothing was cached by this caller", null);
      }
    }
  }

  private byte[] await(CompletableFuture<byte[]> claim, K key, long leftNanos) {
    try {
      return claim.get(leftNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      claim.cancel(false);
      throw timedOut(key);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while waiting for another node's fetch of key " + KeyText.of(key) + " in cache '"
          + cacheName + "'; nothing was cached by this caller", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof VelaException vela && vela.getCause() instanceof TimeoutException) {
        throw timedOut(key);
      }
      if (e.getCause() instanceof VelaException) {
        throw new OwnerLost(e.getCause()); // it left the view or its connection broke
      }
      throw new VelaException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  private FetchTimeoutException timedOut(K key) {
    return new FetchTimeoutException(
        "gave up after " + Durations.format(stampedeTimeout) + " waiting for another node's fetch of key " + KeyText.of(key)
            + " in cache '" + cacheName + "'; that fetch is still running. Make the fetcher faster or raise stampedeTimeout");
  }


  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 2;
    }
  }
}
