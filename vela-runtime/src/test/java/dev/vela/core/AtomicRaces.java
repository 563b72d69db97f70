package dev.vela.core;

import dev.vela.Cache;
import java.util.List;

/**
 * The racing workloads of {@link AtomicOperationsContract}, as plain methods so that one thread, or
 * the main of a separate process, can run its share against a shared cache. Each ends with a total
 * or a count of wins that a checker compares with exact expectations: any lost update shows.
 */
public final class AtomicRaces {
  private AtomicRaces() {}

  /** Adds one to the counter under {@code key}, {@code times} times, with {@code merge(key, 1L, Long::sum)}. */
  public static void mergeOnes(Cache<String, Long> cache, String key, int times) {
    for (int i = 0; i < times; i++) {
      cache.merge(key, 1L, Long::sum);
    }
  }

  /** Adds one to the counter under {@code key}, {@code times} times, with {@code compute}. */
  public static void computeOnes(Cache<String, Long> cache, String key, int times) {
    for (int i = 0; i < times; i++) {
      cache.compute(key, (k, old) -> old == null ? 1L : old + 1);
    }
  }

  /**
   * Adds one to the counter under {@code key} (which must exist), {@code times} times, each by a
   * read and a compare-and-set {@code replace(key, old, old + 1)} retried until it applies.
   *
   * @return how many compare-and-sets failed on the way, for a report of the contention
   */
  public static long replaceOnes(Cache<String, Long> cache, String key, int times) {
    long failed = 0;
    for (int i = 0; i < times; i++) {
      while (true) {
        long old = cache.getOrThrow(key);
        if (cache.replace(key, old, old + 1)) {
          break;
        }
        failed++;
      }
    }
    return failed;
  }

  /**
   * Tries to claim each of {@code keys} with {@code putIfAbsent(key, claimant)}.
   *
   * @return how many of them this claimant won
   */
  public static int claim(Cache<String, Long> cache, List<String> keys, long claimant) {
    int won = 0;
    for (String key : keys) {
      if (cache.putIfAbsent(key, claimant)) {
        won++;
      }
    }
    return won;
  }

  /**
   * Tries to take each of {@code keys} with {@code getAndDelete}.
   *
   * @return how many of them this taker got
   */
  public static int take(Cache<String, Long> cache, List<String> keys) {
    int taken = 0;
    for (String key : keys) {
      if (cache.getAndDelete(key).isPresent()) {
        taken++;
      }
    }
    return taken;
  }
}
