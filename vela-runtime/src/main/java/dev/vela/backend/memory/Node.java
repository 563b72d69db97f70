package dev.vela.backend.memory;

import dev.vela.backend.StoredEntry;
import java.util.Set;

/**
 * What the map holds for an entry that expires or has tags; an entry with neither is held as its
 * bare value, so an unbounded cache of plain values costs no more than the map itself. Nodes are
 * immutable except for the eviction links of {@link LinkedNode}: a write installs a new node.
 *
 * @param <V> the value type
 */
class Node<V> {
  static final long NO_EXPIRY = StoredEntry.NO_EXPIRY;

  final V value;
  final long expiresAt;

  Node(V value, long expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /** The tags, or null when there are none (no empty sets are kept per entry). */
  Set<String> tags() {
    return null;
  }

  /** What an unbounded map holds for this entry: the bare value when that is enough. */
  static <V> Object unbounded(V value, long expiresAt, Set<String> tags) {
    if (tags != null) {
      return new TaggedNode<>(value, expiresAt, tags);
    }
    return expiresAt == NO_EXPIRY ? value : new Node<>(value, expiresAt);
  }

  /** The tags of whatever the map holds (a bare value has none), or null. */
  static Set<String> tagsOf(Object stored) {
    return stored instanceof Node<?> node ? node.tags() : null;
  }

  /** Empty tag sets become null; others are copied into an immutable set. */
  static Set<String> tagsOrNull(Set<String> tags) {
    return tags.isEmpty() ? null : Set.copyOf(tags);
  }
}
