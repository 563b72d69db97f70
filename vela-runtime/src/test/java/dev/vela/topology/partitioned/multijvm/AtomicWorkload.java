package dev.vela.topology.partitioned.multijvm;

import dev.vela.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The racing workload one node process runs against its cache for a while, every part on its own
 * thread, counting what it did so that a test can compare the cache's totals with exact sums over
 * every process: merges of one into {@link #MERGED}, compare-and-set increments of {@link
 * #REPLACED} (which the test stores as "0" first), and claims of keys from {@link #FIRST_CLAIM} on,
 * each claimed with {@code putIfAbsent} carrying the claimant's name.
 */
final class AtomicWorkload {
  /** The key every process merges one into. */
  static final int MERGED = 1;
  /** The key every process increments by compare-and-set. */
  static final int REPLACED = 2;
  /** The first key of the claims; each process tries them in order. */
  static final int FIRST_CLAIM = 10_000;

  private AtomicWorkload() {}

  /** A workload under way: its parts run until {@link #stop} or their deadline. */
  static final class Race {
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private final long[] merges = new long[1];
    private final long[] replaces = new long[1];
    private final long[] claims = new long[2];
    private final List<CompletableFuture<Void>> parts = new ArrayList<>();

    /**
     * Stops the parts, waits for them, and answers {@code merges replaces claimsWon claimsTried
     * failures}; a failure (an operation that threw, so that whether it applied is not known) is
     * written to standard error.
     */
    String stop() {
      stopped.set(true);
      parts.forEach(CompletableFuture::join);
      return merges[0] + " " + replaces[0] + " " + claims[0] + " " + claims[1] + " " + failures.get();
    }
  }

  /** Runs the three parts for {@code millis} milliseconds; answers as {@link Race#stop} does. */
  static String race(Cache<StockKey, String> cache, String claimant, long millis) {
    Race race = start(cache, claimant, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    race.parts.forEach(CompletableFuture::join);
    return race.stop();
  }

  /** Starts the three parts, each on its own thread, until {@link Race#stop} or {@code deadlineNanos}. */
  static Race start(Cache<StockKey, String> cache, String claimant, long deadlineNanos) {
    Race race = new Race();
    race.parts.add(part(race, deadlineNanos, () -> {
      cache.merge(StockKey.number(MERGED), "1", AtomicWorkload::sum);
      race.merges[0]++;
    }));
    race.parts.add(part(race, deadlineNanos, () -> {
      StockKey key = StockKey.number(REPLACED);
      String old = cache.getOrThrow(key);
      if (cache.replace(key, old, Long.toString(Long.parseLong(old) + 1))) {
        race.replaces[0]++;
      }
    }));
    race.parts.add(part(race, deadlineNanos, () -> {
      if (cache.putIfAbsent(StockKey.number(FIRST_CLAIM + (int) race.claims[1]), claimant)) {
        race.claims[0]++;
      }
      race.claims[1]++;
    }));
    return race;
  }

  /** How many of the claim keys {@code FIRST_CLAIM..FIRST_CLAIM+tried-1} hold {@code claimant}, and how many hold none. */
  static String claimsOf(Cache<StockKey, String> cache, String claimant, int tried) {
    long mine = 0;
    long unclaimed = 0;
    for (int n = 0; n < tried; n++) {
      String holder = cache.get(StockKey.number(FIRST_CLAIM + n)).orElse(null);
      if (holder == null) {
        unclaimed++;
      } else if (holder.equals(claimant)) {
        mine++;
      }
    }
    return mine + " " + unclaimed;
  }

  private static CompletableFuture<Void> part(Race race, long deadline, Runnable step) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      while (!race.stopped.get() && System.nanoTime() - deadline < 0) {
        try {
          step.run();
        } catch (RuntimeException e) {
          race.failures.incrementAndGet();
          System.err.println("atomic workload step failed: " + e);
        }
      }
      done.complete(null);
    }, "atomic-workload");
    thread.start();
    return done;
  }

  private static String sum(String a, String b) {
    return Long.toString(Long.parseLong(a) + Long.parseLong(b));
  }
}
