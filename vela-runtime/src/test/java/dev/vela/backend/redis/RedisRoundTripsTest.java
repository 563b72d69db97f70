package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How many requests each atomic operation and bulk call of a REDIS cache sends, counted by the
 * server: one for every conditional write, two for a read-modify-write (read, then the conditional
 * write), one for a bulk call of 100 keys.
 */
class RedisRoundTripsTest {
  private static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void eachOperationSendsAsFewRequestsAsItMust() {
    try (Cache<String, Long> cache = RedisTesting.longs(RedisTesting.uniqueName("trips"), server.url()).create();
        RawRedis raw = new RawRedis(server.url())) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        keys.add("k" + i);
        cache.put("k" + i, (long) i);
      }
      // the first run of each script on a server sends its source after the server answered NOSCRIPT
      warmUp(cache, keys);

      Map<String, Long> requests = new LinkedHashMap<>();
      requests.put("get", raw.requestsDuring(() -> cache.get("k1")));
      requests.put("put", raw.requestsDuring(() -> cache.put("k1", 1L)));
      requests.put("putIfAbsent", raw.requestsDuring(() -> cache.putIfAbsent("k1", 5L)));
      requests.put("replace", raw.requestsDuring(() -> cache.replace("k1", 2L)));
      requests.put("replace(expected)", raw.requestsDuring(() -> cache.replace("k1", 2L, 3L)));
      requests.put("getAndPut", raw.requestsDuring(() -> cache.getAndPut("k1", 4L)));
      requests.put("delete(expected)", raw.requestsDuring(() -> cache.delete("k1", 4L)));
      requests.put("getAndDelete", raw.requestsDuring(() -> cache.getAndDelete("k2")));
      requests.put("expire", raw.requestsDuring(() -> cache.expire("k3", Duration.ofMinutes(1))));
      requests.put("merge", raw.requestsDuring(() -> cache.merge("k4", 1L, Long::sum)));
      requests.put("compute", raw.requestsDuring(() -> cache.compute("k5", (k, v) -> v == null ? 0 : v + 1)));
      requests.put("getAll(100)", raw.requestsDuring(() -> cache.getAll(keys)));
      requests.put("deleteAll(100)", raw.requestsDuring(() -> cache.deleteAll(keys)));
      System.out.println("REDIS requests per operation: " + requests);

      assertThat(requests).containsExactly(
          Map.entry("get", 1L), Map.entry("put", 1L), Map.entry("putIfAbsent", 1L), Map.entry("replace", 1L),
          Map.entry("replace(expected)", 1L), Map.entry("getAndPut", 1L), Map.entry("delete(expected)", 1L),
          Map.entry("getAndDelete", 1L), Map.entry("expire", 1L), Map.entry("merge", 2L), Map.entry("compute", 2L),
          Map.entry("getAll(100)", 1L), Map.entry("deleteAll(100)", 1L));
    }
  }

  private static void warmUp(Cache<String, Long> cache, List<String> keys) {
    cache.putIfAbsent("warm-up", 0L);
    cache.merge("warm-up", 1L, Long::sum);
    cache.getAll(keys.subList(0, 1));
    cache.deleteAll(List.of("warm-up"));
  }
}
