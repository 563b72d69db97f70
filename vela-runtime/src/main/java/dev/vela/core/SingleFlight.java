package dev.vela.core;

import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import dev.vela.config.Durations;
import dev.vela.topology.KeyText;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Stampede protection: at most one fetch per key runs at a time. The first caller for a key (the
 * leader) runs the work; callers that arrive while it runs wait for its result, at most the
 * stampede timeout, and get the same value or the same failure. A fetch that never ends holds up
 * only the callers of its own key.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SingleFlight<K, V> {
  private final String cacheName;
  private final Duration timeout;
  private final long timeoutNanos;
  private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  SingleFlight(String cacheName, Duration timeout) {
    this.cacheName = cacheName;
    this.timeout = timeout;
    this.timeoutNanos = saturatedNanos(timeout);
  }

  /**
   * Runs {@code work} for {@code key} unless a run for that key is already under way, in which
   * case it waits for that run's result.
   *
   * @throws FetchException when the run failed (for a waiter: with the leader's cause)
   * @throws FetchTimeoutException when the other run did not end within the stampede timeout
   */
  V run(K key, Function<? super K, ? extends V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> other = running.putIfAbsent(key, mine);
    if (other != null) {
      return await(key, other);
    }
    try {
      V value = work.apply(key);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error failure) {
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      running.remove(key, mine);
    }
  }

  /** The number of keys with a run under way; for tests. */
  int inFlight() {
    return running.size();
  }

  /** About how many callers wait for the run of {@code key}; for tests that need them waiting. */
  int waiters(K key) {
    CompletableFuture<V> run = running.get(key);
    return run == null ? 0 : run.getNumberOfDependents();
  }

  private V await(K key, CompletableFuture<V> other) {
    try {
      return other.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new FetchTimeoutException(
          "gave up after " + Durations.format(timeout) + " waiting for another caller's fetch of key " + KeyText.of(key)
              + " in cache '" + cacheName + "'; that fetch is still running. Make the fetcher faster or raise"
              + " stampedeTimeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(
          "interrupted while waiting for another caller's fetch of key " + KeyText.of(key) + " in cache '" + cacheName
              + "'; nothing was cached by this caller",
          e);
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof FetchException fetch) {
        // a fresh exception, so the waiter's own stack shows, with the fetcher's failure as cause
        throw new FetchException(fetch.getMessage(), fetch.getCause());
      }
      throw new FetchException(
          "another caller's fetch of key " + KeyText.of(key) + " in cache '" + cacheName + "' failed: " + failure
              + "; nothing was cached",
          failure);
    }
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
