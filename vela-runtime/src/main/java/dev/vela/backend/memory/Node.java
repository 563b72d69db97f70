package dev.vela.backend.memory;

import dev.vela.backend.StoredEntry;
import java.util.Set;

/**
 * What the map holds for an entry that expires or has tags; an entry with neither is held as its
 * bare value, so an unbounded cache of plain values costs no more than the map itself.
 *
 * <p>Only the kinds of node that can expire carry an expiry field ({@link TimedNode},
 * {@link TimedLinkedNode} and the ones with tags); the others answer {@link #NO_EXPIRY}, so a
 * bounded entry that never expires saves the field's 8 bytes.
 *
 * <p>An unbounded cache never changes a node once it is in the map: a write installs a new one. A
 * bounded cache overwrites its {@link LinkedNode}s in place when the new entry fits the node's
 * kind, under the node's monitor (and, unless only the value changes, under the eviction lock:
 * see {@link ValueOverwrite}), writing the value before the expiry; readers read the expiry
 * first, so one that sees a new expiry also sees the value written with it, and removals of expired
 * nodes check the expiry again under the eviction lock, which every change of an expiry holds.
 *
 * @param <V> the value type
 */
abstract class Node<V> {
  static final long NO_EXPIRY = StoredEntry.NO_EXPIRY;

  volatile V value;

  Node(V value) {
    this.value = value;
  }

  /** When the entry expires, in epoch milliseconds, or {@link #NO_EXPIRY}. */
  abstract long expiresAt();

  /** The tags, or null when there are none (no empty sets are kept per entry). */
  Set<String> tags() {
    return null;
  }

  /** What an unbounded map holds for this entry: the bare value when that is enough. */
  static <V> Object unbounded(V value, long expiresAt, Set<String> tags) {
    if (tags != null) {
      return new TaggedNode<>(value, expiresAt, tags);
    }
    return expiresAt == NO_EXPIRY ? value : new TimedNode<>(value, expiresAt);
  }

  /** The tags of whatever the map holds (a bare value has none), or null. */
  static Set<String> tagsOf(Object stored) {
    return stored instanceof Node<?> node ? node.tags() : null;
  }

  /** Empty tag sets become null; others are copied into an immutable set. */
  static Set<String> tagsOrNull(Set<String> tags) {
    return tags.isEmpty() ? null : Set.copyOf(tags);
  }

  /** Whether what the map shows for an entry (a bare value or a node) has expired at {@code now}. */
  static boolean isExpiredAt(Object visible, long now) {
    return visible instanceof Node<?> node && node.expiresAt() <= now;
  }

  /** What the map shows for an entry, as an entry. */
  @SuppressWarnings("unchecked")
  static <V> StoredEntry<V> toEntry(Object visible) {
    if (visible instanceof Node<?> node) {
      long expiresAt = node.expiresAt(); // before the value and tags: see Node
      return new StoredEntry<>((V) node.value, expiresAt, node.tags());
    }
    return new StoredEntry<>((V) visible, StoredEntry.NO_EXPIRY, null);
  }
}
