package dev.vela.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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

  /**
   * How many requests clients sent to the server while {@code operation} ran: scripts run, MGETs,
   * and GETs when no script ran, from INFO commandstats (the commands a script runs inside count
   * under their own names, so a script's GETs must not count). Its statistics are reset first.
   */
  long requestsDuring(Runnable operation) {
    commands().configResetstat();
    operation.run();
    Map<String, Long> calls = new HashMap<>();
    for (String line : commands().info("commandstats").split("\\R")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        calls.put(name, Long.parseLong(line.substring(line.indexOf("calls=") + "calls=".length(), line.indexOf(','))));
      }
    }
    long scripts = calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
    return scripts + calls.getOrDefault("mget", 0L) + (scripts == 0 ? calls.getOrDefault("get", 0L) : 0);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
