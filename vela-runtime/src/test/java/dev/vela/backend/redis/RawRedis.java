package dev.vela.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/** A plain Lettuce connection of the test's own, to look at and change Redis behind the cache's back. */
final class RawRedis implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RawRedis(String url) {
    this.client = RedisClient.create(url);
    this.connection = client.connect();
  }

  /** Synchronous commands with String keys and values. */
  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
