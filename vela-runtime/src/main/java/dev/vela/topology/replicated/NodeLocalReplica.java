package dev.vela.topology.replicated;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.topology.NodeLocalView;
import java.util.Collection;
import java.util.Map;

/**
 * {@code cache.local()} of a replicated cache: key operations still reach every node, but flush,
 * invalidateTag and stats cover this node only, as Cachex's {@code local: true} does. A local flush
 * leaves this copy different from the others until the keys are written again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NodeLocalReplica<K, V> extends NodeLocalView<K, V> {
  private final ReplicatedTopology<K, V> cluster;

  NodeLocalReplica(ReplicatedTopology<K, V> cluster) {
    super(cluster);
    this.cluster = cluster;
  }

  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return cluster.write(key, condition, update);
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    return cluster.getAll(keys);
  }

  @Override
  public long deleteAll(Collection<? extends K> keys) {
    return cluster.deleteAll(keys);
  }

  @Override
  public boolean readsLocalBackend() {
    return true; // this node's copy holds every entry, as the cluster-wide read finds it
  }

  @Override
  public long flush() {
    return cluster.flushHere();
  }

  @Override
  public long invalidateTag(String tag) {
    return cluster.invalidateTagHere(tag);
  }
}
