package dev.vela.backend.memory;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.util.Set;

/**
 * A memory backend's conditional write ({@link MemoryBackend#write}): look at the entry, test the
 * condition, apply the update, as one step.
 *
 * <p>Bounded, the whole step runs under the eviction lock through the backend's {@code entry},
 * {@code put} and {@code delete}, which re-enter it; while it runs, overwrites of a value that
 * would otherwise skip the lock take it too ({@link ValueOverwrite}). Unbounded, it compares and
 * swaps the map's slot, retrying when another writer changed it between the look and the swap.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ConditionalWrite<K, V> {
  private final MemoryBackend<K, V> backend;

  ConditionalWrite(MemoryBackend<K, V> backend) {
    this.backend = backend;
  }

  WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    Eviction<K, V> eviction = backend.eviction;
    if (eviction == null) {
      return writeUnbounded(key, condition, update);
    }
    eviction.beginConditionalWrite();
    try {
      ValueOverwrite.awaitRunning(backend.map.get(key));
      StoredEntry<V> current = backend.entry(key);
      if (!condition.test(current)) {
        return new WriteResult<>(false, current);
      }
      StoredEntry<V> next = update.apply(current);
      if (next != null) {
        backend.put(key, next.value(), next.expiresAtMillis(), next.tags());
      } else if (current != null) {
        backend.delete(key);
      }
      return new WriteResult<>(true, current);
    } finally {
      eviction.endConditionalWrite();
    }
  }

  private WriteResult<V> writeUnbounded(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    while (true) {
      Object stored = backend.map.get(key);
      Object visible = PendingNode.visibleOf(stored);
      StoredEntry<V> current = visible == null ? null : Node.toEntry(visible);
      if (current != null && !current.neverExpires() && current.isExpiredAt(backend.clock.millis())) {
        if (stored == visible) {
          backend.expire(key, (Node<?>) visible); // then look again: the slot is empty, or another writer filled it
          continue;
        }
        current = null; // shown by a putAll not yet committed: absent, and swapped like any other
      }
      if (!condition.test(current)) {
        return new WriteResult<>(false, current);
      }
      Object replacement = unboundedAfter(update, current);
      // equal bare values are equal entries (no expiry, no tags), so a swap over an equal one is right
      boolean swapped = replacement == null
          ? stored == null || backend.map.remove(key, stored)
          : stored == null
              ? backend.map.putIfAbsent(key, replacement) == null
              : backend.map.replace(key, stored, replacement);
      if (swapped) {
        backend.reconcileTags(key, stored, Node.tagsOf(replacement));
        return new WriteResult<>(true, current);
      }
    }
  }

  /** What an unbounded map holds after {@code update} of {@code current}; null when it removes the entry. */
  private Object unboundedAfter(EntryUpdate<V> update, StoredEntry<V> current) {
    V value;
    long expiresAt;
    Set<String> tags;
    if (update instanceof EntryUpdate.Put<V> put) { // the common update, stored without an entry in between
      value = put.value();
      expiresAt = put.expiryAfter(current);
      tags = put.tagsAfter(current);
    } else {
      StoredEntry<V> next = update.apply(current);
      if (next == null) {
        return null;
      }
      value = next.value();
      expiresAt = next.expiresAtMillis();
      tags = next.tags();
    }
    backend.noteExpiry(expiresAt);
    Object replacement = Node.unbounded(value, expiresAt, Node.tagsOrNull(tags));
    backend.noteNode(replacement);
    return replacement;
  }
}
