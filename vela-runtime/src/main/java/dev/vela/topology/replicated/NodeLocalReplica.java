package dev.vela.topology.replicated;

import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.CacheTopology;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code cache.local()} of a replicated cache: key operations still reach every node, but flush,
 * invalidateTag and stats cover this node only, as Cachex's {@code local: true} does. A local flush
 * leaves this copy different from the others until the keys are written again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NodeLocalReplica<K, V> implements CacheTopology<K, V> {
  private final ReplicatedTopology<K, V> cluster;

  NodeLocalReplica(ReplicatedTopology<K, V> cluster) {
    this.cluster = cluster;
  }

  @Override
  public Topology kind() {
    return Topology.REPLICATED;
  }

  @Override
  public String node() {
    return cluster.node();
  }

  @Override
  public boolean isDistributed() {
    return false;
  }

  @Override
  public CacheTopology<K, V> nodeLocal() {
    return this;
  }

  @Override
  public CacheBackend<K, V> localBackend() {
    return cluster.localBackend();
  }

  @Override
  public void requireSingleOwner(Collection<? extends K> keys) {
    // every node holds every key
  }

  @Override
  public V get(K key) {
    return cluster.get(key);
  }

  @Override
  public StoredEntry<V> entry(K key) {
    return cluster.entry(key);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    cluster.put(key, value, expiresAtMillis, tags);
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    cluster.putAll(entries);
  }

  @Override
  public boolean delete(K key) {
    return cluster.delete(key);
  }

  @Override
  public long size() {
    return localBackend().size();
  }

  @Override
  public long flush() {
    return cluster.flushHere();
  }

  @Override
  public long invalidateTag(String tag) {
    return cluster.invalidateTagHere(tag);
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    return localBackend().entries();
  }

  @Override
  public Map<String, String> details() {
    return cluster.details();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
