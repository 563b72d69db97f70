package dev.vela.topology.partitioned;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.topology.NodeLocalView;
import java.util.Collection;
import java.util.Map;

/**
 * {@code cache.local()} of a partitioned cache: key operations still go to each key's owner, but
 * size, flush, invalidateTag, entries and stats cover this node's entries only, as Cachex's {@code
 * local: true} does. Its entries can be streamed, since they are all here.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NodeLocalPartition<K, V> extends NodeLocalView<K, V> {
  private final PartitionedTopology<K, V> cluster;

  NodeLocalPartition(PartitionedTopology<K, V> cluster) {
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
}
