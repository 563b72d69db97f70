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
final class LfuOrder<E> extends CountingOrder<E> {
  private static final int USES_PER_ENTRY_BETWEEN_HALVINGS = 10;
  private static final int MIN_HALVING_PERIOD = 160;

  private final FrequencyBucket<E> buckets = FrequencyBucket.sentinel();
  private long usesSinceHalving;
  private OrderNode<E> lastAdded;

  LfuOrder(long maximum) {
    super(EvictionPolicy.LFU, maximum);
  }

  @Override
  public OrderNode<E> add(E element, int keyHash, int weight) {
    OrderNode<E> node = new OrderNode<>(element, keyHash, Weights.checked(weight));
    FrequencyBucket<E> first = buckets.next;
    if (first == buckets || first.frequency != 1) {
      first = FrequencyBucket.insertAfter(buckets, 1);
    }
    first.append(node);
    size++;
    weightedSize += weight;
    lastAdded = node;
    countUse();
    return node;
  }

  @Override
  public void touch(OrderNode<E> node) {
    if (node.isTracked()) {
      increment(node);
      countUse();
    }
  }

  @Override
  public void update(OrderNode<E> node, E element, int weight) {
    if (node.isTracked()) {
      reweigh(node, element, weight);
      touch(node);
    }
  }

  private void increment(OrderNode<E> node) {
    FrequencyBucket<E> bucket = node.bucket;
    if (bucket.frequency == Integer.MAX_VALUE) {
      node.moveToEnd(bucket.nodes);
      return;
    }
    FrequencyBucket<E> higher = bucket.next;
    boolean higherExists = higher != buckets && higher.frequency == bucket.frequency + 1;
    if (!higherExists && bucket.holdsOnly(node)) {
      bucket.frequency++; // alone at its count: spares allocating a bucket and freeing this one
      return;
    }
    node.unlink();
    if (!higherExists) {
      higher = FrequencyBucket.insertAfter(bucket, bucket.frequency + 1);
    }
    higher.append(node);
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
    FrequencyBucket<E> kept = buckets;
    for (FrequencyBucket<E> bucket = buckets.next; bucket != buckets; ) {
      FrequencyBucket<E> following = bucket.next;
      int halved = Math.max(1, bucket.frequency >>> 1);
      if (kept != buckets && kept.frequency == halved) {
        while (!bucket.isEmpty()) {
          OrderNode<E> node = bucket.nodes.next;
          node.unlink();
          kept.append(node);
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
  public void remove(OrderNode<E> node) {
    if (!node.isTracked()) {
      return;
    }
    FrequencyBucket<E> bucket = node.bucket;
    node.unlink();
    node.bucket = null;
    if (bucket.isEmpty()) {
      bucket.unlinkBucket();
    }
    size--;
    weightedSize -= node.weight;
    if (node == lastAdded) {
      lastAdded = null;
    }
  }

  @Override
  public OrderNode<E> victim() {
    if (weightedSize <= maximum) {
      return null;
    }
    for (FrequencyBucket<E> bucket = buckets.next; bucket != buckets; bucket = bucket.next) {
      for (OrderNode<E> node = bucket.nodes.next; node != bucket.nodes; node = node.next) {
        if (node != lastAdded) {
          return node;
        }
      }
    }
    return lastAdded;
  }
}
