package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.DecodeErrorListener;
import dev.vela.backend.RemovalListener;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Redis backends and caches for tests, each under a name of its own so that tests never share keys. */
final class RedisTesting {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private RedisTesting() {}

  /** A cache name no other test in this JVM uses. */
  static String uniqueName(String base) {
    return base + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
  }

  /** The settings of a LOCAL REDIS cache with these backend options. */
  static CacheConfig config(String name, Map<String, String> backendOptions) {
    return new CacheConfig(name, Backend.REDIS, backendOptions, Topology.LOCAL, Map.of(), Durations.INFINITE, -1,
        EvictionPolicy.TTL_ONLY, true, Duration.ofSeconds(5), true, List.of("vela", "cache"), Duration.ofSeconds(30),
        false, Duration.ofSeconds(60));
  }

  /** A backend of String keys and values on the server at {@code url}. */
  static RedisBackend<String, String> backend(String name, String url, InstantSource clock,
      RemovalListener<String, String> removals, DecodeErrorListener decodeErrors) {
    return RedisBackend.open(new BackendContext<>(config(name, Map.of("url", url)),
        new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), clock, removals, decodeErrors));
  }

  /** A backend of String keys and values on the Redis Cluster of these seed nodes. */
  static RedisBackend<String, String> clusterBackend(String name, String nodes, InstantSource clock,
      RemovalListener<String, String> removals, DecodeErrorListener decodeErrors) {
    return RedisBackend.open(new BackendContext<>(config(name, Map.of("clusterNodes", nodes)),
        new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), clock, removals, decodeErrors));
  }

  /** A builder of a LOCAL REDIS cache of String keys and values of {@code value}'s codec on a Redis Cluster. */
  static <V> CacheBuilder<String, V, Cache<String, V>> onCluster(TypeCodec<V> value, String name, String nodes) {
    return new CacheBuilder<String, V, Cache<String, V>>(
            new CacheTypes<>(TestCodecs.string(), value), name, Backend.REDIS, Topology.LOCAL, cache -> cache)
        .option("clusterNodes", nodes)
        .sweepInterval(Durations.INFINITE);
  }

  /** A builder of a LOCAL REDIS cache of Strings on the server at {@code url}, sweeps off. */
  static CacheBuilder<String, String, Cache<String, String>> strings(String name, String url) {
    return builder(TestCodecs.string(), name, url);
  }

  /** A builder of a LOCAL REDIS cache of String keys and Long values on {@code clock}, sweeps off. */
  static CacheBuilder<String, Long, Cache<String, Long>> longs(String name, String url, ManualClock clock) {
    return longs(name, url).clock(clock);
  }

  /** A builder of a LOCAL REDIS cache of String keys and Long values, sweeps off. */
  static CacheBuilder<String, Long, Cache<String, Long>> longs(String name, String url) {
    return builder(TypeCodec.of("java.lang.Long", Codecs.LONG), name, url);
  }

  /** A builder of a LOCAL REDIS cache of String keys and values of {@code value}'s codec. */
  static <V> CacheBuilder<String, V, Cache<String, V>> builder(TypeCodec<V> value, String name, String url) {
    return new CacheBuilder<String, V, Cache<String, V>>(
            new CacheTypes<>(TestCodecs.string(), value), name, Backend.REDIS, Topology.LOCAL, cache -> cache)
        .option("url", url)
        .sweepInterval(Durations.INFINITE);
  }
}
