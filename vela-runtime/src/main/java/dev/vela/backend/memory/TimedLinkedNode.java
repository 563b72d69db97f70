package dev.vela.backend.memory;

import java.util.Set;

/**
 * A node of a bounded cache for an entry that expires, or may: an overwrite in place can change its
 * expiry, under the eviction lock, after its value (see {@link Node}). 40 bytes with compressed
 * references.
 */
class TimedLinkedNode<K, V> extends LinkedNode<K, V> {
  private volatile long expiresAt;

  TimedLinkedNode(K key, V value, long expiresAt) {
    super(key, value);
    this.expiresAt = expiresAt;
  }

  @Override
  final long expiresAt() {
    return expiresAt;
  }

  @Override
  boolean fits(long newExpiresAt, Set<String> tags, boolean weighted) {
    return tags == null;
  }

  @Override
  void rewrite(V newValue, long newExpiresAt, Set<String> tags) {
    value = newValue;
    expiresAt = newExpiresAt; // after the value: see Node
  }
}
