package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.Codecs;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis client-side caching for a near cache: a connection of its own, speaking RESP3, asks Redis
 * to track every entry key of the cache ({@code CLIENT TRACKING ON BCAST PREFIX vela:{<cache>}:e:}),
 * so Redis pushes an invalidation whenever any process writes, deletes or expires one, our own
 * writes, flushes and tag invalidations included. When the connection drops, invalidations may be
 * lost: the feed stops being live and tells the listener that anything may have changed, and after
 * Lettuce reconnects it turns tracking on again before it is live once more.
 *
 * @param <K> the key type
 */
final class RedisChangeFeed<K> implements ChangeFeed<K>, PushListener, RedisConnectionStateListener {
  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeFeed.class);
  private static final int TRACKING_ATTEMPTS = 40;
  private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(100);

  private final SharedConnection shared;
  private final Executor handOff; // the cache's executor: tracking is turned on again there
  private final Codec<K> keyCodec;
  private final byte[] entryPrefix;
  private final Duration timeout;
  private volatile ChangeListener<K> listener;
  private volatile StatefulRedisConnection<byte[], byte[]> connection;
  private volatile boolean live;

  RedisChangeFeed(SharedConnection shared, Codec<K> keyCodec, RedisKeys keys, Duration timeout, Executor handOff) {
    this.shared = shared;
    this.handOff = handOff;
    this.keyCodec = keyCodec;
    this.entryPrefix = RedisKeys.bytes(keys.prefix() + "e:");
    this.timeout = timeout;
  }

  /**
   * Opens the tracking connection and turns tracking on.
   *
   * @throws VelaException when Redis cannot be reached or refuses tracking (a server before 6.0), or
   *     is a Redis Cluster
   */
  @Override
  public synchronized void subscribe(ChangeListener<K> listener) {
    this.listener = listener;
    if (connection != null) {
      return;
    }
    if (shared.isCluster()) {
      throw new VelaException("a near cache in front of a REDIS cache on a Redis Cluster (" + shared.url() + ") is not"
          + " supported yet: its client tracking would have to follow every shard; set nearCache to false");
    }
    StatefulRedisConnection<byte[], byte[]> opened = shared.openDedicated();
    opened.addListener((PushListener) this);
    opened.addListener((RedisConnectionStateListener) this);
    connection = opened;
    try {
      track(opened);
    } catch (RuntimeException e) {
      connection = null;
      opened.close();
      throw new VelaException("the near cache could not turn on Redis client tracking at " + shared.url() + " ("
          + e.getMessage() + "); it needs Redis 6 or newer and RESP3, or set nearCache to false", e);
    }
    live = true;
  }

  private void track(StatefulRedisConnection<byte[], byte[]> on) {
    TrackingArgs args = TrackingArgs.Builder.enabled().bcast().prefixes(
        StandardCharsets.UTF_8, new String(entryPrefix, StandardCharsets.UTF_8));
    shared.await(on.async().clientTracking(args), timeout, "CLIENT TRACKING");
  }

  @Override
  public boolean isLive() {
    return live;
  }

  @Override
  public synchronized void unsubscribe() {
    listener = null;
    live = false;
    StatefulRedisConnection<byte[], byte[]> open = connection;
    connection = null;
    if (open != null) {
      open.close();
    }
  }

  @Override
  public void onPushMessage(PushMessage message) {
    ChangeListener<K> heard = listener;
    if (heard == null || !"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(ByteArrayCodec.INSTANCE::decodeKey);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (!(keys instanceof List<?> changed)) {
      heard.allChanged(); // FLUSHDB or FLUSHALL: no key list
      return;
    }
    for (Object key : changed) {
      if (key instanceof byte[] redisKey) {
        keyChanged(heard, redisKey);
      }
    }
  }

  private void keyChanged(ChangeListener<K> heard, byte[] redisKey) {
    if (!startsWithPrefix(redisKey)) {
      return;
    }
    String id = new String(redisKey, entryPrefix.length, redisKey.length - entryPrefix.length, StandardCharsets.UTF_8);
    try {
      heard.keyChanged(Codecs.decode(keyCodec, RedisKeys.keyBytes(id)));
    } catch (CodecException | IllegalArgumentException e) {
      heard.allChanged(); // a key we cannot name may be any key
    }
  }

  private boolean startsWithPrefix(byte[] redisKey) {
    return redisKey.length >= entryPrefix.length
        && Arrays.equals(redisKey, 0, entryPrefix.length, entryPrefix, 0, entryPrefix.length);
  }

  @Override
  public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
    if (handler != connection) {
      return;
    }
    live = false;
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.allChanged();
    }
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
    StatefulRedisConnection<byte[], byte[]> reconnected = connection;
    if (handler != reconnected || live) {
      return;
    }
    // not on Lettuce's event loop, which must stay free to carry the reply
    CompletableFuture.runAsync(() -> trackAgain(reconnected), handOff);
  }

  private void trackAgain(StatefulRedisConnection<byte[], byte[]> reconnected) {
    for (int attempt = 1; attempt <= TRACKING_ATTEMPTS && reconnected == connection; attempt++) {
      try {
        track(reconnected);
        ChangeListener<K> heard = listener;
        if (heard != null) {
          heard.allChanged(); // writes made while tracking was off were not reported
        }
        live = true;
        return;
      } catch (RuntimeException e) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BETWEEN_ATTEMPTS.toMillis()));
      }
    }
    LOG.warn("the near cache could not turn Redis client tracking on again at "
        + shared.url() + "; it reads through to Redis until the next reconnect");
  }
}
