package dev.vela.core;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.Weigher;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.disk.DiskBackend;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.backend.redis.RedisBackend;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.near.NearCacheTopology;
import dev.vela.topology.CacheTopology;
import dev.vela.telemetry.CacheTelemetry;
import dev.vela.topology.LocalTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.vela.topology.partitioned.PartitionedTopology;
import dev.vela.topology.replicated.ReplicatedTopology;

/**
 * Wires a cache from its configuration with plain constructor calls: stats, backend, topology, the
 * near cache when asked for, core.
 */
final class CacheFactory {
  private static final Logger LOG = LoggerFactory.getLogger(CacheFactory.class);

  private CacheFactory() {}

  /**
   * Starts a cache.
   *
   * @throws VelaException when the backend or topology is not available, or the settings do not fit
   */
  static <K, V> Cache<K, V> open(CacheConfig config, CacheTypes<K, V> types, RuntimeSettings settings) {
    StatsCounter stats = StatsCounter.create(config.statsEnabled());
    RemovalListener<K, V> countRemovals = (key, value, cause) -> {
      switch (cause) {
        case EVICTED -> stats.recordEviction();
        case EXPIRED -> stats.recordExpiration();
      }
    };
    BackendContext<K, V> context = new BackendContext<>(
        config, types, settings.clock(), countRemovals, new CountingDecodeErrors(config.name(), stats), settings.executor());
    CacheBackend<K, V> backend = openBackend(context);
    CacheTopology<K, V> topology = openTopology(context, backend, stats, settings);
    if (config.nearCache()) {
      try {
        topology = NearCacheTopology.wrap(config, topology, settings.clock(), stats);
      } catch (RuntimeException e) {
        topology.close();
        throw e;
      }
    }
    CacheTelemetry telemetry = settings.telemetry().open(config, stats, topology);
    CoreCache<K, V> cache =
        new CoreCache<>(config, types, new ExpiryTimes(settings.clock(), config.defaultTtl()), stats, topology, telemetry);
    cache.startSweeping(settings.sweeper());
    LOG.debug("cache '{}' started: {} backend, {} topology, telemetry {}", config.name(), config.backend(),
        config.topology(), telemetry == null ? "off" : telemetry);
    return cache;
  }

  private static <K, V> CacheBackend<K, V> openBackend(BackendContext<K, V> context) {
    CacheConfig config = context.config();
    switch (config.backend()) {
      case MEMORY:
        try {
          if (config.isWeighted()) {
            return MemoryBackend.weighted(config.maxWeight(), weigher(config), config.evictionPolicy(), context.clock(),
                context.removals(), context.executor());
          }
          return config.isBounded()
              ? MemoryBackend.bounded(
                  config.maxSize(), config.evictionPolicy(), context.clock(), context.removals(), context.executor())
              : MemoryBackend.unbounded(context.clock(), context.removals());
        } catch (IllegalArgumentException e) {
          throw new VelaException("cache '" + config.name() + "' cannot start: " + e.getMessage(), e);
        }
      case DISK:
        return DiskBackend.open(context);
      case REDIS:
        return openRedis(context);
      default:
        throw new VelaException(
            "cache '" + config.name() + "' uses the " + config.backend() + " backend, which this version of"
                + " vela-runtime does not have yet; use Backend.MEMORY");
    }
  }

  /** The configured weigher, given for this cache's key and value types by the builder or the annotation. */
  @SuppressWarnings("unchecked")
  static <K, V> Weigher<? super K, ? super V> weigher(CacheConfig config) {
    return (Weigher<? super K, ? super V>) config.weigher();
  }

  private static <K, V> CacheBackend<K, V> openRedis(BackendContext<K, V> context) {
    try {
      return RedisBackend.open(context);
    } catch (NoClassDefFoundError missing) {
      // Lettuce is an optional dependency; the processor reports it at compile time, this is the run-time net
      throw new VelaException(
          "cache '" + context.cacheName() + "' uses the REDIS backend, but Lettuce is not on the class path; add"
              + " io.lettuce:lettuce-core:6.8.2.RELEASE to the dependencies",
          missing);
    }
  }

  private static <K, V> CacheTopology<K, V> openTopology(
      BackendContext<K, V> context, CacheBackend<K, V> backend, StatsCounter stats, RuntimeSettings settings) {
    CacheConfig config = context.config();
    switch (config.topology()) {
      case LOCAL:
        return new LocalTopology<>(backend);
      case REPLICATED:
      case PARTITIONED:
        try {
          return config.topology() == Topology.REPLICATED
              ? ReplicatedTopology.open(context, backend, stats::snapshot, settings.cluster())
              : PartitionedTopology.open(context, backend, stats::snapshot, settings.cluster());
        } catch (RuntimeException | LinkageError e) {
          backend.close();
          if (e instanceof NoClassDefFoundError missing) {
            throw new VelaException("cache '" + config.name() + "' is " + config.topology() + ", which needs JGroups on the"
                + " class path; add org.jgroups:jgroups:5.5.7.Final (" + missing.getMessage() + " is missing)", missing);
          }
          throw e;
        }
      default:
        backend.close();
        throw new VelaException(
            "cache '" + config.name() + "' uses the " + config.topology() + " topology, which this version of"
                + " vela-runtime does not have yet; use Topology.LOCAL");
    }
  }
}
