package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A REDIS cache on a primary with a replica under three Sentinels: the cache finds the primary
 * through them, and when the primary is killed and the replica promoted it carries on by itself.
 */
class RedisSentinelTest {
  private static final String PRIMARY_NAME = "vela-primary";
  /** Sentinels see the primary down after 1 s, then elect a leader and promote within a few seconds. */
  private static final Duration FAILOVER_BOUND = Duration.ofSeconds(30);
  private LocalRedisServer primary;
  private LocalRedisServer replica;
  private final List<LocalRedisServer> sentinels = new ArrayList<>();

  @BeforeEach
  void startServers() {
    primary = LocalRedisServer.start();
    replica = LocalRedisServer.startReplicaOf(primary);
    for (int i = 0; i < 3; i++) {
      sentinels.add(LocalRedisServer.startSentinel(PRIMARY_NAME, primary, 2));
    }
  }

  @AfterEach
  void stopServers() {
    sentinels.forEach(LocalRedisServer::close);
    replica.close();
    primary.close();
  }

  private String sentinelUrl() {
    StringBuilder url = new StringBuilder("redis-sentinel://");
    for (int i = 0; i < sentinels.size(); i++) {
      url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
    }
    return url.append('#').append(PRIMARY_NAME).toString();
  }

  /** The port of the primary the Sentinels name now. */
  private static int primaryPort(StatefulRedisSentinelConnection<String, String> sentinel) {
    return ((InetSocketAddress) sentinel.sync().getMasterAddrByName(PRIMARY_NAME)).getPort();
  }

  /** Polls {@code condition} every 20 ms until it holds, failing after {@code bound}. */
  private static void poll(Duration bound, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("%s within %s", what, bound).isNegative();
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  /** Waits until the replica holds as many keys as the primary. */
  private void awaitReplicated() {
    RedisClient client = RedisClient.create(replica.url());
    RedisClient primaryClient = RedisClient.create(primary.url());
    try (StatefulRedisConnection<String, String> onReplica = client.connect();
        StatefulRedisConnection<String, String> onPrimary = primaryClient.connect()) {
      long keys = onPrimary.sync().dbsize();
      poll(Duration.ofSeconds(10), "the replica caught up", () -> onReplica.sync().dbsize() == keys);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      primaryClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Test
  void theCacheFindsThePrimaryThroughSentinelAndFollowsAFailoverUnderLoad() throws Exception {
    String name = RedisTesting.uniqueName("sentinel");
    Duration timeout = Duration.ofSeconds(1);
    try (Cache<String, String> cache = RedisTesting.strings(name, sentinelUrl()).option("timeout", "1s").create();
        Cache<String, String> near = RedisTesting.strings(name, sentinelUrl()).option("timeout", "1s")
            .nearCache(true).create()) {
      for (int i = 0; i < 100; i++) {
        cache.put("before" + i, "v" + i, PutOptions.tags(i % 2 == 0 ? "even" : "odd"));
      }
      awaitReplicated();
      assertThat(cache.inspect().details()).containsEntry("redis.url", sentinelUrl());
      RedisClusterNearCacheTest.awaitKeptInL1(near, "before1", "v1");

      RedisClient client = RedisClient.create(sentinels.get(0).url());
      FailoverLoad.Outcome outcome;
      try (StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
        outcome = FailoverLoad.run(cache, timeout, primary::kill,
            message -> message.startsWith("Redis at " + sentinelUrl() + " ")
                && (message.contains(" is unreachable (") || message.contains(" while it fails over (")),
            () -> primaryPort(sentinel) == replica.port());
        assertThat(primaryPort(sentinel)).as("the Sentinels promoted the replica").isEqualTo(replica.port());
        // each election a Sentinel starts takes a new epoch: 1 when the first one elected a leader
        System.out.println("REDIS Sentinel failover: the promotion's epoch was "
            + sentinel.sync().master(PRIMARY_NAME).get("config-epoch"));
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }

      System.out.println("REDIS Sentinel failover under load: " + outcome);
      // acknowledged and replicated before the kill: all there on the new primary
      for (int i = 0; i < 100; i++) {
        assertThat(cache.get("before" + i)).hasValue("v" + i);
      }
      assertThat(cache.invalidateTag("even")).isEqualTo(50);
      assertThat(cache.size()).isEqualTo(50 + FailoverLoad.THREADS * FailoverLoad.KEYS_PER_THREAD);
      // the near cache's tracking follows the new primary too
      poll(FAILOVER_BOUND, "the near cache tracks the new primary",
          () -> "true".equals(near.inspect().details().get("nearCache.feedsLive")));
      RedisClusterNearCacheTest.updatesReachTheOtherNearCache(cache, near, List.of("before1", "before3", "x"),
          "after");
    }
  }
}
