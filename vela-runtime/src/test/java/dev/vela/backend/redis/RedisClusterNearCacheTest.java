package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.codec.Codecs;
import dev.vela.testing.Concurrently;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A near cache in front of a REDIS cache on a real Redis Cluster of 3 primaries and 3 replicas:
 * client tracking on every primary reports the writes of another cache instance, on every shard,
 * and follows a failover to the promoted replica.
 */
class RedisClusterNearCacheTest {
  /** How long an invalidation may take to reach the other instance's L1. */
  static final Duration INVALIDATION_BOUND = Duration.ofSeconds(5);

  static Cache<String, String> near(String name, String nodes) {
    return RedisTesting.onCluster(TestCodecs.string(), name, nodes).option("timeout", "1s").nearCache(true).create();
  }

  /** Keys of {@code name} of which at least two live on each primary of {@code cluster}, as formed. */
  static List<String> keysOnEveryPrimary(LocalRedisCluster cluster, String name) {
    RedisKeys keys = new RedisKeys(name, RedisKeys.CLUSTER_BUCKETS);
    int[] perPrimary = new int[cluster.primaries().size()];
    List<String> chosen = new ArrayList<>();
    for (int i = 0; chosen.size() < 2 * perPrimary.length; i++) {
      String key = "k" + i;
      int primary = cluster.primaryIndexOf(keys.entry(RedisKeys.id(Codecs.encode(TestCodecs.string().codec(), key))));
      if (perPrimary[primary] < 2) {
        perPrimary[primary]++;
        chosen.add(key);
      }
    }
    return chosen;
  }

  /** Reads {@code key} until the L1 answers (Redis reports a cache's own writes too, which may empty it once more). */
  static void awaitKeptInL1(Cache<String, String> cache, String key, String expected) {
    Concurrently.await(INVALIDATION_BOUND, key + " is answered by the L1", () -> {
      long before = cache.stats().l1Hits();
      return readsOrFails(cache, key, expected) && cache.stats().l1Hits() > before;
    });
  }

  /** Waits until {@code cache} reads {@code expected} (null: nothing) for {@code key}. */
  static void awaitRead(Cache<String, String> cache, String key, String expected) {
    Concurrently.await(INVALIDATION_BOUND, key + " reads " + expected, () -> readsOrFails(cache, key, expected));
  }

  private static boolean readsOrFails(Cache<String, String> cache, String key, String expected) {
    try {
      return expected == null ? cache.get(key).isEmpty() : cache.get(key).filter(expected::equals).isPresent();
    } catch (VelaException failingOver) {
      return false;
    }
  }

  /** The ports of the servers the near cache tracks, from {@code inspect()}. */
  static Set<Integer> trackedPorts(Cache<String, String> cache) {
    String tracking = cache.inspect().details().getOrDefault("redis.tracking", "");
    return tracking.isEmpty() ? Set.of() : java.util.Arrays.stream(tracking.split(","))
        .map(node -> Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<Integer> ports(List<LocalRedisServer> servers) {
    return servers.stream().map(LocalRedisServer::port).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every key is kept in the reader's L1; then the writer's updates reach it, within the bound. */
  static void updatesReachTheOtherNearCache(Cache<String, String> writer, Cache<String, String> reader,
      List<String> keys, String round) {
    for (String key : keys) {
      writer.put(key, "old-" + round);
      awaitKeptInL1(reader, key, "old-" + round);
    }
    for (String key : keys) {
      writer.put(key, "new-" + round);
    }
    for (String key : keys) {
      awaitRead(reader, key, "new-" + round);
    }
  }

  @Test
  void anUpdateThroughOneInstanceReachesTheOthersNearCacheOnEveryShard() {
    LocalRedisCluster cluster = LocalRedisCluster.shared();
    String name = RedisTesting.uniqueName("cluster-near");
    List<String> keys = keysOnEveryPrimary(cluster, name);
    try (Cache<String, String> first = near(name, cluster.nodes());
        Cache<String, String> second = near(name, cluster.nodes())) {
      assertThat(trackedPorts(first)).isEqualTo(ports(cluster.primaries()));

      updatesReachTheOtherNearCache(first, second, keys, "a");
      updatesReachTheOtherNearCache(second, first, keys, "b");
    }
  }

  @Test
  void deletesTagInvalidationsAndFlushesReachTheNearCacheOnEveryShard() {
    LocalRedisCluster cluster = LocalRedisCluster.shared();
    String name = RedisTesting.uniqueName("cluster-near-wide");
    List<String> keys = keysOnEveryPrimary(cluster, name);
    try (Cache<String, String> writer = near(name, cluster.nodes());
        Cache<String, String> reader = near(name, cluster.nodes())) {
      for (String key : keys) {
        writer.put(key, "v", PutOptions.tags("green"));
        awaitKeptInL1(reader, key, "v");
      }
      assertThat(writer.invalidateTag("green")).isEqualTo(keys.size());
      keys.forEach(key -> awaitRead(reader, key, null));

      for (String key : keys) {
        writer.put(key, "w");
        awaitKeptInL1(reader, key, "w");
      }
      writer.delete(keys.get(0));
      awaitRead(reader, keys.get(0), null);
      writer.flush();
      keys.forEach(key -> awaitRead(reader, key, null));
      assertThat(reader.size()).isZero();
    }
  }
}
