package dev.vela.backend.memory;

import dev.vela.backend.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A memory backend's {@code putAll}, atomic for readers: every node is built first (so a bad entry
 * cannot leave a batch half-done), then each key gets a {@link PendingNode} that still shows the old
 * entry, then one volatile write commits the {@link PutAllBatch} and readers see all the new
 * entries at once; last, each pending node is swapped for its entry and, bounded, tracked and the
 * overflow evicted. Writers of the same keys are kept out by the cache core's key locks.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class AtomicPutAll<K, V> {
  private final MemoryBackend<K, V> backend;

  AtomicPutAll(MemoryBackend<K, V> backend) {
    this.backend = backend;
  }

  void putAll(Map<K, StoredEntry<V>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Eviction<K, V> eviction = backend.eviction;
    List<K> keys = new ArrayList<>(entries.size());
    List<PendingNode<V>> pendings = new ArrayList<>(entries.size());
    int[] weights = new int[entries.size()];
    PutAllBatch batch = new PutAllBatch();
    for (Map.Entry<K, StoredEntry<V>> each : entries.entrySet()) {
      K key = Objects.requireNonNull(each.getKey(), "putAll entries must not hold a null key");
      StoredEntry<V> entry = Objects.requireNonNull(each.getValue(), "putAll entries must not hold a null entry");
      Set<String> tags = Node.tagsOrNull(entry.tags());
      backend.noteExpiry(entry.expiresAtMillis());
      Object next = eviction == null
          ? Node.unbounded(entry.value(), entry.expiresAtMillis(), tags)
          : LinkedNode.of(key, entry.value(), entry.expiresAtMillis(), tags, eviction.isWeighted());
      if (eviction != null) {
        weights[keys.size()] = eviction.weigh(key, entry.value());
      }
      keys.add(key);
      pendings.add(new PendingNode<>(batch, next));
    }
    backend.noteNode(pendings.get(0));
    backend.lockIfBounded();
    try {
      for (int i = 0; i < keys.size(); i++) {
        install(keys.get(i), pendings.get(i));
      }
      batch.commit();
      for (int i = 0; i < keys.size(); i++) {
        settle(keys.get(i), pendings.get(i), weights[i]);
      }
    } finally {
      backend.unlockIfBounded();
    }
  }

  private void install(K key, PendingNode<V> pending) {
    backend.map.compute(key, (k, current) -> {
      pending.previous = current; // before the node is published, so readers see the old entry
      return pending;
    });
    backend.reconcileTags(key, pending.previous, pending.tags());
  }

  @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
  private void settle(K key, PendingNode<V> pending, int weight) {
    if (backend.eviction == null) {
      backend.map.replace(key, pending, pending.next);
    } else if (backend.map.get(key) == pending) { // under the eviction lock, so still there below
      LinkedNode<K, V> node = (LinkedNode<K, V>) pending.next;
      // tracked, so weighed, before it is published: see MemoryBackend#put
      backend.eviction.written(pending.previous, node, weight);
      backend.map.replace(key, pending, node);
      backend.evictOverflow();
    }
  }
}
