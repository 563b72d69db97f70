package dev.vela.backend.memory;

import java.util.Set;

/**
 * A node of a bounded cache with tags; untagged entries do without the field. An overwrite that
 * keeps some tags replaces them in place, under the eviction lock.
 */
final class TaggedLinkedNode<K, V> extends TimedLinkedNode<K, V> {
  private volatile Set<String> tags;

  TaggedLinkedNode(K key, V value, long expiresAt, Set<String> tags) {
    super(key, value, expiresAt);
    this.tags = tags;
  }

  @Override
  Set<String> tags() {
    return tags;
  }

  void setTags(Set<String> tags) {
    this.tags = tags;
  }
}
