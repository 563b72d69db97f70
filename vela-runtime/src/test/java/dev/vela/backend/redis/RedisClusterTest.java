package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.testing.TestCodecs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A REDIS cache on a real Redis Cluster of 3 primaries and 3 replicas: one cache spreads over every
 * shard, transactions lock keys of several buckets, and the cache carries on when a primary is
 * killed and its replica takes over.
 */
class RedisClusterTest {
  private static final Duration FAILOVER_BOUND = Duration.ofSeconds(40);

  private static Cache<String, String> cache(String name, String nodes) {
    return RedisTesting.onCluster(TestCodecs.string(), name, nodes).option("timeout", "1s").create();
  }

  @Test
  void oneCacheSpreadsOverEveryPrimary() {
    LocalRedisCluster cluster = LocalRedisCluster.shared();
    String name = RedisTesting.uniqueName("spread");
    int entries = 30_000;
    try (Cache<String, String> cache = cache(name, cluster.nodes())) {
      for (int batch = 0; batch < entries / 500; batch++) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
          values.put("k" + (batch * 500 + i), "v");
        }
        cache.putAll(values);
      }
      assertThat(cache.size()).isEqualTo(entries);

      List<Long> perPrimary = new ArrayList<>();
      for (LocalRedisServer primary : cluster.primaries()) {
        perPrimary.add(entryKeysOn(primary, name));
      }
      System.out.println("REDIS cluster: entries per primary of one cache of " + entries + ": " + perPrimary);
      assertThat(perPrimary.stream().mapToLong(Long::longValue).sum()).isEqualTo(entries);
      for (long onePrimary : perPrimary) {
        assertThat(onePrimary).isBetween(entries * 20L / 100, entries * 47L / 100);
      }
      List<Long> getsPerPrimary = new ArrayList<>();
      cluster.primaries().forEach(primary -> resetStats(primary));
      for (int i = 0; i < 3_000; i++) {
        assertThat(cache.get("k" + i)).hasValue("v");
      }
      cluster.primaries().forEach(primary -> getsPerPrimary.add(getCalls(primary)));
      System.out.println("REDIS cluster: GETs per primary of 3000 gets of one cache: " + getsPerPrimary);
      assertThat(getsPerPrimary.stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
      cache.flush();
      assertThat(cache.size()).isZero();
    }
  }

  private static void resetStats(LocalRedisServer node) {
    try (RawRedis raw = new RawRedis(node.url())) {
      raw.commands().configResetstat();
    }
  }

  private static long getCalls(LocalRedisServer node) {
    try (RawRedis raw = new RawRedis(node.url())) {
      return raw.commands().info("commandstats").lines().filter(line -> line.startsWith("cmdstat_get:"))
          .mapToLong(line -> Long.parseLong(line.substring("cmdstat_get:calls=".length(), line.indexOf(','))))
          .sum();
    }
  }

  private static long entryKeysOn(LocalRedisServer primary, String name) {
    try (RawRedis raw = new RawRedis(primary.url())) {
      long count = 0;
      ScanArgs match = ScanArgs.Builder.matches("vela:{" + name + ":*}:e:*").limit(1_000);
      KeyScanCursor<String> cursor = raw.commands().scan(match);
      count += cursor.getKeys().size();
      while (!cursor.isFinished()) {
        cursor = raw.commands().scan(ScanCursor.of(cursor.getCursor()), match);
        count += cursor.getKeys().size();
      }
      return count;
    }
  }

  @Test
  void aTransactionLocksKeysOfSeveralBuckets() {
    String name = RedisTesting.uniqueName("cluster-tx");
    try (Cache<String, String> cache = cache(name, LocalRedisCluster.shared().nodes());
        RawRedis raw = new RawRedis(LocalRedisCluster.shared().primaries().get(0).url())) {
      List<String> keys = List.of("a", "b", "c", "d", "e", "f");

      int locked = cache.transaction(keys, tx -> {
        keys.forEach(key -> tx.put(key, "in"));
        return keys.size();
      });

      assertThat(locked).isEqualTo(6);
      assertThat(cache.getAll(keys)).hasSize(6).allSatisfy((key, value) -> assertThat(value).isEqualTo("in"));
      assertThat(cache.deleteAll(keys)).isEqualTo(6);
    }
  }

  @Test
  void theCacheAndItsNearCacheCarryOnWhenAPrimaryIsKilledUnderLoad() throws Exception {
    try (LocalRedisCluster cluster = LocalRedisCluster.start(3)) {
      String name = RedisTesting.uniqueName("cluster-failover");
      Duration timeout = Duration.ofSeconds(1);
      List<String> nearKeys = RedisClusterNearCacheTest.keysOnEveryPrimary(cluster, name);
      try (Cache<String, String> cache = cache(name, cluster.nodes());
          Cache<String, String> near = RedisClusterNearCacheTest.near(name, cluster.nodes());
          RawRedis replica = new RawRedis(cluster.replicas().get(0).url())) {
        for (int i = 0; i < 100; i++) {
          cache.put("before" + i, "v" + i, PutOptions.tags(i % 2 == 0 ? "even" : "odd"));
        }
        for (String key : nearKeys) {
          cache.put(key, "kept", PutOptions.tags("near"));
          RedisClusterNearCacheTest.awaitKeptInL1(near, key, "kept");
        }
        awaitReplicated(cluster);

        FailoverLoad.Outcome outcome = FailoverLoad.run(cache, timeout, () -> cluster.primaries().get(0).kill(),
            message -> message.startsWith("Redis at cluster ")
                && (message.contains(" is unreachable (") || message.contains(" while it fails over (")),
            () -> replica.commands().info("replication").contains("role:master"));

        System.out.println("REDIS cluster failover under load: " + outcome);
        assertThat(isPrimary(cluster.replicas().get(0))).as("the replica was promoted").isTrue();
        // acknowledged and replicated before the kill: all there on the new primary
        for (int i = 0; i < 100; i++) {
          assertThat(cache.get("before" + i)).hasValue("v" + i);
        }
        assertThat(cache.invalidateTag("even")).isEqualTo(50);
        assertThat(cache.invalidateTag("near")).isEqualTo(nearKeys.size());
        assertThat(cache.size()).isEqualTo(50 + FailoverLoad.THREADS * FailoverLoad.KEYS_PER_THREAD);

        // the near cache tracks the promoted replica instead of the dead primary, and hears of writes on every shard
        Set<Integer> primariesNow = RedisClusterNearCacheTest.ports(
            List.of(cluster.replicas().get(0), cluster.primaries().get(1), cluster.primaries().get(2)));
        poll("the near cache tracks the new primary",
            () -> RedisClusterNearCacheTest.trackedPorts(near).equals(primariesNow)
                && "true".equals(near.inspect().details().get("nearCache.feedsLive")));
        RedisClusterNearCacheTest.updatesReachTheOtherNearCache(cache, near, nearKeys, "after");
      }
    }
  }

  private static boolean isPrimary(LocalRedisServer node) {
    try (RawRedis raw = new RawRedis(node.url())) {
      return raw.commands().info("replication").contains("role:master");
    }
  }

  /** Waits until every replica has every write its primary has (equal replication offsets). */
  private static void awaitReplicated(LocalRedisCluster cluster) {
    for (int i = 0; i < cluster.primaries().size(); i++) {
      try (RawRedis primary = new RawRedis(cluster.primaries().get(i).url());
          RawRedis replica = new RawRedis(cluster.replicas().get(i).url())) {
        long offset = offset(primary.commands().info("replication"), "master_repl_offset:");
        poll("replica " + i + " caught up",
            () -> offset(replica.commands().info("replication"), "slave_repl_offset:") >= offset);
      }
    }
  }

  private static long offset(String info, String field) {
    return info.lines().filter(line -> line.startsWith(field)).mapToLong(line -> Long.parseLong(
        line.substring(field.length()).trim())).findFirst().orElse(-1);
  }

  private static void poll(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + FAILOVER_BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("%s within %s", what, FAILOVER_BOUND).isNegative();
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
