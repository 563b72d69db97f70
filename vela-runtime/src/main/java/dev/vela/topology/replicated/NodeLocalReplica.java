package dev.vela.topology.replicated;

import dev.vela.topology.NodeLocalView;

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
