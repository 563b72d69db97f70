package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * Least-frequently-used order with least-recently-used tie-break, in O(1) per operation (the
 * frequency buckets of Shah, Mitra and Matani, "An O(1) algorithm for implementing the LFU cache
 * eviction scheme", 2010). A new entry has frequency 1; each read and each overwrite adds one. The
 * victim is the least recently used entry of the lowest frequency, never the entry added last
 * while another one is there (else a cache full of used entries would take nothing new).
 *
 * <p>With ageing: after ten times as many uses as entries, every frequency is halved (at least
 * 1), so a set that was hot long ago leaves once newer entries are used as often. Without it a
 * recency-skewed workload fills the cache with entries read twice long ago, and every new entry
 * is the next victim. A halving visits every entry, once per ten uses an entry: O(1) amortised.
 */
final class LfuOrder<N extends Linked<N>> extends CountingOrder<N> {
  private static final int USES_PER_ENTRY_BETWEEN_HALVINGS = 10;
  private static final int MIN_HALVING_PERIOD = 160;

  private final FrequencyBucket<N> buckets = FrequencyBucket.sentinel();
  private long usesSinceHalving;
  private N lastAdded;

  LfuOrder(long maximum) {
    super(EvictionPolicy.LFU, maximum);
  }

  @Override
  public void add(N node, int weight) {
    count(node, weight);
    FrequencyBucket<N> first = buckets.nextBucket;
    if (first == buckets || first.frequency != 1) {
      first = FrequencyBucket.insertAfter(buckets, 1);
    }
    first.addLast(node);
    lastAdded = node;
    countUse();
  }

  @Override
  public void touch(N node) {
    if (node.isTracked()) {
      increment(node);
      countUse();
    }
  }

  @Override
  public void update(N node, int weight) {
    if (node.isTracked()) {
      reweigh(node, weight);
      touch(node);
    }
  }

  @Override
  public void replace(N node, N replacement, int weight) {
    boolean wasLastAdded = node == lastAdded && node.isTracked();
    super.replace(node, replacement, weight);
    if (wasLastAdded) {
      lastAdded = replacement;
    }
  }

  private static <N extends Linked<N>> FrequencyBucket<N> bucketOf(N node) {
    return (FrequencyBucket<N>) listOf(node);
  }

  private void increment(N node) {
    FrequencyBucket<N> bucket = bucketOf(node);
    if (bucket.frequency == Integer.MAX_VALUE) {
      bucket.moveToLast(node);
      return;
    }
    FrequencyBucket<N> higher = bucket.nextBucket;
    boolean higherExists = higher != buckets && higher.frequency == bucket.frequency + 1;
    if (!higherExists && bucket.holdsOnly(node)) {
      bucket.frequency++; // alone at its count: spares allocating a bucket and freeing this one
      return;
    }
    bucket.unlink(node);
    if (!higherExists) {
      higher = FrequencyBucket.insertAfter(bucket, bucket.frequency + 1);
    }
    higher.addLast(node);
    if (bucket.isEmpty()) {
      bucket.unlinkBucket();
    }
  }

  private void countUse() {
    if (++usesSinceHalving >= Math.max(MIN_HALVING_PERIOD, USES_PER_ENTRY_BETWEEN_HALVINGS * size)) {
      halve();
    }
  }

  /** Halves every frequency (at least 1), merging buckets that meet; within one, lower counts stay older. */
  void halve() {
    usesSinceHalving = 0;
    FrequencyBucket<N> kept = buckets;
    for (FrequencyBucket<N> bucket = buckets.nextBucket; bucket != buckets; ) {
      FrequencyBucket<N> following = bucket.nextBucket;
      int halved = Math.max(1, bucket.frequency >>> 1);
      if (kept != buckets && kept.frequency == halved) {
        while (!bucket.isEmpty()) {
          N node = bucket.first();
          bucket.unlink(node);
          kept.addLast(node);
        }
        bucket.unlinkBucket();
      } else {
        bucket.frequency = halved;
        kept = bucket;
      }
      bucket = following;
    }
  }

  @Override
  public void remove(N node) {
    if (!node.isTracked()) {
      return;
    }
    FrequencyBucket<N> bucket = bucketOf(node);
    bucket.unlink(node);
    if (bucket.isEmpty()) {
      bucket.unlinkBucket();
    }
    uncount(node);
    if (node == lastAdded) {
      lastAdded = null;
    }
  }

  @Override
  public N victim() {
    if (weightedSize <= maximum) {
      return null;
    }
    for (FrequencyBucket<N> bucket = buckets.nextBucket; bucket != buckets; bucket = bucket.nextBucket) {
      for (N node = bucket.first(); node != null; node = node.nextInOrder()) {
        if (node != lastAdded) {
          return node;
        }
      }
    }
    return lastAdded;
  }
}
