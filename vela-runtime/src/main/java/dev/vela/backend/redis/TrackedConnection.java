package dev.vela.backend.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RESP3 connection to one Redis server with client tracking on in broadcast mode for one key
 * prefix ({@code CLIENT TRACKING ON BCAST PREFIX <prefix>}): the server pushes the name of every
 * key under the prefix that any client writes, deletes or expires on it. The connection is live
 * while tracking is on. When it drops, invalidations may be lost: it stops being live and tells
 * its owner; after Lettuce reconnects it turns tracking on again, tells its owner that anything
 * may have changed meanwhile, and only then is live again.
 */
final class TrackedConnection implements PushListener, RedisConnectionStateListener {
  private static final Logger LOG = LoggerFactory.getLogger(TrackedConnection.class);
  private static final int TRACKING_ATTEMPTS = 40;
  private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(100);

  /** Hears what one tracked connection reports; called from Lettuce's threads, so quick. */
  interface Owner {
    /** These keys changed on the server. */
    void keysChanged(List<?> redisKeys);

    /**
     * Anything may have changed: the server was flushed, or the connection was lost or came back
     * (then {@link #isLive()} already says which).
     */
    void anythingChanged(TrackedConnection connection);
  }

  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final SharedConnection shared;
  private final String prefix;
  private final Duration timeout;
  private final Owner owner;
  private final String where;
  private final Executor handOff; // the cache's executor: tracking is turned on again there
  private volatile boolean live;
  private volatile boolean closed;

  /**
   * @param connection a new connection of its own, which this one closes
   * @param shared the cache's shared connection, for its way of awaiting replies
   * @param where the server, for messages
   */
  TrackedConnection(StatefulRedisConnection<byte[], byte[]> connection, SharedConnection shared, String prefix,
      Duration timeout, Owner owner, String where, Executor handOff) {
    this.connection = connection;
    this.handOff = handOff;
    this.shared = shared;
    this.prefix = prefix;
    this.timeout = timeout;
    this.owner = owner;
    this.where = where;
  }

  /**
   * Turns tracking on and starts listening; on failure the connection is closed.
   *
   * @throws dev.vela.VelaException when the server cannot be reached or refuses tracking
   */
  void start() {
    connection.addListener((PushListener) this);
    connection.addListener((RedisConnectionStateListener) this);
    try {
      track();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    live = true;
  }

  private void track() {
    TrackingArgs args = TrackingArgs.Builder.enabled().bcast().prefixes(StandardCharsets.UTF_8, prefix);
    shared.await(connection.async().clientTracking(args), timeout, "CLIENT TRACKING");
  }

  /** True while tracking is on and the connection up. */
  boolean isLive() {
    return live && !closed;
  }

  /** The server, for messages. */
  String where() {
    return where;
  }

  /** Closes the connection; it reports nothing more. */
  void close() {
    closed = true;
    live = false;
    connection.close();
  }

  @Override
  public void onPushMessage(PushMessage message) {
    if (closed || !"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(ByteArrayCodec.INSTANCE::decodeKey);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (keys instanceof List<?> changed) {
      owner.keysChanged(changed);
    } else {
      owner.anythingChanged(this); // FLUSHDB or FLUSHALL: no key list
    }
  }

  @Override
  public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
    if (handler != connection || closed) {
      return;
    }
    live = false;
    owner.anythingChanged(this);
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
    if (handler != connection || live || closed) {
      return;
    }
    // not on Lettuce's event loop, which must stay free to carry the reply
    CompletableFuture.runAsync(this::trackAgain, handOff);
  }

  private void trackAgain() {
    for (int attempt = 1; attempt <= TRACKING_ATTEMPTS && !closed; attempt++) {
      try {
        track();
        live = true;
        owner.anythingChanged(this); // writes made while tracking was off were not reported
        return;
      } catch (RuntimeException e) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BETWEEN_ATTEMPTS.toMillis()));
      }
    }
    if (!closed) {
      LOG.warn("the near cache could not turn Redis client tracking on again at " + where
          + "; it reads through to Redis until the next reconnect");
    }
  }
}
