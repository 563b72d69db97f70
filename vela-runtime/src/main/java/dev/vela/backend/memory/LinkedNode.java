package dev.vela.backend.memory;

import dev.vela.backend.eviction.OrderNode;
import java.util.Set;

/**
 * A node of a bounded cache: it knows its key, so an eviction can remove it from the map, and its
 * {@link #place} in the eviction order. The place is set and read only under the eviction lock; an
 * overwrite that replaces the node hands the place on to the new node and clears it here, so a
 * read of a replaced node that is replayed later touches nothing.
 *
 * <p>This kind never expires and has no expiry field ({@link TimedLinkedNode} has one).
 */
class LinkedNode<K, V> extends Node<V> {
  final K key;
  OrderNode<LinkedNode<K, V>> place;

  LinkedNode(K key, V value) {
    super(value);
    this.key = key;
  }

  /** A node of a bounded cache, with an expiry field only when it expires or has tags. */
  static <K, V> LinkedNode<K, V> of(K key, V value, long expiresAt, Set<String> tags) {
    if (tags != null) {
      return new TaggedLinkedNode<>(key, value, expiresAt, tags);
    }
    return expiresAt == NO_EXPIRY ? new LinkedNode<>(key, value) : new TimedLinkedNode<>(key, value, expiresAt);
  }

  @Override
  long expiresAt() {
    return NO_EXPIRY;
  }
}
