package dev.vela;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
}
