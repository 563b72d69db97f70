package dev.vela.jcache;

import dev.vela.backend.WriteCondition;
import dev.vela.entry.HookedRead;
import dev.vela.entry.HookedStore;
import dev.vela.entry.HookedWrite;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache cache built at run time: a local memory store with the spec's store-by-value copies,
 * expiry policy, read-through, write-through, entry processors, listeners, statistics and
 * management, all run by Vela's {@link HookedStore}. Statistics follow the reference
 * implementation's reading of the spec's table.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class VelaJCache<K, V> implements Cache<K, V>, ManagedCache {
  private final String name;
  private final VelaCacheManager manager;
  private final VelaCacheConfiguration<K, V> config;
  private final JCacheValues values;
  private final JCacheHooks<K, V> hooks;
  private final JCacheListeners<K, V> listeners;
  private final HookedStore<K, V> store;
  private final JCacheStatistics statistics = new JCacheStatistics();
  private final JCacheConfigurationBean configurationBean = new JCacheConfigurationBean(this::configuration);
  private final ScheduledFuture<?> sweeps;
  private final AtomicBoolean closed = new AtomicBoolean();

  VelaJCache(VelaCacheManager manager, String name, CompleteConfiguration<K, V> configuration) {
    this.manager = manager;
    this.name = name;
    this.config = new VelaCacheConfiguration<>(configuration);
    Copier chosen = configuration instanceof VelaCacheConfiguration<K, V> vela ? vela.getCopier() : null;
    Copier copier = !config.isStoreByValue() ? Copier.none()
        : chosen != null ? chosen : new InProcessCopier(manager.getClassLoader());
    this.values = new JCacheValues(name, config.getKeyType(), config.getValueType(), copier);
    this.hooks = new JCacheHooks<>(config);
    this.listeners = new JCacheListeners<>(this, copier);
    for (CacheEntryListenerConfiguration<K, V> each : config.getCacheEntryListenerConfigurations()) {
      listeners.register(each);
    }
    this.store = HookedStore.inMemory(hooks.entryHooks(listeners), InstantSource.system());
    this.sweeps = ExpirySweeps.start(name, store);
    setStatisticsEnabled(config.isStatisticsEnabled());
    setManagementEnabled(config.isManagementEnabled());
  }

  @Override
  public V get(K key) {
    ensureOpen();
    K storedKey = values.key(key);
    long start = statistics.start();
    HookedRead<V> read = store.get(storedKey, config.isReadThrough());
    statistics.read(read.hit(), start);
    return values.out(read.value());
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    Map<K, V> found = new HashMap<>();
    for (K key : keys) {
      V value = get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public boolean containsKey(K key) {
    ensureOpen();
    return store.contains(Objects.requireNonNull(key, "key"));
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    CompletionListener listener = completionListener == null ? new NoCompletion() : completionListener;
    if (!hooks.hasLoader()) {
      listener.onCompletion();
      return;
    }
    List<K> keysToLoad = new ArrayList<>(keys.size());
    for (K key : keys) {
      keysToLoad.add(values.key(key));
    }
    Background.POOL.execute(() -> {
      try {
        List<K> wanted = replaceExistingValues
            ? keysToLoad : keysToLoad.stream().filter(key -> !store.contains(key)).toList();
        Map<K, V> loaded = wanted.isEmpty() ? Map.of() : hooks.loadAll(wanted);
        for (Map.Entry<K, V> each : loaded.entrySet()) {
          if (each.getKey() != null && each.getValue() != null) {
            WriteCondition<V> condition = replaceExistingValues ? WriteCondition.always() : WriteCondition.absent();
            store.put(values.key(each.getKey()), values.value(each.getValue(), "value"), condition, false);
          }
        }
        listener.onCompletion();
      } catch (Exception e) {
        listener.onException(e);
      }
    });
  }

  @Override
  public void put(K key, V value) {
    unconditionalPut(key, value, false);
  }

  @Override
  public V getAndPut(K key, V value) {
    return values.out(unconditionalPut(key, value, true).previous());
  }

  /** A put whatever the cache holds; {@code asRead} also counts it as a read of the value it replaced. */
  private HookedWrite<V> unconditionalPut(K key, V value, boolean asRead) {
    ensureOpen();
    K storedKey = values.key(key);
    V storedValue = values.value(value, "value");
    long start = statistics.start();
    HookedWrite<V> write = store.put(storedKey, storedValue, WriteCondition.always(), config.isWriteThrough());
    if (asRead) {
      statistics.read(write.previous() != null, start);
    }
    statistics.puts(write.stored() ? 1 : 0, start);
    return write;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    ensureOpen();
    Objects.requireNonNull(entries, "entries");
    Map<K, V> copies = new LinkedHashMap<>();
    for (Map.Entry<? extends K, ? extends V> each : entries.entrySet()) {
      copies.put(values.key(each.getKey()), values.value(each.getValue(), "value"));
    }
    long start = statistics.start();
    CacheWriterException failure = null;
    if (config.isWriteThrough() && hooks.hasWriter() && !copies.isEmpty()) {
      List<Cache.Entry<? extends K, ? extends V>> unwritten = new ArrayList<>();
      copies.forEach((key, value) -> unwritten.add(new JCacheEntry<>(key, value)));
      failure = hooks.writeAll(unwritten);
      if (failure != null) {
        for (Cache.Entry<? extends K, ? extends V> notWritten : unwritten) {
          copies.remove(notWritten.getKey());
        }
      }
    }
    long stored = 0;
    for (Map.Entry<K, V> each : copies.entrySet()) {
      if (store.put(each.getKey(), each.getValue(), WriteCondition.always(), false).stored()) {
        stored++;
      }
    }
    statistics.puts(stored, start);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    ensureOpen();
    K storedKey = values.key(key);
    V storedValue = values.value(value, "value");
    long start = statistics.start();
    HookedWrite<V> write = store.put(storedKey, storedValue, WriteCondition.absent(), config.isWriteThrough());
    boolean stored = write.applied() && write.stored();
    if (stored) {
      statistics.misses(1);
      statistics.puts(1, start);
    } else {
      statistics.hits(1);
    }
    return stored;
  }

  @Override
  public boolean remove(K key) {
    return unconditionalRemove(key, false).applied();
  }

  @Override
  public boolean remove(K key, V oldValue) {
    ensureOpen();
    K storedKey = values.key(key);
    V expected = values.value(oldValue, "oldValue");
    long start = statistics.start();
    HookedWrite<V> removal = store.remove(storedKey, WriteCondition.valueEquals(expected), config.isWriteThrough());
    statistics.read(removal.previous() != null, start);
    statistics.removals(removal.applied() ? 1 : 0, start);
    return removal.applied();
  }

  @Override
  public V getAndRemove(K key) {
    return values.out(unconditionalRemove(key, true).previous());
  }

  /** A removal whatever the cache holds; {@code asRead} also counts it as a read of the value it removed. */
  private HookedWrite<V> unconditionalRemove(K key, boolean asRead) {
    ensureOpen();
    K storedKey = values.key(key);
    long start = statistics.start();
    HookedWrite<V> removal = store.remove(storedKey, WriteCondition.always(), config.isWriteThrough());
    if (asRead) {
      statistics.read(removal.previous() != null, start);
    }
    statistics.removals(removal.applied() ? 1 : 0, start);
    return removal;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    ensureOpen();
    K storedKey = values.key(key);
    V expected = values.value(oldValue, "oldValue");
    V storedValue = values.value(newValue, "value");
    long start = statistics.start();
    HookedWrite<V> write =
        store.put(storedKey, storedValue, WriteCondition.valueEquals(expected), config.isWriteThrough());
    statistics.read(write.previous() != null, start);
    statistics.puts(write.applied() ? 1 : 0, start);
    return write.applied();
  }

  @Override
  public boolean replace(K key, V value) {
    return getAndReplaceWrite(key, value).applied();
  }

  @Override
  public V getAndReplace(K key, V value) {
    return values.out(getAndReplaceWrite(key, value).previous());
  }

  private HookedWrite<V> getAndReplaceWrite(K key, V value) {
    ensureOpen();
    K storedKey = values.key(key);
    V storedValue = values.value(value, "value");
    long start = statistics.start();
    HookedWrite<V> write = store.put(storedKey, storedValue, WriteCondition.present(), config.isWriteThrough());
    statistics.read(write.applied(), start);
    statistics.puts(write.applied() ? 1 : 0, start);
    return write;
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    ensureOpen();
    JCacheValues.checkKeys(keys);
    Set<K> toRemove = new LinkedHashSet<>();
    for (K key : keys) {
      toRemove.add(values.key(key));
    }
    removeEach(toRemove);
  }

  @Override
  public void removeAll() {
    ensureOpen();
    removeEach(new LinkedHashSet<>(store.keys()));
  }

  private void removeEach(Set<K> keys) {
    long start = statistics.start();
    CacheWriterException failure = null;
    if (config.isWriteThrough() && hooks.hasWriter() && !keys.isEmpty()) {
      Set<K> undeleted = new LinkedHashSet<>(keys);
      failure = hooks.deleteAll(undeleted);
      if (failure != null) {
        keys.removeAll(undeleted);
      }
    }
    long removed = 0;
    for (K key : keys) {
      if (store.remove(key, WriteCondition.always(), false).applied()) {
        removed++;
      }
    }
    statistics.removals(removed, start);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void clear() {
    ensureOpen();
    store.clear();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
    if (type.isInstance(config)) {
      // a copy: changing it must not change the cache
      return type.cast(new VelaCacheConfiguration<>(config));
    }
    throw new IllegalArgumentException("the configuration of cache '" + name + "' is a "
        + config.getClass().getName() + ", not a " + type.getName());
  }

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    ensureOpen();
    K storedKey = values.key(key);
    Objects.requireNonNull(processor, "processor");
    return store.locked(storedKey, () -> process(storedKey, processor, arguments));
  }

  private <T> T process(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    long start = statistics.start();
    V held = store.peek(key);
    statistics.read(held != null, start);
    ProcessorEntry<K, V> entry = new ProcessorEntry<>(key, values.out(held),
        config.isReadThrough() && hooks.hasLoader() ? hooks::load : null);
    T result;
    try {
      result = processor.process(entry, arguments);
    } catch (CacheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EntryProcessorException("the entry processor failed on key " + key + ": " + e, e);
    }
    start = statistics.start();
    switch (entry.operation()) {
      case NONE -> { }
      case ACCESS -> store.get(key, false);
      case LOAD -> store.put(key, values.value(entry.value(), "value"), WriteCondition.always(), false);
      case CREATE, UPDATE -> {
        V value = values.value(entry.value(), "value");
        if (store.put(key, value, WriteCondition.always(), config.isWriteThrough()).stored()) {
          statistics.puts(1, start);
        }
      }
      case REMOVE -> {
        if (store.remove(key, WriteCondition.always(), config.isWriteThrough()).applied()) {
          statistics.removals(1, start);
        }
      }
    }
    return result;
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    ensureOpen();
    return ProcessorResults.invokeAll(this, keys, processor, arguments);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  /** Closes the cache: its MXBeans, listeners, loader, writer and store; the manager forgets it. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      sweeps.cancel(false);
      MBeans.unregisterAll(this);
      listeners.closeAll();
      hooks.close();
      store.close();
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
    return Unwrapping.unwrap(type, "cache '" + name + "'",
        "; it is a " + getClass().getName() + " over a " + HookedStore.class.getName(), this, store);
  }

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    ensureOpen();
    Objects.requireNonNull(configuration, "configuration");
    if (!listeners.register(configuration)) {
      throw new IllegalArgumentException("cache '" + name + "' has this listener configuration registered already");
    }
    config.addCacheEntryListenerConfiguration(configuration);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    ensureOpen();
    Objects.requireNonNull(configuration, "configuration");
    listeners.deregister(configuration);
    config.removeCacheEntryListenerConfiguration(configuration);
  }

  @Override
  public Iterator<Entry<K, V>> iterator() {
    ensureOpen();
    return new JCacheIterator<>(store.keys().iterator(), key -> {
      long start = statistics.start();
      V value = store.get(key, false).value();
      if (value == null) {
        return null;
      }
      statistics.read(true, start);
      return new JCacheEntry<>(values.out(key), values.out(value));
    }, this::remove);
  }

  @Override
  public void setStatisticsEnabled(boolean enabled) {
    config.setStatisticsEnabled(enabled);
    statistics.enabled(enabled);
    MBeans.show(this, MBeans.Kind.CacheStatistics, statistics, enabled);
  }

  @Override
  public void setManagementEnabled(boolean enabled) {
    config.setManagementEnabled(enabled);
    MBeans.show(this, MBeans.Kind.CacheConfiguration, configurationBean, enabled);
  }

  /** A copy of the configuration, for the configuration MXBean. */
  CompleteConfiguration<K, V> configuration() {
    return new VelaCacheConfiguration<>(config);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("cache '" + name + "' is closed");
    }
  }
}
