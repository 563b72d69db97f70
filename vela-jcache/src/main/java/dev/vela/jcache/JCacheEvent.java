package dev.vela.jcache;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * One entry event as JCache listeners receive it. For removed and expired entries, the value and
 * the old value are both the value that left, as the reference implementation reports them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JCacheEvent<K, V> extends CacheEntryEvent<K, V> {
  private static final long serialVersionUID = 1L;

  private final K key;
  private final V value;
  private final V oldValue;

  JCacheEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue) {
    super(source, type);
    this.key = key;
    this.value = value;
    this.oldValue = oldValue;
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
  public V getOldValue() {
    return oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValue != null;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapping.unwrap(this, type, "a cache entry event");
  }

  @Override
  public String toString() {
    return getEventType() + " " + key + ": " + oldValue + " -> " + value;
  }
}
