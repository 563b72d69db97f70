package dev.vela.backend.eviction;

/**
 * The entries of an LFU order used {@link #frequency} times (since the last halvings), least
 * recently used first. Buckets form a circular list in ascending frequency through a sentinel;
 * empty ones are removed.
 */
final class FrequencyBucket<N extends Linked<N>> extends NodeList<N> {
  int frequency;
  FrequencyBucket<N> previousBucket;
  FrequencyBucket<N> nextBucket;

  private FrequencyBucket(int frequency) {
    this.frequency = frequency;
  }

  /** The head of the bucket list; its frequency is never used and it holds no node. */
  static <N extends Linked<N>> FrequencyBucket<N> sentinel() {
    FrequencyBucket<N> sentinel = new FrequencyBucket<>(0);
    sentinel.previousBucket = sentinel;
    sentinel.nextBucket = sentinel;
    return sentinel;
  }

  /** A new empty bucket for {@code frequency}, linked after {@code predecessor}. */
  static <N extends Linked<N>> FrequencyBucket<N> insertAfter(FrequencyBucket<N> predecessor, int frequency) {
    FrequencyBucket<N> bucket = new FrequencyBucket<>(frequency);
    bucket.previousBucket = predecessor;
    bucket.nextBucket = predecessor.nextBucket;
    predecessor.nextBucket.previousBucket = bucket;
    predecessor.nextBucket = bucket;
    return bucket;
  }

  /** Unlinks this (empty) bucket from the bucket list. */
  void unlinkBucket() {
    previousBucket.nextBucket = nextBucket;
    nextBucket.previousBucket = previousBucket;
  }
}
