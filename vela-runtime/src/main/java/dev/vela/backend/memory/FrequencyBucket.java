package dev.vela.backend.memory;

/**
 * The entries of an LFU cache that have been used exactly {@link #frequency} times, least recently
 * used first. Buckets form a circular list in ascending frequency; empty ones are removed. A
 * bucket's frequency changes only under the eviction lock, when its one entry is used again (see
 * {@link LfuOrder#touch}).
 */
final class FrequencyBucket<K, V> {
  int frequency;
  final LinkedNode<K, V> nodes = LinkedNode.sentinel();
  FrequencyBucket<K, V> prev;
  FrequencyBucket<K, V> next;

  private FrequencyBucket(int frequency) {
    this.frequency = frequency;
  }

  /** The head of the bucket list; its frequency is never used. */
  static <K, V> FrequencyBucket<K, V> sentinel() {
    FrequencyBucket<K, V> sentinel = new FrequencyBucket<>(0);
    sentinel.prev = sentinel;
    sentinel.next = sentinel;
    return sentinel;
  }

  /** A new empty bucket for {@code frequency}, linked after {@code predecessor}. */
  static <K, V> FrequencyBucket<K, V> insertAfter(FrequencyBucket<K, V> predecessor, int frequency) {
    FrequencyBucket<K, V> bucket = new FrequencyBucket<>(frequency);
    bucket.prev = predecessor;
    bucket.next = predecessor.next;
    predecessor.next.prev = bucket;
    predecessor.next = bucket;
    return bucket;
  }

  /** Adds {@code node} as the most recently used of this bucket. */
  void append(LinkedNode<K, V> node) {
    node.linkBefore(nodes);
    node.bucket = this;
  }

  boolean isEmpty() {
    return nodes.next == nodes;
  }

  /** True when {@code node} is this bucket's only entry. */
  boolean holdsOnly(LinkedNode<K, V> node) {
    return nodes.next == node && node.next == nodes;
  }

  /** Unlinks this (empty) bucket from the bucket list. */
  void unlinkBucket() {
    prev.next = next;
    next.prev = prev;
  }
}
