package dev.vela.backend;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Key locks that exclude other processes, for backends that several processes share (Redis). The
 * cache core already excludes this process's own transactions on the keys; when the backend offers
 * key locks, a transaction also takes them, so that of all processes only one works on the keys at
 * a time. Locks are leased: a process that dies holding them holds the others up only until the
 * lease ends.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface KeyLocks<K> {

  /**
   * Runs {@code work} while {@code keys} are locked against every other process, waiting for them
   * at most the lease time.
   *
   * @throws dev.vela.VelaException when the keys stayed locked by another process for the lease
   *     time, or the store was unreachable; {@code work} did not run
   */
  <R> R exclusively(Collection<? extends K> keys, Supplier<R> work);
}
