package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import io.lettuce.core.RedisCredentials;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The url and timeout options: defaults, placeholders, refusals, and a password never shown. */
class RedisSettingsTest {

  @Test
  void defaultsToLocalhostAndTwoSeconds() {
    RedisSettings settings = RedisSettings.of(RedisTesting.config("c", Map.of()));

    assertThat(settings.redacted()).isEqualTo("redis://localhost:6379");
    assertThat(settings.uri().getPort()).isEqualTo(6379);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsUserPasswordDatabaseAndTls() {
    RedisSettings settings = RedisSettings.of(RedisTesting.config("c",
        Map.of("url", "rediss://app:pa55@cache.internal:6380/3", "timeout", "750ms")));

    assertThat(settings.uri().isSsl()).isTrue();
    RedisCredentials credentials = settings.uri().getCredentialsProvider().resolveCredentials().block();
    assertThat(credentials.getUsername()).isEqualTo("app");
    assertThat(credentials.getPassword()).containsExactly('p', 'a', '5', '5');
    assertThat(settings.uri().getDatabase()).isEqualTo(3);
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.redacted()).isEqualTo("rediss://cache.internal:6380/3");
    assertThat(settings.toString()).doesNotContain("pa55");
  }

  @Test
  void readsASentinelUrlWithItsSentinelsAndPrimaryName() {
    RedisSettings settings = RedisSettings.of(RedisTesting.config("c",
        Map.of("url", "redis-sentinel://s3cret@10.0.0.1:26379,10.0.0.2:26380/2#orders")));

    assertThat(settings.uri().getSentinelMasterId()).isEqualTo("orders");
    assertThat(settings.uri().getSentinels()).extracting(sentinel -> sentinel.getHost() + ":" + sentinel.getPort())
        .containsExactly("10.0.0.1:26379", "10.0.0.2:26380");
    assertThat(settings.uri().getDatabase()).isEqualTo(2);
    assertThat(settings.redacted()).isEqualTo("redis-sentinel://10.0.0.1:26379,10.0.0.2:26380/2#orders");
  }

  @Test
  void refusesASentinelUrlWithoutThePrimaryName() {
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c",
        Map.of("url", "redis-sentinel://s3cret@10.0.0.1:26379"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("a Sentinel URL without the name of the primary; end it with #primaryName")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void readsClusterSeedNodes() {
    RedisSettings settings = RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "10.0.0.1:7000, 10.0.0.2:7001")));

    assertThat(settings.isCluster()).isTrue();
    assertThat(settings.clusterNodes()).extracting(node -> node.getHost() + ":" + node.getPort())
        .containsExactly("10.0.0.1:7000", "10.0.0.2:7001");
    assertThat(settings.redacted()).isEqualTo("cluster 10.0.0.1:7000,10.0.0.2:7001");
  }

  @Test
  void readsCredentialsAndTlsOnceForEveryClusterNode() {
    RedisSettings settings = RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "rediss://app:pa55@10.0.0.1:7000,10.0.0.2:7001")));
    RedisSettings passwordOnly = RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "redis://s3cret@10.0.0.1:7000")));

    assertThat(settings.clusterNodes()).hasSize(2).allSatisfy(node -> {
      assertThat(node.isSsl()).isTrue();
      RedisCredentials credentials = node.getCredentialsProvider().resolveCredentials().block();
      assertThat(credentials.getUsername()).isEqualTo("app");
      assertThat(credentials.getPassword()).containsExactly('p', 'a', '5', '5');
    });
    assertThat(settings.redacted()).isEqualTo("cluster rediss://10.0.0.1:7000,10.0.0.2:7001");
    assertThat(settings.toString()).doesNotContain("pa55");
    RedisCredentials password = passwordOnly.uri().getCredentialsProvider().resolveCredentials().block();
    assertThat(password.getPassword()).containsExactly("s3cret".toCharArray());
    assertThat(passwordOnly.uri().isSsl()).isFalse();
    assertThat(passwordOnly.redacted()).isEqualTo("cluster 10.0.0.1:7000");
  }

  @Test
  void refusesClusterNodesOfAnotherSchemeOrWithCredentialsButNoSchemeWithoutShowingThem() {
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "http://u:topsecret@10.0.0.1:7000"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("starts with http://, not redis:// or rediss://")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "u:topsecret@10.0.0.1:7000"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("credentials need redis:// or rediss:// in front")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void refusesClusterNodesWithAUrlOrOfTheWrongForm() {
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c",
        Map.of("clusterNodes", "10.0.0.1:7000", "url", "redis://10.0.0.1:6379"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'c' has option clusterNodes, which is given together with url");
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c", Map.of("clusterNodes", "10.0.0.1"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("(\"10.0.0.1\" is not host:port); write the seed nodes as host:port,host:port,...");
  }

  @Test
  void resolvesPlaceholdersWhenTheCacheStarts() {
    String property = "vela.test.redis.url." + System.nanoTime();
    System.setProperty(property, "redis://10.0.0.7:7000");
    try {
      RedisSettings set = RedisSettings.of(RedisTesting.config("c", Map.of("url", "${" + property + ":redis://x:1}")));
      RedisSettings unset = RedisSettings.of(RedisTesting.config("c", Map.of("url", "${" + property + ".unset:redis://x:1}")));

      assertThat(set.redacted()).isEqualTo("redis://10.0.0.7:7000");
      assertThat(unset.redacted()).isEqualTo("redis://x:1");
    } finally {
      System.clearProperty(property);
    }
  }

  @Test
  void refusesAUrlOfAnotherSchemeWithoutShowingItsPassword() {
    assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c", Map.of("url", "http://u:topsecret@host:80"))))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'c'")
        .hasMessageContaining("not a Redis URL")
        .hasMessageContaining("redis://[user:password@]host:port[/database]")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void refusesATimeoutThatIsNotAPositiveFiniteDuration() {
    for (String timeout : new String[] {"0s", "infinity", "soon"}) {
      assertThatThrownBy(() -> RedisSettings.of(RedisTesting.config("c", Map.of("timeout", timeout))))
          .as(timeout)
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("option timeout \"" + timeout + "\"")
          .hasMessageContaining("\"2s\"");
    }
  }
}
