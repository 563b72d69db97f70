package dev.vela.jcache;

import dev.vela.Cache;
import dev.vela.CacheStats;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * A declared cache's own counters ({@link Cache#stats()}, summed over its nodes) as the JCache
 * statistics MXBean: hits and misses of its reads, its writes as puts, its deletes as removals,
 * its evictions. Times are not measured, so the averages are 0. {@link #clear()} starts the counts
 * again from zero without touching the cache's own.
 */
final class DeclaredStatistics implements CacheStatisticsMXBean {
  private final Cache<?, ?> cache;
  private volatile CacheStats baseline = CacheStats.EMPTY;

  DeclaredStatistics(Cache<?, ?> cache) {
    this.cache = cache;
  }

  @Override
  public void clear() {
    baseline = cache.stats();
  }

  private CacheStats since() {
    CacheStats now = cache.stats();
    CacheStats base = baseline;
    return new CacheStats(now.hits() - base.hits(), now.misses() - base.misses(), now.writes() - base.writes(),
        now.deletes() - base.deletes(), now.evictions() - base.evictions(), now.expirations() - base.expirations(),
        now.fetches() - base.fetches(), now.fetchErrors() - base.fetchErrors(),
        now.decodeErrors() - base.decodeErrors(), now.l1Hits() - base.l1Hits(), now.l1Misses() - base.l1Misses());
  }

  @Override
  public long getCacheHits() {
    return since().hits();
  }

  @Override
  public float getCacheHitPercentage() {
    CacheStats stats = since();
    return stats.requests() == 0 ? 0 : stats.hits() * 100f / stats.requests();
  }

  @Override
  public long getCacheMisses() {
    return since().misses();
  }

  @Override
  public float getCacheMissPercentage() {
    CacheStats stats = since();
    return stats.requests() == 0 ? 0 : stats.misses() * 100f / stats.requests();
  }

  @Override
  public long getCacheGets() {
    return since().requests();
  }

  @Override
  public long getCachePuts() {
    return since().writes();
  }

  @Override
  public long getCacheRemovals() {
    return since().deletes();
  }

  @Override
  public long getCacheEvictions() {
    return since().evictions();
  }

  @Override
  public float getAverageGetTime() {
    return 0;
  }

  @Override
  public float getAveragePutTime() {
    return 0;
  }

  @Override
  public float getAverageRemoveTime() {
    return 0;
  }
}
