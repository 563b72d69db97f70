package dev.vela.backend.redis;

import dev.vela.Cache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The other process of {@link RedisNearCacheTest}: opens the same cache (no near cache of its own)
 * and, for each line {@code <key> <value>} read from its input, stores the value and prints {@code
 * ok} once Redis acknowledged it. It exits at the end of its input.
 *
 * <p>Arguments: Redis URL, cache name.
 */
public final class NearWriterChild {
  private NearWriterChild() {}

  /** Runs the child; exits with 0 at the end of its input. */
  public static void main(String[] args) throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(args[1], args[0]).create();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("ready");
      System.out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] keyAndValue = line.split(" ", 2);
        cache.put(keyAndValue[0], keyAndValue[1]);
        System.out.println("ok");
        System.out.flush();
      }
    }
    System.exit(0);
  }
}
