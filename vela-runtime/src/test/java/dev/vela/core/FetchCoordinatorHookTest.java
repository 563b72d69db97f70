package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.FetchCoordinator;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import dev.vela.topology.LocalTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** getOrFetch asks a backend's fetch coordinator, when there is one, before it fetches. */
class FetchCoordinatorHookTest {
  private final ManualClock clock = new ManualClock();
  private final List<String> coordinated = new CopyOnWriteArrayList<>();

  @Test
  void aMissGoesThroughTheCoordinatorWhichMayRunTheFetch() {
    CoreCache<String, String> cache = cacheWith((key, fetchAndStore) -> {
      coordinated.add(key);
      return fetchAndStore.apply(key);
    });

    assertThat(cache.getOrFetch("k", key -> "fetched " + key)).isEqualTo("fetched k");
    assertThat(cache.getOrFetch("k", key -> "fetched again")).isEqualTo("fetched k");

    assertThat(coordinated).containsExactly("k");
    assertThat(cache.stats().fetches()).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
  }

  @Test
  void aValueAnotherProcessFetchedIsReturnedWithoutFetchingHere() {
    CoreCache<String, String> cache = cacheWith((key, fetchAndStore) -> "fetched elsewhere");

    assertThat(cache.getOrFetch("k", key -> {
      throw new AssertionError("the other process fetched it");
    })).isEqualTo("fetched elsewhere");

    assertThat(cache.stats().fetches()).isZero();
  }

  @Test
  void withoutStampedeProtectionTheCoordinatorIsNotAsked() {
    CoreCache<String, String> cache = cacheWith((key, fetchAndStore) -> {
      throw new AssertionError("not asked");
    }, false);

    assertThat(cache.getOrFetch("k", key -> "fetched")).isEqualTo("fetched");
  }

  private CoreCache<String, String> cacheWith(FetchCoordinator<String, String> coordinator) {
    return cacheWith(coordinator, true);
  }

  private CoreCache<String, String> cacheWith(FetchCoordinator<String, String> coordinator, boolean stampedeProtection) {
    CacheConfig config = new CacheConfig("coordinated", Backend.MEMORY, Map.of(), Topology.LOCAL, Map.of(),
        Durations.INFINITE, -1, EvictionPolicy.TTL_ONLY, stampedeProtection, Duration.ofSeconds(5), true,
        List.of("vela", "cache"), Durations.INFINITE, false, Duration.ofSeconds(60));
    CacheBackend<String, String> backend = new Coordinated(MemoryBackend.unbounded(clock, (k, v, cause) -> { }), coordinator);
    return new CoreCache<>(config, new CacheTypes<>(TestCodecs.string(), TestCodecs.string()),
        new ExpiryTimes(clock, config.defaultTtl()), StatsCounter.create(true), new LocalTopology<>(backend), null);
  }

  /** A memory backend that offers a fetch coordinator, as one shared between processes would. */
  private record Coordinated(CacheBackend<String, String> memory, FetchCoordinator<String, String> coordinator)
      implements CacheBackend<String, String> {

    @Override
    public Optional<FetchCoordinator<String, String>> fetchCoordinator() {
      return Optional.of(coordinator);
    }

    @Override
    public String get(String key) {
      return memory.get(key);
    }

    @Override
    public StoredEntry<String> entry(String key) {
      return memory.entry(key);
    }

    @Override
    public void put(String key, String value, long expiresAtMillis, Set<String> tags) {
      memory.put(key, value, expiresAtMillis, tags);
    }

    @Override
    public void putAll(Map<String, StoredEntry<String>> entries) {
      memory.putAll(entries);
    }

    @Override
    public boolean delete(String key) {
      return memory.delete(key);
    }

    @Override
    public long size() {
      return memory.size();
    }

    @Override
    public long flush() {
      return memory.flush();
    }

    @Override
    public long invalidateTag(String tag) {
      return memory.invalidateTag(tag);
    }

    @Override
    public Stream<Map.Entry<String, StoredEntry<String>>> entries() {
      return memory.entries();
    }

    @Override
    public long removeExpired(int batchSize) {
      return memory.removeExpired(batchSize);
    }

    @Override
    public long heldEntries() {
      return memory.heldEntries();
    }

    @Override
    public Map<String, String> details() {
      return memory.details();
    }

    @Override
    public void close() {
      memory.close();
    }
  }
}
