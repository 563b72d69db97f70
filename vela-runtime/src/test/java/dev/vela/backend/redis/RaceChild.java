package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.core.AtomicRaces;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One process of a race on a shared REDIS cache of Longs ({@link RedisRaceTest}): opens the cache,
 * prints {@code ready}, waits for a line on its input, runs {@link #race} and prints what it
 * reports, one line each, then {@code done}.
 *
 * <p>Arguments: Redis URL, cache name, workload, threads, rounds, process number.
 */
public final class RaceChild {
  /** How long one process's share of a race may take. */
  static final Duration BOUND = Duration.ofSeconds(60);

  private RaceChild() {}

  /** Runs the child; exits with 0 when every thread finished. */
  public static void main(String[] args) throws Exception {
    try (Cache<String, Long> cache = RedisTesting.longs(args[1], args[0]).create();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("ready");
      System.out.flush();
      in.readLine();
      for (String line : race(cache, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Integer.parseInt(args[5]))) {
        System.out.println(line);
      }
      System.out.println("done");
    }
    System.out.flush();
    System.exit(0);
  }

  /**
   * Runs {@code rounds} steps of {@code workload} on each of {@code threads} threads and returns
   * what they report.
   *
   * <ul>
   *   <li>{@code transaction}: in a transaction on key {@code counter}, reads the number and stores
   *       it plus one, with a plain get and put that only the transaction keeps atomic
   *   <li>{@code merge}: {@code merge("counter", 1L, Long::sum)}
   *   <li>{@code replace}: a compare-and-set {@code replace("counter", old, old + 1)} retried until it
   *       applies; {@code counter} must exist
   *   <li>{@code claim}: {@code putIfAbsent("claim-<round>", claimant)}, where the claimant is
   *       {@code process * 1000 + thread}; reports {@code won claim-<round> <claimant>} for each win
   * </ul>
   */
  static List<String> race(Cache<String, Long> cache, String workload, int threads, int rounds, int process)
      throws Exception {
    Queue<String> reports = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long claimant = process * 1000L + t;
        runs.add(pool.submit(() -> {
          run(cache, workload, rounds, claimant, reports);
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(reports);
  }

  private static void run(
      Cache<String, Long> cache, String workload, int rounds, long claimant, Queue<String> reports) {
    switch (workload) {
      case "transaction" -> {
        for (int round = 0; round < rounds; round++) {
          cache.transaction(List.of("counter"), tx -> {
            tx.put("counter", tx.get("counter").orElse(0L) + 1);
            return null;
          });
        }
      }
      case "merge" -> AtomicRaces.mergeOnes(cache, "counter", rounds);
      case "replace" -> AtomicRaces.replaceOnes(cache, "counter", rounds);
      case "claim" -> {
        for (int round = 0; round < rounds; round++) {
          if (cache.putIfAbsent("claim-" + round, claimant)) {
            reports.add("won claim-" + round + " " + claimant);
          }
        }
      }
      default -> throw new IllegalArgumentException("no workload " + workload);
    }
  }
}
