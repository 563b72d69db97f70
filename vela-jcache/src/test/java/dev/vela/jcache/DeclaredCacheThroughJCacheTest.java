package dev.vela.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeclaredCacheThroughJCacheTest {
  private final CachingProvider provider = Caching.getCachingProvider(VelaCachingProvider.class.getName());
  private final CacheManager manager =
      provider.getCacheManager(URI.create("vela:declared-test"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aDeclaredCacheIsReachedByNameAndUnwrapsToTheVelaCache() {
    Cache<String, Integer> cache = manager.getCache("jcacheDeclaredScores", String.class, Integer.class);
    ScoreCache vela = cache.unwrap(ScoreCache.class);

    cache.put("ada", 3);
    vela.put("bob", 5);

    assertThat(vela.get("ada")).contains(3);
    assertThat(cache.get("bob")).isEqualTo(5);
    assertThat(cache.getAll(Set.of("ada", "bob", "cy"))).containsOnlyKeys("ada", "bob");
    assertThat(manager.getCache("jcacheDeclaredScores", String.class, Integer.class)).isSameAs(cache);
    assertThat(manager.getCacheNames()).contains("jcacheDeclaredScores");
  }

  @Test
  void atomicCallsAndEntryProcessorsActOnTheVelaCache() {
    Cache<String, Integer> cache = manager.getCache("jcacheDeclaredScores", String.class, Integer.class);

    assertThat(cache.putIfAbsent("k", 1)).isTrue();
    assertThat(cache.putIfAbsent("k", 2)).isFalse();
    assertThat(cache.replace("k", 1, 10)).isTrue();
    assertThat(cache.getAndReplace("k", 11)).isEqualTo(10);
    Integer doubled = cache.invoke("k", (entry, args) -> {
      entry.setValue(entry.getValue() * 2);
      return entry.getValue();
    });
    assertThat(doubled).isEqualTo(22);
    assertThat(cache.unwrap(ScoreCache.class).get("k")).contains(22);
    assertThat(cache.remove("k", 3)).isFalse();
    assertThat(cache.getAndRemove("k")).isEqualTo(22);
    assertThat(cache.containsKey("k")).isFalse();
  }

  @Test
  void enabledStatisticsShowTheVelaCachesCountersUntilTheCacheCloses() throws Exception {
    Cache<String, Integer> cache = manager.getCache("jcacheDeclaredScores", String.class, Integer.class);
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(
        "javax.cache:type=CacheStatistics,CacheManager=vela.declared-test,Cache=jcacheDeclaredScores");
    manager.enableStatistics("jcacheDeclaredScores", true);
    server.invoke(name, "clear", null, null);

    cache.put("a", 1);
    cache.get("a");
    cache.get("b");

    assertThat(server.getAttribute(name, "CacheHits")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "CacheMisses")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "CachePuts")).isEqualTo(1L);
    cache.close();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void wrongTypesAreRefusedNamingBothTypes() {
    assertThatThrownBy(() -> manager.getCache("jcacheDeclaredScores", String.class, Long.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.Long");
  }

  @Test
  void anUnknownNameGivesNull() {
    assertThat(manager.getCache("noSuchCache", String.class, Integer.class)).isNull();
    assertThat(manager.<String, Integer>getCache("noSuchCache")).isNull();
  }

  @Test
  void aDeclaredNameCannotBeCreatedAgain() {
    assertThatThrownBy(() -> manager.createCache("jcacheDeclaredScores",
        new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class)))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("declared with @VelaCache");
  }

  @Test
  @SuppressWarnings("unchecked") // getConfiguration takes a raw class literal
  void itsConfigurationTellsItsTypesAndClosingTheManagerClosesIt() {
    Cache<String, Integer> cache = manager.getCache("jcacheDeclaredScores", String.class, Integer.class);
    CompleteConfiguration<?, ?> config = cache.getConfiguration(CompleteConfiguration.class);
    assertThat(config.getKeyType()).isEqualTo(String.class);
    assertThat(config.getValueType()).isEqualTo(Integer.class);
    assertThat(config.isStoreByValue()).isFalse();

    manager.close();

    assertThat(cache.isClosed()).isTrue();
    assertThatThrownBy(() -> cache.unwrap(ScoreCache.class).get("a")).isInstanceOf(dev.vela.CacheClosedException.class);
  }
}
