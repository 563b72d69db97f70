package dev.vela.backend.memory;

/**
 * A node of a bounded cache for an entry that expires, or may: an overwrite in place can change its
 * expiry, under the eviction lock, after its value (see {@link Node}).
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

  /** Sets the expiry of an overwrite in place, after its value. */
  final void expireAt(long newExpiresAt) {
    this.expiresAt = newExpiresAt;
  }
}
