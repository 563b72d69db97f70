package dev.vela.topology;

import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.KeyLocks;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The LOCAL topology: one node holds every key, so each operation passes straight to its backend,
 * and the node-local variant is this same object.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LocalTopology<K, V> implements CacheTopology<K, V> {
  /** The node name a LOCAL cache reports. */
  public static final String NODE = "local";

  private final CacheBackend<K, V> backend;

  /** A topology that keeps every entry in {@code backend}. */
  public LocalTopology(CacheBackend<K, V> backend) {
    this.backend = Objects.requireNonNull(backend, "backend must not be null");
  }

  @Override
  public Topology kind() {
    return Topology.LOCAL;
  }

  @Override
  public String node() {
    return NODE;
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
  public boolean readsLocalBackend() {
    return true;
  }

  @Override
  public CacheBackend<K, V> localBackend() {
    return backend;
  }

  @Override
  public void requireSingleOwner(Collection<? extends K> keys) {
    // one node owns every key
  }

  /** Takes the backend's key locks, when it is shared with other processes; else just runs {@code work}. */
  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    Optional<KeyLocks<K>> locks = backend.keyLocks();
    return locks.isPresent() ? locks.get().exclusively(keys, work) : work.get();
  }

  @Override
  public V get(K key) {
    return backend.get(key);
  }

  @Override
  public StoredEntry<V> entry(K key) {
    return backend.entry(key);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    backend.put(key, value, expiresAtMillis, tags);
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    backend.putAll(entries);
  }

  @Override
  public boolean delete(K key) {
    return backend.delete(key);
  }

  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return backend.write(key, condition, update);
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    return backend.getAll(keys);
  }

  @Override
  public long deleteAll(Collection<? extends K> keys) {
    return backend.deleteAll(keys);
  }

  // the asynchronous forms go to the backend's: complete at once for memory and disk, later for Redis

  @Override
  public CompletableFuture<V> getAsync(K key) {
    return backend.getAsync(key);
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return backend.entryAsync(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return backend.putAsync(key, value, expiresAtMillis, tags);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return backend.deleteAsync(key);
  }

  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return backend.writeAsync(key, condition, update);
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return backend.getAllAsync(keys);
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return backend.deleteAllAsync(keys);
  }

  @Override
  public long size() {
    return backend.size();
  }

  @Override
  public long flush() {
    return backend.flush();
  }

  @Override
  public long invalidateTag(String tag) {
    return backend.invalidateTag(tag);
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    return backend.entries();
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("topology.members", NODE);
    details.putAll(backend.details());
    return details;
  }

  @Override
  public void close() {
    backend.close();
  }
}
