package dev.vela.backend.memory;

import java.util.Set;

/**
 * A node of a bounded cache: it knows its key, so the eviction order can remove it, and links into
 * a circular doubly linked list (the LRU list, or the list of one LFU frequency). The links and the
 * bucket are only touched under the eviction lock. A node is linked once and unlinked once.
 *
 * <p>This kind never expires and has no expiry field: it takes 32 bytes, where one with the field
 * ({@link TimedLinkedNode}) takes 40.
 */
class LinkedNode<K, V> extends Node<V> {
  final K key;
  LinkedNode<K, V> prev;
  LinkedNode<K, V> next;
  FrequencyBucket<K, V> bucket;

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

  /** The head of an empty circular list: it links to itself and holds no entry. */
  static <K, V> LinkedNode<K, V> sentinel() {
    LinkedNode<K, V> sentinel = new LinkedNode<>(null, null);
    sentinel.prev = sentinel;
    sentinel.next = sentinel;
    return sentinel;
  }

  boolean isLinked() {
    return prev != null;
  }

  /** Links this node just before {@code successor}; before a sentinel means at the list's end. */
  void linkBefore(LinkedNode<K, V> successor) {
    LinkedNode<K, V> predecessor = successor.prev;
    prev = predecessor;
    next = successor;
    predecessor.next = this;
    successor.prev = this;
  }

  void unlink() {
    prev.next = next;
    next.prev = prev;
    prev = null;
    next = null;
  }
}
