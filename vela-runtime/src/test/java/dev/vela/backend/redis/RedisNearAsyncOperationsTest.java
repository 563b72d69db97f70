package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The asynchronous calls on a LOCAL REDIS cache with a near cache, on a real redis-server. */
class RedisNearAsyncOperationsTest extends AsyncOperationsContract {
  private static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return RedisTesting.longs(RedisTesting.uniqueName("async-near"), server.url(), clock)
        .nearCache(true).nearCacheL1Ttl(Duration.ofMinutes(1)).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return true;
  }
}
