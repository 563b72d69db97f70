package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.Codecs;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.Set;

/**
 * Redis client-side caching for a near cache: connections of its own, speaking RESP3, ask Redis
 * to track every key of the cache in broadcast mode ({@link RedisKeys#trackingPrefix()}), so Redis
 * pushes an invalidation whenever any process writes, deletes or expires an entry, our own writes,
 * flushes and tag invalidations included.
 *
 * <ul>
 *   <li>On one server, or on the primary that Sentinel names, one {@link TrackedConnection}; after
 *       a failover Lettuce reconnects it to the new primary, where tracking is turned on again.
 *   <li>On a Redis Cluster, one {@link TrackedConnection} to every primary that serves slots. The
 *       set follows the cluster's topology ({@link ClusterPrimaries}): a promoted replica or a new
 *       shard gets a connection, and once tracking is on there the listener hears that anything may
 *       have changed; a node that no longer serves slots loses its connection.
 * </ul>
 *
 * The feed is live while every tracked connection is and, on a cluster, every primary is tracked.
 * Whenever a connection drops or comes back, or a primary is added, invalidations may have been
 * missed: the listener hears that anything may have changed, and a near cache keeps nothing it
 * reads while the feed is not live.
 *
 * @param <K> the key type
 */
final class RedisChangeFeed<K> implements ChangeFeed<K>, TrackedConnection.Owner {
  private final SharedConnection shared;
  private final Executor handOff; // the cache's executor: tracking is turned on again there
  private final Codec<K> keyCodec;
  private final RedisKeys keys;
  private final Duration timeout;
  private final Object changes = new Object();
  // replaced as a whole under the lock of changes, read without it
  private volatile Map<String, TrackedConnection> tracked = Map.of();
  private volatile boolean everyPrimaryTracked;
  private volatile ChangeListener<K> listener;
  private volatile ClusterPrimaries primaries; // set and cleared under the lock of changes

  RedisChangeFeed(SharedConnection shared, Codec<K> keyCodec, RedisKeys keys, Duration timeout, Executor handOff) {
    this.shared = shared;
    this.handOff = handOff;
    this.keyCodec = keyCodec;
    this.keys = keys;
    this.timeout = timeout;
  }

  /**
   * Opens the tracking connections and turns tracking on.
   *
   * @throws VelaException when Redis cannot be reached or refuses tracking (a server before 6.0)
   */
  @Override
  public void subscribe(ChangeListener<K> listener) {
    synchronized (changes) {
      this.listener = listener;
      if (!tracked.isEmpty() || primaries != null) {
        return;
      }
      try {
        if (shared.isCluster()) {
          follow(shared.clusterPrimaries(), true);
          primaries = new ClusterPrimaries(shared, keys.cacheName(), now -> follow(now, false));
        } else {
          tracked = Map.of(shared.url(), open(shared.openDedicated(), shared.url()));
          everyPrimaryTracked = true;
        }
      } catch (RuntimeException e) {
        unsubscribe();
        throw new VelaException("the near cache could not turn on Redis client tracking at " + shared.url() + " ("
            + e.getMessage() + "); it needs Redis 6 or newer and RESP3, or set nearCache to false", e);
      }
    }
  }

  private TrackedConnection open(io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> connection,
      String where) {
    TrackedConnection opened = new TrackedConnection(connection, shared, keys.trackingPrefix(), timeout, this, where,
        handOff);
    opened.start();
    return opened;
  }

  /**
   * Tracks every primary in {@code now} and only those; answers whether the feed is live.
   *
   * @param strict true at subscribe, where a primary that cannot be tracked fails the start;
   *     otherwise it is tried again at the next check, and the feed is not live meanwhile
   */
  private boolean follow(Map<String, RedisURI> now, boolean strict) {
    synchronized (changes) {
      if (listener == null) {
        return true; // unsubscribed
      }
      Map<String, TrackedConnection> next = new HashMap<>(tracked);
      next.entrySet().removeIf(one -> {
        if (now.containsKey(one.getKey())) {
          return false;
        }
        one.getValue().close();
        return true;
      });
      boolean added = false;
      for (Map.Entry<String, RedisURI> primary : now.entrySet()) {
        if (next.containsKey(primary.getKey())) {
          continue;
        }
        try {
          next.put(primary.getKey(), open(shared.openDedicated(primary.getValue()), primary.getKey()));
          added = true;
        } catch (RuntimeException e) {
          if (strict) {
            next.values().forEach(TrackedConnection::close);
            throw e;
          }
        }
      }
      tracked = Map.copyOf(next);
      everyPrimaryTracked = !now.isEmpty() && next.keySet().equals(now.keySet());
      if (added) {
        // writes that reached a new primary before tracking was on there were not reported
        notifyAllChanged();
      }
      return isLive();
    }
  }

  @Override
  public boolean isLive() {
    if (!everyPrimaryTracked) {
      return false;
    }
    for (TrackedConnection one : tracked.values()) {
      if (!one.isLive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void unsubscribe() {
    ClusterPrimaries following;
    synchronized (changes) {
      listener = null;
      everyPrimaryTracked = false;
      following = primaries;
      primaries = null;
      tracked.values().forEach(TrackedConnection::close);
      tracked = Map.of();
    }
    if (following != null) {
      following.close();
    }
  }

  @Override
  public void keysChanged(List<?> redisKeys) {
    ChangeListener<K> heard = listener;
    if (heard == null) {
      return;
    }
    for (Object key : redisKeys) {
      if (key instanceof byte[] redisKey) {
        keyChanged(heard, redisKey);
      }
    }
  }

  /** Called on Lettuce's threads: clears the L1 and, when a connection was lost, looks for its replacement. */
  @Override
  public void anythingChanged(TrackedConnection connection) {
    notifyAllChanged();
    ClusterPrimaries following = primaries;
    if (following != null && !connection.isLive()) {
      following.checkSoon(); // a lost primary may have been replaced
    }
  }

  private void notifyAllChanged() {
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.allChanged();
    }
  }

  private void keyChanged(ChangeListener<K> heard, byte[] redisKey) {
    String id = keys.entryIdOf(redisKey);
    if (id == null) {
      return; // an index, a tag set or a lock: not an entry
    }
    try {
      heard.keyChanged(Codecs.decode(keyCodec, RedisKeys.keyBytes(id)));
    } catch (CodecException | IllegalArgumentException e) {
      heard.allChanged(); // a key we cannot name may be any key
    }
  }

  /** The servers tracked now, by {@code host:port} on a cluster; for tests. */
  Set<String> trackedServers() {
    return Set.copyOf(tracked.keySet());
  }
}
