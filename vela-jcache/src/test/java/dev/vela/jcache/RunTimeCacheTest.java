package dev.vela.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.entry.HookedStore;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Date;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunTimeCacheTest {
  private final CacheManager manager = Caching.getCachingProvider(VelaCachingProvider.class.getName())
      .getCacheManager(URI.create("vela:run-time-test"), getClass().getClassLoader());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void storeByValueKeepsWhatWasPutWhenTheCallerChangesItsObject() {
    Cache<String, Date> cache =
        manager.createCache("dates", new MutableConfiguration<String, Date>().setTypes(String.class, Date.class));
    Date date = new Date(1_000);

    cache.put("d", date);
    date.setTime(2_000);
    cache.get("d").setTime(3_000);

    assertThat(cache.get("d")).isEqualTo(new Date(1_000));
  }

  @Test
  void storeByValueRefusesAValueItCannotCopy() {
    Cache<String, Object> cache = manager.createCache("objects", new MutableConfiguration<String, Object>());

    assertThatThrownBy(() -> cache.put("o", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("not Serializable");
  }

  @Test
  @SuppressWarnings("unchecked") // getConfiguration takes a raw class literal
  void aCopierGivenInTheConfigurationCopiesWhatTheDefaultCannot() {
    Cache<String, Counter> cache = manager.createCache("counters", new VelaCacheConfiguration<String, Counter>()
        .setCopier(new Copier() {
          @Override
          @SuppressWarnings("unchecked") // a Counter in, a Counter out
          public <T> T copy(T object) {
            return object instanceof Counter counter ? (T) new Counter(counter.count) : object;
          }
        })
        .setTypes(String.class, Counter.class));
    Counter counter = new Counter(1);

    cache.put("c", counter);
    counter.count = 2;
    cache.get("c").count = 3;

    assertThat(cache.get("c").count).isEqualTo(1);
    assertThat(cache.getConfiguration(VelaCacheConfiguration.class).getCopier()).isNotNull();
  }

  /** Mutable and not Serializable: the default copier refuses it. */
  static final class Counter {
    int count;

    Counter(int count) {
      this.count = count;
    }
  }

  @Test
  void storeByReferenceHandsBackTheSameObject() {
    Cache<String, Date> cache = manager.createCache("byReference",
        new MutableConfiguration<String, Date>().setTypes(String.class, Date.class).setStoreByValue(false));
    Date date = new Date(1_000);

    cache.put("d", date);

    assertThat(cache.get("d")).isSameAs(date);
  }

  @Test
  void wrongTypesAreRefusedNamingBothTypes() {
    manager.createCache("typed", new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));

    assertThatThrownBy(() -> manager.getCache("typed", Long.class, String.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("java.lang.Long");
  }

  @Test
  void mxBeansAreRegisteredUnderTheSpecsNamesAndGoneAfterClose() throws Exception {
    Cache<String, Integer> cache = manager.createCache("managed", new MutableConfiguration<String, Integer>()
        .setTypes(String.class, Integer.class).setStatisticsEnabled(true).setManagementEnabled(true));
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName statistics =
        new ObjectName("javax.cache:type=CacheStatistics,CacheManager=vela.run-time-test,Cache=managed");
    ObjectName configuration =
        new ObjectName("javax.cache:type=CacheConfiguration,CacheManager=vela.run-time-test,Cache=managed");

    cache.put("a", 1);
    cache.get("a");
    cache.get("b");

    assertThat(server.getAttribute(statistics, "CacheHits")).isEqualTo(1L);
    assertThat(server.getAttribute(statistics, "CacheMisses")).isEqualTo(1L);
    assertThat(server.getAttribute(statistics, "CachePuts")).isEqualTo(1L);
    assertThat(server.getAttribute(configuration, "KeyType")).isEqualTo("java.lang.String");
    cache.close();
    assertThat(server.isRegistered(statistics)).isFalse();
    assertThat(server.isRegistered(configuration)).isFalse();
  }

  @Test
  void aRunTimeCacheUnwrapsToItsHookedStore() {
    Cache<String, Integer> cache =
        manager.createCache("unwrapped", new MutableConfiguration<String, Integer>()
            .setTypes(String.class, Integer.class));
    cache.put("a", 1);

    assertThat(cache.unwrap(HookedStore.class).size()).isEqualTo(1);
    assertThatThrownBy(() -> cache.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
  }
}
