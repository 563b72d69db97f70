package dev.vela.backend.redis;

import dev.vela.Cache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One process of a race on a shared REDIS cache ({@link RedisRaceTest}): opens the cache, prints
 * {@code ready}, waits for a line on its input, runs {@link #race} and prints what it reports, one
 * line each, then {@code done}.
 *
 * <p>Arguments: Redis URL, cache name, workload, threads, rounds, label.
 */
public final class RaceChild {
  /** How long one process's share of a race may take. */
  static final Duration BOUND = Duration.ofSeconds(60);

  private RaceChild() {}

  /** Runs the child; exits with 0 when every thread finished. */
  public static void main(String[] args) throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(args[1], args[0]).create();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("ready");
      System.out.flush();
      in.readLine();
      for (String line : race(cache, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5])) {
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
   *   <li>{@code transaction}: in a transaction on key {@code counter}, reads the number and
   *       stores it plus one, with a plain get and put that only the transaction keeps atomic
   * </ul>
   */
  static List<String> race(Cache<String, String> cache, String workload, int threads, int rounds, String label)
      throws Exception {
    Queue<String> reports = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            step(cache, workload, round, label, reports);
          }
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

  private static void step(
      Cache<String, String> cache, String workload, int round, String label, Queue<String> reports) {
    switch (workload) {
      case "transaction" -> cache.transaction(List.of("counter"), tx -> {
        long seen = tx.get("counter").map(Long::parseLong).orElse(0L);
        tx.put("counter", Long.toString(seen + 1));
        return null;
      });
      default -> throw new IllegalArgumentException("no workload " + workload);
    }
  }
}
