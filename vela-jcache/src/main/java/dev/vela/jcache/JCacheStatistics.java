package dev.vela.jcache;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The counters of one JCache cache, as the spec's statistics table defines them, exposed as its
 * {@code CacheStatistics} MXBean. Times are in microseconds. Lock-free.
 */
final class JCacheStatistics implements CacheStatisticsMXBean {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();
  private volatile boolean enabled;

  boolean enabled() {
    return enabled;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The start of a timed operation, or 0 when statistics are off (no clock read). */
  long start() {
    return enabled ? System.nanoTime() : 0;
  }

  void hits(long count) {
    if (enabled) {
      hits.add(count);
    }
  }

  void misses(long count) {
    if (enabled) {
      misses.add(count);
    }
  }

  void read(boolean hit, long start) {
    if (enabled) {
      (hit ? hits : misses).increment();
      getNanos.add(System.nanoTime() - start);
    }
  }

  void getTime(long start) {
    if (enabled) {
      getNanos.add(System.nanoTime() - start);
    }
  }

  void puts(long count, long start) {
    if (enabled && count > 0) {
      puts.add(count);
      putNanos.add(System.nanoTime() - start);
    }
  }

  void removals(long count, long start) {
    if (enabled && count > 0) {
      removals.add(count);
      removeNanos.add(System.nanoTime() - start);
    }
  }

  @Override
  public void clear() {
    for (LongAdder adder : new LongAdder[] {hits, misses, puts, removals, evictions, getNanos, putNanos, removeNanos}) {
      adder.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0 : getCacheHits() * 100f / gets;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0 : getCacheMisses() * 100f / gets;
  }

  @Override
  public long getCacheGets() {
    return hits.sum() + misses.sum();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return average(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return average(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return average(removeNanos.sum(), getCacheRemovals());
  }

  private static float average(long nanos, long count) {
    return count == 0 ? 0 : nanos / 1000f / count;
  }
}
