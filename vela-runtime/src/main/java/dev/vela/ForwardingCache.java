package dev.vela;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A cache that passes every call to another. Generated {@code Vela<Name>} classes extend it so that
 * they implement the user's interface around the runtime's cache.
 */
public abstract class ForwardingCache<K, V> implements Cache<K, V> {
  private final Cache<K, V> delegate;

  /** A cache that forwards to {@code delegate}. */
  protected ForwardingCache(Cache<K, V> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The cache every call goes to. */
  protected final Cache<K, V> delegate() {
    return delegate;
  }

  @Override
  public Optional<V> get(K key) {
    return delegate.get(key);
  }

  @Override
  public V getOrThrow(K key) {
    return delegate.getOrThrow(key);
  }

  @Override
  public V getOrDefault(K key, V defaultValue) {
    return delegate.getOrDefault(key, defaultValue);
  }

  @Override
  public void put(K key, V value) {
    delegate.put(key, value);
  }

  @Override
  public void put(K key, V value, PutOptions options) {
    delegate.put(key, value, options);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    delegate.putAll(entries);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries, PutOptions options) {
    delegate.putAll(entries, options);
  }

  @Override
  public boolean delete(K key) {
    return delegate.delete(key);
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    return delegate.putIfAbsent(key, value);
  }

  @Override
  public boolean putIfAbsent(K key, V value, PutOptions options) {
    return delegate.putIfAbsent(key, value, options);
  }

  @Override
  public boolean replace(K key, V value) {
    return delegate.replace(key, value);
  }

  @Override
  public boolean replace(K key, V expected, V value) {
    return delegate.replace(key, expected, value);
  }

  @Override
  public boolean delete(K key, V expected) {
    return delegate.delete(key, expected);
  }

  @Override
  public Optional<V> getAndPut(K key, V value) {
    return delegate.getAndPut(key, value);
  }

  @Override
  public Optional<V> getAndDelete(K key) {
    return delegate.getAndDelete(key);
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    return delegate.compute(key, remapping);
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    return delegate.computeIfPresent(key, remapping);
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    return delegate.merge(key, value, remapping);
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    return delegate.getAll(keys);
  }

  @Override
  public long deleteAll(Collection<? extends K> keys) {
    return delegate.deleteAll(keys);
  }

  @Override
  public boolean expire(K key, Duration ttl) {
    return delegate.expire(key, ttl);
  }

  @Override
  public boolean exists(K key) {
    return delegate.exists(key);
  }

  @Override
  public Optional<Duration> ttl(K key) {
    return delegate.ttl(key);
  }

  @Override
  public V getOrFetch(K key, Function<? super K, ? extends V> fetcher) {
    return delegate.getOrFetch(key, fetcher);
  }

  @Override
  public V getOrFetch(K key, Function<? super K, ? extends V> fetcher, PutOptions options) {
    return delegate.getOrFetch(key, fetcher, options);
  }

  @Override
  public long invalidateTag(String tag) {
    return delegate.invalidateTag(tag);
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public CacheStats stats() {
    return delegate.stats();
  }

  @Override
  public Cache<K, V> local() {
    return delegate.local();
  }

  @Override
  public <R> R transaction(
      Collection<? extends K> keys, Function<? super Cache<K, V>, ? extends R> work) {
    return delegate.transaction(keys, work);
  }

  @Override
  public List<CacheEntry<K, V>> export() {
    return delegate.export();
  }

  @Override
  public long dump(Path file) {
    return delegate.dump(file);
  }

  @Override
  public long load(Path file) {
    return delegate.load(file);
  }

  @Override
  public CacheInfo inspect() {
    return delegate.inspect();
  }

  @Override
  public Stream<CacheEntry<K, V>> stream() {
    return delegate.stream();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate.name() + "]";
  }

  @Override
  public CompletableFuture<Optional<V>> getAsync(K key) {
    return delegate.getAsync(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value) {
    return delegate.putAsync(key, value);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, PutOptions options) {
    return delegate.putAsync(key, value, options);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return delegate.deleteAsync(key);
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return delegate.getAllAsync(keys);
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return delegate.deleteAllAsync(keys);
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsentAsync(K key, V value) {
    return delegate.putIfAbsentAsync(key, value);
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsentAsync(K key, V value, PutOptions options) {
    return delegate.putIfAbsentAsync(key, value, options);
  }

  @Override
  public CompletableFuture<Boolean> replaceAsync(K key, V value) {
    return delegate.replaceAsync(key, value);
  }

  @Override
  public CompletableFuture<Boolean> replaceAsync(K key, V expected, V value) {
    return delegate.replaceAsync(key, expected, value);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key, V expected) {
    return delegate.deleteAsync(key, expected);
  }

  @Override
  public CompletableFuture<Optional<V>> getAndPutAsync(K key, V value) {
    return delegate.getAndPutAsync(key, value);
  }

  @Override
  public CompletableFuture<Optional<V>> getAndDeleteAsync(K key) {
    return delegate.getAndDeleteAsync(key);
  }

  @Override
  public CompletableFuture<V> computeAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    return delegate.computeAsync(key, remapping);
  }

  @Override
  public CompletableFuture<V> computeIfPresentAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    return delegate.computeIfPresentAsync(key, remapping);
  }

  @Override
  public CompletableFuture<V> mergeAsync(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    return delegate.mergeAsync(key, value, remapping);
  }

  @Override
  public CompletableFuture<Boolean> expireAsync(K key, Duration ttl) {
    return delegate.expireAsync(key, ttl);
  }
}
