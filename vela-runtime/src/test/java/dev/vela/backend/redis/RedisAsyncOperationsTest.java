package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The asynchronous calls on a LOCAL REDIS cache, on a real redis-server: Lettuce's asynchronous commands. */
class RedisAsyncOperationsTest extends AsyncOperationsContract {
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
    return RedisTesting.longs(RedisTesting.uniqueName("async"), server.url(), clock).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return true;
  }
}
