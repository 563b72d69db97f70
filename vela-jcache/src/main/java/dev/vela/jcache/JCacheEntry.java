package dev.vela.jcache;

import java.util.Objects;
import javax.cache.Cache;

/**
 * A key and value handed out by a JCache cache: iteration, a {@code CacheWriter}'s write.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JCacheEntry<K, V> implements Cache.Entry<K, V> {
  private final K key;
  private final V value;

  JCacheEntry(K key, V value) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapping.unwrap(this, type, "a cache entry");
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
