package dev.vela.jcache;

import dev.vela.CacheEntry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.config.CacheConfig;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A cache declared with {@code @VelaCache}, reached through JCache: every call goes to the Vela
 * cache itself, on its own backend and topology (nothing is copied into another store), and {@link
 * #unwrap} hands it back. Writes use the declaration's default time to live; there is no JCache
 * loader, writer, expiry policy or listener on it (configure those on the declaration, or create a
 * run-time cache with {@code createCache}). Memory caches hold the caller's objects, so the
 * configuration reports store-by-reference for them and store-by-value for caches that encode.
 * {@code enableStatistics} shows the Vela cache's own counters through the statistics MXBean (see
 * {@link DeclaredStatistics}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class DeclaredJCache<K, V> implements Cache<K, V>, ManagedCache {
  private final VelaCacheManager manager;
  private final dev.vela.Cache<K, V> cache;
  private final MutableConfiguration<K, V> config;
  private final boolean local;
  private final DeclaredStatistics statistics;
  private final JCacheConfigurationBean configurationBean;
  private final AtomicBoolean closed = new AtomicBoolean();

  DeclaredJCache(VelaCacheManager manager, dev.vela.Cache<K, V> cache, CacheConfig settings, Class<K> keyClass,
      Class<V> valueClass) {
    this.manager = manager;
    this.cache = cache;
    this.local = settings.topology() == Topology.LOCAL;
    boolean encodes = settings.backend() != Backend.MEMORY || settings.topology() != Topology.LOCAL;
    this.config = new MutableConfiguration<K, V>().setTypes(keyClass, valueClass).setStoreByValue(encodes);
    this.statistics = new DeclaredStatistics(cache);
    this.configurationBean = new JCacheConfigurationBean(() -> new MutableConfiguration<>(config));
  }

  /** Shows the Vela cache's own counters through the statistics MXBean, or stops showing them. */
  @Override
  public synchronized void setStatisticsEnabled(boolean enabled) {
    config.setStatisticsEnabled(enabled);
    MBeans.show(this, MBeans.Kind.CacheStatistics, statistics, enabled);
  }

  @Override
  public synchronized void setManagementEnabled(boolean enabled) {
    config.setManagementEnabled(enabled);
    MBeans.show(this, MBeans.Kind.CacheConfiguration, configurationBean, enabled);
  }

  @Override
  public V get(K key) {
    ensureOpen();
    return cache.get(checked(key, "key")).orElse(null);
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    return new HashMap<>(cache.getAll(keys));
  }

  @Override
  public boolean containsKey(K key) {
    ensureOpen();
    return cache.exists(checked(key, "key"));
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    if (listener != null) {
      listener.onCompletion(); // no loader: nothing to load
    }
  }

  @Override
  public void put(K key, V value) {
    ensureOpen();
    cache.put(checked(key, "key"), checked(value, "value"));
  }

  @Override
  public V getAndPut(K key, V value) {
    ensureOpen();
    return cache.getAndPut(checked(key, "key"), checked(value, "value")).orElse(null);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    ensureOpen();
    Objects.requireNonNull(map, "map");
    // one put per entry: a partitioned cache's putAll wants one owner, JCache's does not
    map.forEach((key, value) -> cache.put(checked(key, "key"), checked(value, "value")));
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    ensureOpen();
    return cache.putIfAbsent(checked(key, "key"), checked(value, "value"));
  }

  @Override
  public boolean remove(K key) {
    ensureOpen();
    return cache.delete(checked(key, "key"));
  }

  @Override
  public boolean remove(K key, V oldValue) {
    ensureOpen();
    return cache.delete(checked(key, "key"), checked(oldValue, "oldValue"));
  }

  @Override
  public V getAndRemove(K key) {
    ensureOpen();
    return cache.getAndDelete(checked(key, "key")).orElse(null);
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    ensureOpen();
    return cache.replace(checked(key, "key"), checked(oldValue, "oldValue"), checked(newValue, "newValue"));
  }

  @Override
  public boolean replace(K key, V value) {
    ensureOpen();
    return cache.replace(checked(key, "key"), checked(value, "value"));
  }

  @Override
  public V getAndReplace(K key, V value) {
    ensureOpen();
    K checkedKey = checked(key, "key");
    V checkedValue = checked(value, "value");
    return cache.transaction(List.of(checkedKey), locked -> {
      V previous = locked.get(checkedKey).orElse(null);
      if (previous != null) {
        locked.put(checkedKey, checkedValue);
      }
      return previous;
    });
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    cache.deleteAll(keys);
  }

  @Override
  public void removeAll() {
    ensureOpen();
    cache.flush();
  }

  @Override
  public void clear() {
    ensureOpen();
    cache.flush();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
    if (type.isInstance(config)) {
      return type.cast(new MutableConfiguration<>(config));
    }
    throw new IllegalArgumentException("the configuration of cache '" + getName() + "' is a "
        + config.getClass().getName() + ", not a " + type.getName());
  }

  /** Runs the processor with the key locked (a Vela transaction), then makes the change it asked for. */
  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    ensureOpen();
    K checkedKey = checked(key, "key");
    Objects.requireNonNull(processor, "processor");
    return cache.transaction(List.of(checkedKey), locked -> {
      ProcessorEntry<K, V> entry = new ProcessorEntry<>(checkedKey, locked.get(checkedKey).orElse(null), null);
      T result;
      try {
        result = processor.process(entry, arguments);
      } catch (CacheException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new EntryProcessorException("the entry processor failed on key " + checkedKey + ": " + e, e);
      }
      switch (entry.operation()) {
        case CREATE, UPDATE, LOAD -> locked.put(checkedKey, checked(entry.value(), "value"));
        case REMOVE -> locked.delete(checkedKey);
        case NONE, ACCESS -> { }
      }
      return result;
    });
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    ensureOpen();
    return ProcessorResults.invokeAll(this, keys, processor, arguments);
  }

  @Override
  public String getName() {
    return cache.name();
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  /** Closes the Vela cache this manager started; the manager forgets it. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      MBeans.unregisterAll(this);
      cache.close();
    } finally {
      manager.release(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapping.unwrap(type, "cache '" + getName() + "'", "; it is a " + cache.getClass().getName(),
        cache, this);
  }

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    throw new UnsupportedOperationException("cache '" + getName() + "' is declared with @VelaCache, whose JCache view"
        + " reports no entry events; create a cache with createCache(name, configuration) for listeners");
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    Objects.requireNonNull(configuration, "configuration");
  }

  /** The entries of a LOCAL cache as they stand, or of every node of a distributed one (a snapshot). */
  @Override
  public Iterator<Entry<K, V>> iterator() {
    ensureOpen();
    List<CacheEntry<K, V>> entries = local ? cache.stream().toList() : cache.export();
    Iterator<CacheEntry<K, V>> each = entries.iterator();
    return new JCacheIterator<>(new Iterator<K>() {
      @Override
      public boolean hasNext() {
        return each.hasNext();
      }

      @Override
      public K next() {
        return each.next().key();
      }
    }, key -> {
      V value = cache.get(key).orElse(null);
      return value == null ? null : new JCacheEntry<>(key, value);
    }, cache::delete);
  }

  private <T> T checked(T object, String what) {
    Objects.requireNonNull(object, what);
    Class<?> type = what.equals("key") ? config.getKeyType() : config.getValueType();
    if (!type.isInstance(object)) {
      throw new ClassCastException("cache '" + getName() + "' takes " + (what.equals("key") ? "keys" : "values")
          + " of type " + type.getName() + ", not " + object.getClass().getName());
    }
    return object;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("cache '" + getName() + "' is closed");
    }
  }
}
