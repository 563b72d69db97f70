package dev.vela.backend.redis;

import java.time.Duration;
import java.util.function.Function;

/**
 * A fetcher shared by processes through Redis: each call counts itself ({@code INCR}), then waits
 * until the test lets it finish by pushing to a list ({@code BLPOP}), so that the test controls how
 * long the fetch runs and sees how many fetches ran in all processes.
 */
final class SlowFetcher implements Function<String, String>, AutoCloseable {
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final RawRedis redis;
  private final String name;

  SlowFetcher(String url, String name) {
    this.redis = new RawRedis(url);
    this.name = name;
  }

  /** The counter of fetches of a test named {@code name}. */
  static String counter(String name) {
    return "test:" + name + ":fetches";
  }

  /** The list a fetch waits on before it returns. */
  static String release(String name) {
    return "test:" + name + ":release";
  }

  @Override
  public String apply(String key) {
    long fetch = redis.commands().incr(counter(name));
    if (redis.commands().blpop(LONGEST_WAIT.toSeconds(), release(name)) == null) {
      throw new IllegalStateException("the test never released fetch " + fetch);
    }
    return "fetched " + key;
  }

  @Override
  public void close() {
    redis.close();
  }
}
