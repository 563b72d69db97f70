package dev.vela.topology;

import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code cache.local()} of a distributed cache, as Cachex's {@code local: true}: key operations
 * still go where the whole cache sends them, but size and entries cover this node's entries only
 * (so they can be streamed), and so do flush and invalidateTag unless a topology says otherwise.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class NodeLocalView<K, V> implements CacheTopology<K, V> {
  private final CacheTopology<K, V> cluster;

  /** The node-local view of {@code cluster}. */
  protected NodeLocalView(CacheTopology<K, V> cluster) {
    this.cluster = cluster;
  }

  @Override
  public Topology kind() {
    return cluster.kind();
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
    cluster.requireSingleOwner(keys);
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
  public void restore(Map<K, StoredEntry<V>> entries) {
    cluster.restore(entries);
  }

  @Override
  public boolean delete(K key) {
    return cluster.delete(key);
  }

  @Override
  public V fetchOnce(K key, Supplier<V> fetchAndStore) {
    return cluster.fetchOnce(key, fetchAndStore);
  }

  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    return cluster.exclusively(keys, work);
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
  public CompletableFuture<V> getAsync(K key) {
    return cluster.getAsync(key);
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return cluster.entryAsync(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return cluster.putAsync(key, value, expiresAtMillis, tags);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return cluster.deleteAsync(key);
  }

  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return cluster.writeAsync(key, condition, update);
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return cluster.getAllAsync(keys);
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return cluster.deleteAllAsync(keys);
  }

  @Override
  public long size() {
    return localBackend().size();
  }

  @Override
  public long flush() {
    return localBackend().flush();
  }

  @Override
  public long invalidateTag(String tag) {
    return localBackend().invalidateTag(tag);
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
