package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.core.AtomicOperationsContract;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The atomic operations contract on a LOCAL REDIS cache behind a near cache, on a real redis-server. */
class RedisNearAtomicOperationsTest extends AtomicOperationsContract {
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
    return RedisTesting.longs(RedisTesting.uniqueName("atomic-near"), server.url(), clock)
        .nearCache(true)
        .nearCacheL1Ttl(Duration.ofMinutes(1))
        .create();
  }

  /** Every operation is a round trip here: fewer rounds keep the races to seconds. */
  @Override
  protected int rounds() {
    return 500;
  }
}
