package dev.vela.backend.redis;

import dev.vela.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The other process of {@link RedisStampedeTest}: opens the same cache and calls {@code
 * getOrFetch} of one key from several threads with {@link SlowFetcher}, then prints each value it
 * got on a line of its own, {@code value=...}.
 *
 * <p>Arguments: Redis URL, cache name, key, number of threads, and optionally {@code die}: then
 * the process counts its fetch and halts in the middle of it, holding the fetch lock, as a process
 * that crashes would; its stampede timeout, and so its lock, is {@link #DYING_LOCK}.
 */
public final class StampedeChild {
  /** The stampede timeout of a child that dies while fetching, which is how long its lock lives. */
  static final Duration DYING_LOCK = Duration.ofSeconds(2);

  private StampedeChild() {}

  /** Runs the child; exits with 0 when every call returned. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String cacheName = args[1];
    String key = args[2];
    int threads = Integer.parseInt(args[3]);
    if (args.length > 4 && args[4].equals("die")) {
      dieWhileFetching(url, cacheName, key);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try (Cache<String, String> cache = RedisTesting.strings(cacheName, url).stampedeTimeout(Duration.ofSeconds(30)).create();
        SlowFetcher fetcher = new SlowFetcher(url, cacheName)) {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(executor.submit(() -> cache.getOrFetch(key, fetcher)));
      }
      System.out.println("calling");
      System.out.flush();
      for (Future<String> call : calls) {
        System.out.println("value=" + call.get(60, TimeUnit.SECONDS));
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.flush();
    System.exit(0);
  }

  private static void dieWhileFetching(String url, String cacheName, String key) {
    try (Cache<String, String> cache = RedisTesting.strings(cacheName, url).stampedeTimeout(DYING_LOCK).create();
        RawRedis redis = new RawRedis(url)) {
      cache.getOrFetch(key, k -> {
        redis.commands().incr(SlowFetcher.counter(cacheName));
        Runtime.getRuntime().halt(3); // no finally block runs: the lock stays until it expires
        return "never";
      });
    }
  }
}
