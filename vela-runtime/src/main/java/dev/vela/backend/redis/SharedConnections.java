package dev.vela.backend.redis;

import java.util.HashMap;
import java.util.Map;

/**
 * The JVM's Redis connections, one per URL, counted by the caches that use them: the first cache of
 * a URL connects, the last one to close disconnects.
 */
final class SharedConnections {
  private static final Map<String, SharedConnection> BY_URL = new HashMap<>();

  private SharedConnections() {}

  /** The connection to {@code settings.uri()}, opened if no cache uses it yet. */
  static synchronized SharedConnection acquire(RedisSettings settings) {
    // the full URL, credentials included: two users of one server get two connections
    String url = settings.url();
    SharedConnection connection = BY_URL.get(url);
    if (connection == null) {
      connection = SharedConnection.open(settings);
      BY_URL.put(url, connection);
    }
    connection.retain();
    return connection;
  }

  /** Gives back a connection from {@link #acquire}; the last user closes it. */
  static void release(SharedConnection connection) {
    boolean last;
    synchronized (SharedConnections.class) {
      last = connection.release();
      if (last) {
        BY_URL.values().remove(connection);
      }
    }
    if (last) {
      connection.shutdown();
    }
  }

  /** How many connections are open; for tests. */
  static synchronized int open() {
    return BY_URL.size();
  }
}
