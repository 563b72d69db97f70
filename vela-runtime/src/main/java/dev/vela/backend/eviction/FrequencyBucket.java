package dev.vela.backend.eviction;

/**
 * The entries of an LFU order used {@link #frequency} times (since the last halvings), least
 * recently used first. Buckets form a circular list in ascending frequency; empty ones are removed.
 */
final class FrequencyBucket<E> {
  int frequency;
  final OrderNode<E> nodes = OrderNode.sentinel();
  FrequencyBucket<E> prev;
  FrequencyBucket<E> next;

  private FrequencyBucket(int frequency) {
    this.frequency = frequency;
  }

  /** The head of the bucket list; its frequency is never used. */
  static <E> FrequencyBucket<E> sentinel() {
    FrequencyBucket<E> sentinel = new FrequencyBucket<>(0);
    sentinel.prev = sentinel;
    sentinel.next = sentinel;
    return sentinel;
  }

  /** A new empty bucket for {@code frequency}, linked after {@code predecessor}. */
  static <E> FrequencyBucket<E> insertAfter(FrequencyBucket<E> predecessor, int frequency) {
    FrequencyBucket<E> bucket = new FrequencyBucket<>(frequency);
    bucket.prev = predecessor;
    bucket.next = predecessor.next;
    predecessor.next.prev = bucket;
    predecessor.next = bucket;
    return bucket;
  }

  /** Adds {@code node} as the most recently used of this bucket. */
  void append(OrderNode<E> node) {
    node.linkBefore(nodes);
    node.bucket = this;
  }

  boolean isEmpty() {
    return nodes.next == nodes;
  }

  /** True when {@code node} is this bucket's only entry. */
  boolean holdsOnly(OrderNode<E> node) {
    return nodes.next == node && node.next == nodes;
  }

  /** Unlinks this (empty) bucket from the bucket list. */
  void unlinkBucket() {
    prev.next = next;
    next.prev = prev;
  }
}
