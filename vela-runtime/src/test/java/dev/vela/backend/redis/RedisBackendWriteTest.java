package dev.vela.backend.redis;

import dev.vela.backend.BackendWriteContract;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conditional write contract, run against the Redis backend on a real redis-server. */
class RedisBackendWriteTest extends BackendWriteContract {
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
  protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
    return RedisTesting.backend(RedisTesting.uniqueName("write-contract"), server.url(), clock, listener, error -> {
      throw new AssertionError("nothing written by this test fails to decode", error);
    });
  }
}
