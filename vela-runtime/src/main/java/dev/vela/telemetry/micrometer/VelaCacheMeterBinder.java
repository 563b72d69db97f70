package dev.vela.telemetry.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.List;

/**
 * Micrometer's standard cache meters, read from the cache's stats: {@code cache.gets} (hit and
 * miss), {@code cache.puts} (every entry written), {@code cache.evictions} and {@code cache.size},
 * tagged with the cache's name, as the binders of other caches register them.
 *
 * <p>Micrometer holds the counters only weakly; {@link MicrometerTelemetry} keeps them reachable
 * for as long as the cache is.
 */
final class VelaCacheMeterBinder extends CacheMeterBinder<CacheCounters> {

  VelaCacheMeterBinder(CacheCounters counters, String cacheName) {
    super(counters, cacheName, List.<Tag>of());
  }

  @Override
  protected Long size() {
    CacheCounters counters = getCache();
    if (counters == null) {
      return null;
    }
    try {
      return counters.size().getAsLong();
    } catch (RuntimeException e) {
      return null; // closing, or the backend cannot tell now: Micrometer shows 0 rather than failing the scrape
    }
  }

  @Override
  protected long hitCount() {
    CacheCounters counters = getCache();
    return counters == null ? 0 : counters.stats().get().hits();
  }

  @Override
  protected Long missCount() {
    CacheCounters counters = getCache();
    return counters == null ? null : counters.stats().get().misses();
  }

  @Override
  protected Long evictionCount() {
    CacheCounters counters = getCache();
    return counters == null ? null : counters.stats().get().evictions();
  }

  @Override
  protected long putCount() {
    CacheCounters counters = getCache();
    return counters == null ? 0 : counters.stats().get().writes();
  }

  @Override
  protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
    // Vela's own meters are the operation timers of MicrometerTelemetry
  }
}
