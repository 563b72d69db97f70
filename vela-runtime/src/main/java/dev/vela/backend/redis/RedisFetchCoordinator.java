package dev.vela.backend.redis;

import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import dev.vela.VelaException;
import dev.vela.backend.FetchCoordinator;
import dev.vela.config.Durations;
import io.lettuce.core.SetArgs;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Stampede protection across processes: a fetch lock per key ({@code SET l:<id> <token> NX PX}).
 * The process that takes it fetches and stores the value; the others poll for the value, with
 * backoff from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE}, for at most the stampede timeout,
 * and take the lock themselves if it goes away without a value (the fetch failed, or its process
 * died and the lock expired). The lock lives as long as the stampede timeout, at most {@link
 * #LONGEST_LOCK}: a fetch that takes longer may run twice.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RedisFetchCoordinator<K, V> implements FetchCoordinator<K, V> {
  /** The first pause between two looks for another process's value. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(2);
  /** The longest pause between two looks. */
  static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
  /** The longest a fetch lock lives, whatever the stampede timeout. */
  static final Duration LONGEST_LOCK = Duration.ofMinutes(5);

  private static final SecureRandom TOKENS = new SecureRandom();

  private final RedisBackend<K, V> backend;
  private final String cacheName;
  private final Duration timeout;
  private final long lockMillis;

  RedisFetchCoordinator(RedisBackend<K, V> backend, String cacheName, Duration stampedeTimeout) {
    this.backend = backend;
    this.cacheName = cacheName;
    this.timeout = stampedeTimeout;
    Duration lock = stampedeTimeout.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : stampedeTimeout;
    this.lockMillis = Math.max(1, lock.toMillis()); // PX must be positive
  }

  @Override
  public V fetchOnce(K key, Function<? super K, ? extends V> fetchAndStore) {
    byte[] lock = backend.keys().lock(backend.idOf(key));
    byte[] token = newToken();
    long start = System.nanoTime();
    long pauseNanos = FIRST_PAUSE.toNanos();
    while (true) {
      if (tryLock(lock, token)) {
        try {
          // another process may have stored it between our miss and our lock
          V stored = backend.get(key);
          return stored != null ? stored : fetchAndStore.apply(key);
        } finally {
          unlock(lock, token);
        }
      }
      V stored = backend.get(key);
      if (stored != null) {
        return stored;
      }
      long leftNanos = saturatedNanos(timeout) - (System.nanoTime() - start);
      if (leftNanos <= 0) {
        throw new FetchTimeoutException("gave up after " + Durations.format(timeout) + " waiting for another process's"
            + " fetch of a key of cache '" + cacheName + "' (its fetch lock in Redis is still held). Make the fetcher"
            + " faster or raise stampedeTimeout");
      }
      LockSupport.parkNanos(Math.min(pauseNanos, leftNanos));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while waiting for another process's fetch of a key of cache '"
            + cacheName + "'; nothing was cached by this caller", null);
      }
      pauseNanos = Math.min(pauseNanos * 2, LONGEST_PAUSE.toNanos());
    }
  }

  private boolean tryLock(byte[] lock, byte[] token) {
    String reply = backend.await(
        backend.connection().commands().set(lock, token, SetArgs.Builder.nx().px(lockMillis)), "fetch lock");
    return "OK".equals(reply);
  }

  private void unlock(byte[] lock, byte[] token) {
    try {
      backend.connection().run(Scripts.RELEASE_LOCK, backend.timeout(), new byte[][] {lock}, token);
    } catch (VelaException unreachable) {
      // the lock expires on its own; the fetch's own outcome matters more to the caller
    }
  }

  private static byte[] newToken() {
    byte[] random = new byte[16];
    TOKENS.nextBytes(random);
    return RedisKeys.bytes(HexFormat.of().formatHex(random));
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "RedisFetchCoordinator[" + cacheName + ", lock " + Durations.format(Duration.ofMillis(lockMillis)) + "]";
  }
}
