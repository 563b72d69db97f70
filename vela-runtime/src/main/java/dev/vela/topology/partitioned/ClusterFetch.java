package dev.vela.topology.partitioned;

import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import dev.vela.VelaException;
import dev.vela.codec.CodecInput;
import dev.vela.config.Durations;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Cluster-wide stampede protection as a caller sees it: it claims a missing key from its owner,
 * then fetches it, or waits for the value another node fetches. When the owner is lost while the
 * caller waits, it claims the key again from the new owner, within the same stampede timeout.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ClusterFetch<K, V> {
  private static final long OWNER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final String cacheName;
  private final String self;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;
  private final Duration stampedeTimeout;

  ClusterFetch(String cacheName, String self, Partition<K, V> partition, Remote<K, V> remote, Duration stampedeTimeout) {
    this.cacheName = cacheName;
    this.self = self;
    this.partition = partition;
    this.remote = remote;
    this.stampedeTimeout = stampedeTimeout;
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
      CodecInput answer = Reply.read(owner, reply);
      FetchClaims.Answer kind = FetchClaims.Answer.values()[answer.readUnsignedByte()];
      if (kind == FetchClaims.Answer.GRANTED) {
        try {
          return fetchAndStore.get();
        } finally {
          if (owner.equals(self)) {
            partition.release(key);
          } else {
            remote.release(owner, key);
          }
        }
      }
      if (kind == FetchClaims.Answer.VALUE) {
        V value = remote.readValue(answer);
        if (value != null) {
          return value;
        }
      }
      // RETRY, or a value this node cannot decode: claim again
    }
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
        throw new FetchException("interrupted while waiting for a new owner of key " + text(key) + " in cache '"
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
      throw new FetchException("interrupted while waiting for another node's fetch of key " + text(key) + " in cache '"
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
        "gave up after " + Durations.format(stampedeTimeout) + " waiting for another node's fetch of key " + text(key)
            + " in cache '" + cacheName + "'; that fetch is still running. Make the fetcher faster or raise stampedeTimeout");
  }

  private static String text(Object key) {
    String text = String.valueOf(key);
    return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 2;
    }
  }
}
