package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.testing.TestCodecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A REDIS cache on a Redis Cluster whose nodes speak only TLS: {@code rediss://} written once in
 * front of {@code clusterNodes} reaches every shard, the shards Lettuce finds by itself and the
 * near cache's tracking connections included, with the node certificates verified (host name
 * included) against the JVM's trust store; plain {@code redis://} fails saying where.
 */
class RedisClusterTlsTest {
  private static final List<String> TRUST_PROPERTIES = List.of(
      "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");
  private static final Map<String, String> previous = new HashMap<>();
  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    Path dir = Files.createTempDirectory("vela-test-redis-tls");
    dir.toFile().deleteOnExit();
    RedisTlsFiles files = RedisTlsFiles.create(dir);
    files.certificate().toFile().deleteOnExit();
    files.key().toFile().deleteOnExit();
    files.trustStore().toFile().deleteOnExit();
    dir.resolve("keytool.log").toFile().deleteOnExit();
    // the JVM's default trust, as an application would configure it; put back afterwards
    TRUST_PROPERTIES.forEach(property -> previous.put(property, System.getProperty(property)));
    System.setProperty("javax.net.ssl.trustStore", files.trustStore().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", RedisTlsFiles.PASSWORD);
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    cluster = LocalRedisCluster.startWithTls(3, files.certificate(), files.key());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    previous.forEach((property, value) -> {
      if (value == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, value);
      }
    });
  }

  @Test
  void redissReachesEveryShardAndTheNearCacheOverTls() {
    String name = RedisTesting.uniqueName("cluster-tls");
    String nodes = "rediss://" + cluster.nodes();
    List<String> keys = RedisClusterNearCacheTest.keysOnEveryPrimary(cluster, name);
    try (Cache<String, String> near = RedisClusterNearCacheTest.near(name, nodes);
        Cache<String, String> cache = RedisTesting.onCluster(TestCodecs.string(), name, nodes).create()) {
      assertThat(RedisClusterNearCacheTest.trackedPorts(near)).isEqualTo(RedisClusterNearCacheTest.ports(cluster.primaries()));
      RedisClusterNearCacheTest.updatesReachTheOtherNearCache(cache, near, keys, "a");
      for (String key : keys) {
        cache.put(key, "tagged", PutOptions.tags("t"));
      }
      assertThat(near.getAll(keys)).hasSize(keys.size());
      assertThat(near.size()).isEqualTo(keys.size());
      assertThat(cache.invalidateTag("t")).isEqualTo(keys.size());
      assertThat(near.size()).isZero();
      assertThat(cache.inspect().details().get("redis.url")).isEqualTo("cluster " + nodes);
    }
  }

  @Test
  void plainRedisOnTlsNodesFailsSayingWhichNodesAndOption() {
    String name = RedisTesting.uniqueName("cluster-tls-plain");
    assertThatThrownBy(() -> RedisTesting.onCluster(TestCodecs.string(), name, cluster.nodes())
            .option("timeout", "1s").create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("Redis at cluster " + cluster.nodes())
        .hasMessageContaining("clusterNodes option");
  }
}
