package dev.vela.core;

import dev.vela.FetchException;
import dev.vela.PutOptions;
import dev.vela.backend.FetchCoordinator;
import dev.vela.telemetry.CacheTelemetry;
import dev.vela.topology.CacheTopology;
import dev.vela.topology.KeyText;
import java.util.function.Function;

/**
 * What {@code getOrFetch} does after a miss: one fetch per key in this JVM (single flight), one per
 * key across processes or nodes when the backend or topology coordinates fetches, the fetcher's
 * failures turned into {@link FetchException}s, and the fetched value stored and counted.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class FetchPath<K, V> {
  /** Stores a fetched value as a put would, under the cache's key locks. */
  @FunctionalInterface
  interface Store<K, V> {
    void store(K key, V value, PutOptions options);
  }

  private final String cacheName;
  private final CacheTopology<K, V> topology;
  private final StatsCounter stats;
  private final CacheTelemetry telemetry; // null when nothing listens
  private final SingleFlight<K, V> flights; // null without stampede protection
  private final FetchCoordinator<K, V> shared; // null unless the backend is shared by several processes
  private final Store<K, V> store;

  FetchPath(
      String cacheName, CacheTopology<K, V> topology, StatsCounter stats, CacheTelemetry telemetry,
      SingleFlight<K, V> flights, Store<K, V> store) {
    this.cacheName = cacheName;
    this.topology = topology;
    this.stats = stats;
    this.telemetry = telemetry;
    this.flights = flights;
    this.shared = topology.localBackend().fetchCoordinator().orElse(null);
    this.store = store;
  }

  /** Fetches and stores the value of {@code key}, which was just missed. */
  V afterMiss(K key, Function<? super K, ? extends V> fetcher, PutOptions options) {
    if (flights == null) {
      return fetchAndStore(key, fetcher, options);
    }
    return flights.run(key, k -> {
      // a fetch that just finished may have stored it between our miss and our turn as leader
      V stored = topology.get(k);
      if (stored != null) {
        return stored;
      }
      // a backend shared by several processes lets one of them fetch, and on a cluster the topology
      // lets one node fetch; the others wait for that value
      return shared != null
          ? shared.fetchOnce(k, sharedKey -> fetchAndStore(sharedKey, fetcher, options))
          : topology.fetchOnce(k, () -> fetchAndStore(k, fetcher, options));
    });
  }

  private V fetchAndStore(K key, Function<? super K, ? extends V> fetcher, PutOptions options) {
    if (telemetry == null) {
      return countedFetchAndStore(key, fetcher, options);
    }
    long start = telemetry.startTime();
    boolean fetched = false;
    try {
      V value = countedFetchAndStore(key, fetcher, options);
      fetched = true;
      return value;
    } finally {
      telemetry.recordFetch(key, fetched, start);
    }
  }

  private V countedFetchAndStore(K key, Function<? super K, ? extends V> fetcher, PutOptions options) {
    stats.recordFetch();
    V value;
    try {
      value = fetcher.apply(key);
    } catch (Exception e) {
      stats.recordFetchError();
      throw new FetchException(
          "the fetcher for key " + KeyText.of(key) + " of cache '" + cacheName + "' threw " + e + "; nothing was cached",
          e);
    } catch (Error e) {
      stats.recordFetchError();
      throw e;
    }
    if (value == null) {
      stats.recordFetchError();
      throw new FetchException(
          "the fetcher for key " + KeyText.of(key) + " of cache '" + cacheName + "' returned null; nothing was"
              + " cached. Return a value, or throw when there is none",
          null);
    }
    store.store(key, value, options);
    return value;
  }
}
