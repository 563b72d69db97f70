package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.backend.KeyLocks;
import dev.vela.config.Durations;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Transaction locks across processes: a lock per key ({@code k:<id>}) holding the token of one
 * transaction, taken for all keys at once or not at all by a script (SET ... PX the lease), and
 * released by a script that deletes only the locks still holding that token. A process that dies
 * holding locks holds the others up only until the lease ends. A transaction that outlives its
 * lease is told so when it ends, since another process may have run on the keys meanwhile.
 *
 * <p>Waiting polls with backoff from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE} for at most
 * the lease: a holder that is alive releases within it, a dead one's locks expire within it.
 *
 * @param <K> the key type
 */
final class RedisKeyLocks<K> implements KeyLocks<K> {
  /** How long a transaction's locks live unless released, and how long a transaction waits for them. */
  static final Duration LEASE = Duration.ofSeconds(30);
  /** The first pause between two tries. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(1);
  /** The longest pause between two tries. */
  static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

  private static final SecureRandom TOKENS = new SecureRandom();
  private static final String PROCESS = Long.toString(ProcessHandle.current().pid());

  private final RedisBackend<K, ?> backend;
  private final String cacheName;
  private final Duration lease;

  RedisKeyLocks(RedisBackend<K, ?> backend, String cacheName, Duration lease) {
    this.backend = backend;
    this.cacheName = cacheName;
    this.lease = lease;
  }

  /**
   * Locks the keys bucket by bucket, in the order of the buckets, so that two transactions never
   * wait for each other in a circle; on one server the keys are one bucket, locked at once.
   */
  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    if (keys.isEmpty()) {
      return work.get();
    }
    SortedMap<Integer, List<byte[]>> byBucket = new TreeMap<>();
    for (K key : new LinkedHashSet<>(keys)) {
      String id = backend.idOf(key);
      byBucket.computeIfAbsent(backend.keys().bucketOf(id), bucket -> new ArrayList<>()).add(RedisKeys.bytes(id));
    }
    byte[] token = RedisKeys.bytes(PROCESS + "/" + HexFormat.of().formatHex(randomBytes()));
    long deadline = System.nanoTime() + lease.toNanos();
    List<Integer> locked = new ArrayList<>();
    try {
      for (Map.Entry<Integer, List<byte[]>> bucket : byBucket.entrySet()) {
        lock(bucket.getKey(), bucket.getValue(), token, deadline, keys.size());
        locked.add(bucket.getKey());
      }
    } catch (RuntimeException failed) {
      locked.forEach(bucket -> unlockQuietly(bucket, byBucket.get(bucket), token));
      throw failed;
    }
    R result;
    try {
      result = work.get();
    } catch (RuntimeException | Error failure) {
      locked.forEach(bucket -> unlockQuietly(bucket, byBucket.get(bucket), token));
      throw failure;
    }
    long held = 0;
    for (int bucket : locked) {
      held += unlock(bucket, byBucket.get(bucket), token);
    }
    if (held < keys.stream().distinct().count()) {
      throw new VelaException("a transaction on cache '" + cacheName + "' ran longer than its lease of "
          + Durations.format(lease) + ": its key locks in Redis had expired, so another process may have changed"
          + " the keys meanwhile. Keep transactions short");
    }
    return result;
  }

  private void lock(int bucket, List<byte[]> ids, byte[] token, long deadline, int keyCount) {
    byte[][] args = new byte[ids.size() + 2][];
    args[0] = token;
    args[1] = RedisKeys.bytes(Long.toString(Math.max(1, lease.toMillis())));
    for (int i = 0; i < ids.size(); i++) {
      args[i + 2] = ids.get(i);
    }
    long pause = FIRST_PAUSE.toNanos();
    while (true) {
      List<Object> reply = backend.run(bucket, Scripts.LOCK_KEYS, args);
      if ((Long) reply.get(0) == 1) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        String holder = RedisKeys.text((byte[]) reply.get(1));
        throw new VelaException("cache '" + cacheName + "' could not lock " + keyCount + " key(s) for a transaction"
            + " within " + Durations.format(lease) + ": a transaction of process " + holder.split("/", 2)[0]
            + " holds them in Redis. Keep transactions short, or retry");
      }
      LockSupport.parkNanos(pause);
      if (Thread.currentThread().isInterrupted()) {
        throw new VelaException("interrupted while waiting to lock keys of cache '" + cacheName
            + "' for a transaction; it did not run");
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
    }
  }

  /** Releases the locks of a bucket the token still holds and returns how many that was. */
  private long unlock(int bucket, List<byte[]> ids, byte[] token) {
    byte[][] args = new byte[ids.size() + 1][];
    args[0] = token;
    for (int i = 0; i < ids.size(); i++) {
      args[i + 1] = ids.get(i);
    }
    return (Long) backend.run(bucket, Scripts.UNLOCK_KEYS, args).get(0);
  }

  private void unlockQuietly(int bucket, List<byte[]> ids, byte[] token) {
    try {
      unlock(bucket, ids, token);
    } catch (VelaException unreachable) {
      // the locks expire with their lease; the caller hears of the first failure
    }
  }

  private static byte[] randomBytes() {
    byte[] random = new byte[12];
    TOKENS.nextBytes(random);
    return random;
  }

  @Override
  public String toString() {
    return "RedisKeyLocks[" + cacheName + ", lease " + Durations.format(lease) + "]";
  }
}
