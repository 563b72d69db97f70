package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.ring.HashRing;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the keys this node holds to their owners on a new ring: in batches, each kept by the new
 * owner unless it holds a newer write, and removed here once the new owner has it. A batch whose
 * owner cannot be reached stays here.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Migration<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(Migration.class);
  private static final int BATCH = 500;

  private final String cacheName;
  private final Partition<K, V> partition;
  private final CacheBackend<K, V> backend;
  private final Remote<K, V> remote;

  Migration(String cacheName, Partition<K, V> partition, CacheBackend<K, V> backend, Remote<K, V> remote) {
    this.cacheName = cacheName;
    this.partition = partition;
    this.backend = backend;
    this.remote = remote;
  }

  /**
   * Moves every key whose owner on {@code ring} is another node, and copies the keys this node
   * owns to their backups (which keep a copy only where they hold none); returns how many keys were
   * sent. A key stays here while this node is its owner or one of its backups.
   */
  long moveTo(HashRing ring) {
    if (ring.isEmpty()) {
      return 0;
    }
    String self = partition.self();
    Map<String, Map<K, StoredEntry<V>>> batches = new HashMap<>();
    Set<String> unreachable = new HashSet<>(); // one failed batch is enough: the others would wait as long
    long moved = 0;
    try (Stream<Map.Entry<K, StoredEntry<V>>> entries = backend.entries()) {
      for (Iterator<Map.Entry<K, StoredEntry<V>>> it = entries.iterator(); it.hasNext(); ) {
        Map.Entry<K, StoredEntry<V>> entry = it.next();
        List<String> replicas = partition.replicasOf(entry.getKey(), ring);
        List<String> targets = replicas.get(0).equals(self) ? replicas.subList(1, replicas.size()) : replicas.subList(0, 1);
        for (String target : targets) {
          if (unreachable.contains(target)) {
            continue;
          }
          Map<K, StoredEntry<V>> batch = batches.computeIfAbsent(target, o -> new LinkedHashMap<>());
          batch.put(entry.getKey(), entry.getValue());
          if (batch.size() >= BATCH) {
            moved += send(target, batch, ring, unreachable);
            batch.clear();
          }
        }
      }
    }
    for (Map.Entry<String, Map<K, StoredEntry<V>>> batch : batches.entrySet()) {
      if (!batch.getValue().isEmpty() && !unreachable.contains(batch.getKey())) {
        moved += send(batch.getKey(), batch.getValue(), ring, unreachable);
      }
    }
    return moved;
  }

  private long send(String owner, Map<K, StoredEntry<V>> batch, HashRing ring, Set<String> unreachable) {
    try {
      remote.handover(owner, batch);
    } catch (VelaException e) {
      unreachable.add(owner);
      LOG.warn("cache '" + cacheName + "' could not hand " + batch.size()
          + " or more keys to " + owner + "; they stay on this node: " + e.getMessage());
      return 0;
    }
    batch.forEach((key, entry) -> {
      if (!partition.holdsCopy(key, ring)) {
        partition.forgetMoved(key, entry);
      }
    });
    return batch.size();
  }
}
