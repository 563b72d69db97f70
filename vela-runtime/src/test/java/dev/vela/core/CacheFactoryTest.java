package dev.vela.core;

import dev.vela.CacheBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring: what the factory builds, and what it refuses with a reason. */
class CacheFactoryTest {
  private final ManualClock clock = new ManualClock();
  private final CacheTypes<String, String> types = new CacheTypes<>(TestCodecs.string(), TestCodecs.string());

  @Test
  void aBoundedCacheGetsABoundedBackend() {
    try (Cache<String, String> cache =
        TestCaches.strings("bounded", clock).maxSize(5).evictionPolicy(EvictionPolicy.LRU).create()) {
      assertThat(cache.inspect().details())
          .containsEntry("memory.bounded", "true")
          .containsEntry("memory.maxSize", "5")
          .containsEntry("memory.evictionOrder", "LRU");
    }
  }

  @Test
  void aDiskCacheGetsTheDiskBackendWithItsStoreUnderDataDir(@TempDir Path dataDir) {
    var builder = new CacheBuilder<String, String, Cache<String, String>>(types, "orders", Backend.DISK, Topology.LOCAL,
        c -> c).option("dataDir", dataDir.toString()).clock(clock);
    try (Cache<String, String> cache = builder.create()) {
      cache.put("k", "v");
      assertThat(cache.get("k")).contains("v");
      assertThat(cache.inspect().details())
          .containsEntry("disk.store", dataDir.resolve("orders.vela.db").toString())
          .containsEntry("disk.fsync", "every 1000ms");
    }
  }

  @Test
  void aSizeLimitWithoutAnEvictingPolicyIsRefused() {
    var config = TestCaches.strings("odd", clock).config();
    var bounded = new dev.vela.config.CacheConfig(
        config.name(), config.backend(), config.backendOptions(), config.topology(), config.topologyOptions(),
        config.defaultTtl(), 10, EvictionPolicy.TTL_ONLY, config.stampedeProtection(), config.stampedeTimeout(),
        config.statsEnabled(), config.telemetryPrefix(), config.sweepInterval(), config.nearCache(),
        config.nearCacheL1Ttl());

    assertThatThrownBy(() -> CacheFactory.open(bounded, types, new RuntimeSettings(clock)))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("'odd'")
        .hasMessageContaining("LRU or LFU");
  }
}
