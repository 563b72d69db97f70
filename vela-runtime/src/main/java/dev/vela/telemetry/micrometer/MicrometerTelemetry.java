package dev.vela.telemetry.micrometer;

import dev.vela.CacheStats;
import dev.vela.telemetry.CacheEvent;
import dev.vela.telemetry.CacheListener;
import dev.vela.telemetry.MeterNames;
import dev.vela.telemetry.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Micrometer meters of one cache. With {@code telemetryPrefix} {@code ["vela", "cache"]}:
 *
 * <ul>
 *   <li>timers {@code vela.cache.get{result=hit|miss}}, {@code vela.cache.put{result=ok|error}},
 *       {@code vela.cache.fetch{result=ok|error}} and {@code vela.cache.invalidate_tag{result=ok|error}},
 *       each tagged {@code cache=<name>};
 *   <li>counter {@code vela.cache.invalidate_tag.removed{cache}}: entries removed by tag;
 *   <li>Micrometer's standard {@code cache.gets{result=hit|miss}}, {@code cache.puts},
 *       {@code cache.evictions} and {@code cache.size}, tagged {@code cache=<name>}, read from
 *       {@code stats()} (so they stay zero with {@code statsEnabled = false}).
 * </ul>
 *
 * <p>It receives the cache's events as a {@link CacheListener}, and {@link #close()} removes every
 * meter above when the cache closes. Caches sharing a registry need distinct names: Micrometer
 * joins meters with equal names and tags.
 */
public final class MicrometerTelemetry implements CacheListener, AutoCloseable {
  private static final List<String> STANDARD_CACHE_METERS = List.of("cache.gets", "cache.puts", "cache.evictions", "cache.size");

  private final MeterRegistry registry;
  private final String cacheName;
  private final List<String> timerNames;
  private final String removedName;
  private final OperationTimers get;
  private final OperationTimers put;
  private final OperationTimers fetch;
  private final OperationTimers invalidateTag;
  private final Counter removedByTag;
  private final CacheCounters counters; // held here: Micrometer's cache meters hold it only weakly

  private MicrometerTelemetry(MeterRegistry registry, String cacheName, List<String> prefix, CacheCounters counters) {
    this.registry = registry;
    this.cacheName = cacheName;
    this.counters = counters;
    String getName = MeterNames.join(prefix, "get");
    String putName = MeterNames.join(prefix, "put");
    String fetchName = MeterNames.join(prefix, "fetch");
    String invalidateName = MeterNames.join(prefix, "invalidate_tag");
    this.timerNames = List.of(getName, putName, fetchName, invalidateName);
    this.removedName = invalidateName + ".removed";
    this.get = OperationTimers.register(
        registry, getName, "Reads that count as hits or misses", cacheName, Outcome.HIT, Outcome.MISS);
    this.put = OperationTimers.register(registry, putName, "Puts of one entry", cacheName, Outcome.OK, Outcome.ERROR);
    this.fetch = OperationTimers.register(
        registry, fetchName, "Fetcher calls of getOrFetch, with the store of their value", cacheName, Outcome.OK,
        Outcome.ERROR);
    this.invalidateTag = OperationTimers.register(
        registry, invalidateName, "Invalidations of a tag", cacheName, Outcome.OK, Outcome.ERROR);
    this.removedByTag = Counter.builder(removedName)
        .description("Entries removed by invalidating a tag")
        .baseUnit("entries")
        .tag("cache", cacheName)
        .register(registry);
    new VelaCacheMeterBinder(counters, cacheName).bindTo(registry);
  }

  /**
   * Registers the meters of cache {@code cacheName} in {@code registry}.
   *
   * @param registry where the meters go
   * @param cacheName the cache's name, the {@code cache} tag of every meter
   * @param telemetryPrefix the parts of the timer names, each valid by {@link MeterNames#isValidPrefixPart}
   * @param stats the cache's counters, read by the standard cache meters
   * @param size how many entries the cache holds, read by {@code cache.size}
   * @throws IllegalArgumentException when a prefix part is not valid
   */
  public static MicrometerTelemetry bind(
      MeterRegistry registry, String cacheName, List<String> telemetryPrefix, Supplier<CacheStats> stats,
      LongSupplier size) {
    Objects.requireNonNull(registry, "registry must not be null");
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    Objects.requireNonNull(stats, "stats must not be null");
    Objects.requireNonNull(size, "size must not be null");
    return new MicrometerTelemetry(registry, cacheName, List.copyOf(telemetryPrefix), new CacheCounters(stats, size));
  }

  @Override
  public void onEvent(CacheEvent event) {
    timersOf(event).forResult(event.result()).record(event.durationNanos(), TimeUnit.NANOSECONDS);
    if (event instanceof CacheEvent.InvalidateTag invalidation) {
      removedByTag.increment(invalidation.count());
    }
  }

  private OperationTimers timersOf(CacheEvent event) {
    if (event instanceof CacheEvent.Get) {
      return get;
    } else if (event instanceof CacheEvent.Put) {
      return put;
    } else if (event instanceof CacheEvent.Fetch) {
      return fetch;
    }
    return invalidateTag;
  }

  /** Removes this cache's meters from the registry. */
  @Override
  public void close() {
    for (String name : timerNames) {
      removeAll(registry.find(name).tag("cache", cacheName));
    }
    removeAll(registry.find(removedName).tag("cache", cacheName));
    for (String name : STANDARD_CACHE_METERS) {
      removeAll(registry.find(name).tag("cache", cacheName));
    }
  }

  private void removeAll(Search search) {
    search.meters().forEach(registry::remove);
  }

  @Override
  public String toString() {
    return "MicrometerTelemetry[" + cacheName + " in " + registry.getClass().getSimpleName() + "]";
  }
}
