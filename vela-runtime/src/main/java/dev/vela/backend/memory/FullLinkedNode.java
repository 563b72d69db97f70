package dev.vela.backend.memory;

import java.util.Set;

/**
 * A node of a bounded cache with every field: expiry, tags and weight. It holds the entries with
 * tags, and in a cache bounded by weight those that expire (the weight field sits in space the
 * other two leave as padding: 48 bytes with compressed references, with or without it). An
 * overwrite in place replaces the tags, then the expiry, after the value (see {@link Node}).
 */
final class FullLinkedNode<K, V> extends TimedLinkedNode<K, V> {
  private volatile Set<String> tags;
  private int weight;

  FullLinkedNode(K key, V value, long expiresAt, Set<String> tags) {
    super(key, value, expiresAt);
    this.tags = tags;
  }

  @Override
  Set<String> tags() {
    return tags;
  }

  /** Any entry in a cache bounded by weight; in one bounded by size, an entry with tags. */
  @Override
  boolean fits(long newExpiresAt, Set<String> newTags, boolean weighted) {
    return weighted || newTags != null;
  }

  @Override
  void rewrite(V newValue, long newExpiresAt, Set<String> newTags) {
    tags = newTags;
    super.rewrite(newValue, newExpiresAt, newTags);
  }

  @Override
  public int weight() {
    return weight;
  }

  @Override
  public void setWeight(int weight) {
    this.weight = weight;
  }
}
