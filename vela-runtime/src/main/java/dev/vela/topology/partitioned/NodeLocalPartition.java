package dev.vela.topology.partitioned;

import dev.vela.topology.NodeLocalView;

/**
 * {@code cache.local()} of a partitioned cache: key operations still go to each key's owner, but
 * size, flush, invalidateTag, entries and stats cover this node's entries only, as Cachex's {@code
 * local: true} does. Its entries can be streamed, since they are all here.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NodeLocalPartition<K, V> extends NodeLocalView<K, V> {
  NodeLocalPartition(PartitionedTopology<K, V> cluster) {
    super(cluster);
  }
}
