package dev.vela.backend.memory;

import dev.vela.backend.RemovalCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sweeper's pass over a memory backend ({@link MemoryBackend#removeExpired}): it finds expired
 * nodes without a lock, then removes them a batch at a time under the eviction lock (when
 * bounded), each only if it is still in the map and still expired, since a bounded node may have
 * been overwritten in place since it was found.
 */
final class ExpiredRemoval {
  private ExpiredRemoval() {}

  static <K, V> long removeExpired(MemoryBackend<K, V> backend, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    long now = backend.clock.millis();
    long removed = 0;
    List<K> keys = new ArrayList<>();
    List<Node<V>> nodes = new ArrayList<>();
    for (Map.Entry<K, Object> each : backend.map.entrySet()) {
      if (each.getValue() instanceof Node<?> node && !(node instanceof PendingNode) && node.expiresAt() <= now) {
        @SuppressWarnings("unchecked")
        Node<V> expired = (Node<V>) node;
        keys.add(each.getKey());
        nodes.add(expired);
        if (keys.size() == batchSize) {
          removed += removeBatch(backend, keys, nodes, now);
        }
      }
    }
    return removed + removeBatch(backend, keys, nodes, now);
  }

  private static <K, V> long removeBatch(MemoryBackend<K, V> backend, List<K> keys, List<Node<V>> nodes, long now) {
    long removed = 0;
    backend.lockIfBounded();
    try {
      for (int i = 0; i < keys.size(); i++) {
        K key = keys.get(i);
        Node<V> node = nodes.get(i);
        if (node.expiresAt() <= now && backend.map.remove(key, node)) {
          backend.afterRemoval(key, node);
          backend.listener.onRemoval(key, node.value, RemovalCause.EXPIRED);
          removed++;
        }
      }
    } finally {
      backend.unlockIfBounded();
    }
    keys.clear();
    nodes.clear();
    return removed;
  }
}
