package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.testing.TestCodecs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A REDIS cache on a Redis Cluster whose nodes want a password ({@code requirepass}, replicas
 * authenticating with {@code masterauth}) and know an ACL user: the credentials written once in
 * {@code clusterNodes} reach every shard, the near cache's tracking connections included, and are
 * never shown.
 */
class RedisClusterCredentialsTest {
  private static final String PASSWORD = "cluster-pa55";
  private static final String USER = "vela-app";
  private static final String USER_PASSWORD = "user-pa55";
  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = LocalRedisCluster.startWithPassword(3, PASSWORD, USER, USER_PASSWORD);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static String nodes(String credentials) {
    return "redis://" + credentials + "@" + cluster.nodes();
  }

  @Test
  void aPasswordOrAnAclUserReachesEveryShardAndTheNearCache() {
    String name = RedisTesting.uniqueName("cluster-auth");
    List<String> keys = RedisClusterNearCacheTest.keysOnEveryPrimary(cluster, name);
    try (Cache<String, String> byPassword = RedisClusterNearCacheTest.near(name, nodes(PASSWORD));
        Cache<String, String> byUser = RedisTesting.onCluster(TestCodecs.string(), name,
            nodes(USER + ":" + USER_PASSWORD)).create()) {
      assertThat(RedisClusterNearCacheTest.trackedPorts(byPassword))
          .isEqualTo(RedisClusterNearCacheTest.ports(cluster.primaries()));

      RedisClusterNearCacheTest.updatesReachTheOtherNearCache(byUser, byPassword, keys, "a");
      for (String key : keys) {
        byUser.put(key, "tagged", PutOptions.tags("t"));
      }
      assertThat(byPassword.size()).isEqualTo(keys.size());
      assertThat(byPassword.invalidateTag("t")).isEqualTo(keys.size());
      assertThat(byUser.size()).isZero();

      String shown = byPassword.inspect().details().get("redis.url") + byUser.inspect().details().get("redis.url");
      assertThat(shown).contains(cluster.nodes()).doesNotContain(PASSWORD).doesNotContain(USER_PASSWORD);
    }
  }

  @Test
  void aWrongOrMissingPasswordIsRefusedSayingWhatToCheck() {
    String name = RedisTesting.uniqueName("cluster-auth-refused");
    assertThatThrownBy(() -> RedisTesting.onCluster(TestCodecs.string(), name, nodes("not-the-pa55")).create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("Redis at cluster " + cluster.nodes())
        .hasMessageContaining("clusterNodes option")
        .hasMessageNotContaining("not-the-pa55");
    assertThatThrownBy(() -> RedisTesting.onCluster(TestCodecs.string(), name, cluster.nodes()).create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("Redis at cluster " + cluster.nodes())
        .hasMessageContaining("clusterNodes option");
  }
}
