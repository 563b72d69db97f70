package dev.vela.jcache;

import dev.vela.CacheBuilder;
import dev.vela.VelaException;
import dev.vela.registry.DeclaredCache;
import dev.vela.registry.DeclaredCaches;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/**
 * The caches of one URI and class loader: those created at run time through {@link #createCache},
 * and every cache declared with {@code @VelaCache} that the class loader sees, started the first
 * time it is asked for by name and wrapped, not copied ({@code unwrap} gives the Vela cache back).
 * A name that no cache has returns null.
 */
final class VelaCacheManager implements CacheManager {
  private final VelaCachingProvider provider;
  private final URI uri;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final ConcurrentMap<String, Cache<?, ?>> caches = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  VelaCacheManager(VelaCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = classLoader;
    this.properties = properties;
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(configuration, "configuration");
    CompleteConfiguration<K, V> complete = configuration instanceof CompleteConfiguration<K, V> given
        ? given
        : new MutableConfiguration<K, V>()
            .setTypes(configuration.getKeyType(), configuration.getValueType())
            .setStoreByValue(configuration.isStoreByValue());
    synchronized (caches) {
      if (DeclaredCaches.find(cacheName, classLoader).isPresent()) {
        throw new CacheException("'" + cacheName + "' is a cache declared with @VelaCache; get it with getCache("
            + "name, keyType, valueType), or create a run-time cache under another name");
      }
      if (caches.containsKey(cacheName)) {
        throw new CacheException("a cache named '" + cacheName + "' exists already in " + uri
            + "; use getCache, or destroyCache it first");
      }
      VelaJCache<K, V> cache = new VelaJCache<>(this, cacheName, complete);
      caches.put(cacheName, cache);
      return cache;
    }
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Cache<?, ?> cache = cacheNamed(cacheName);
    if (cache == null) {
      return null;
    }
    @SuppressWarnings("unchecked") // a raw class literal; any cache's configuration is complete here
    CompleteConfiguration<?, ?> config = cache.getConfiguration(CompleteConfiguration.class);
    if (!keyType.equals(config.getKeyType()) || !valueType.equals(config.getValueType())) {
      throw new ClassCastException("cache '" + cacheName + "' holds " + config.getKeyType().getName() + " keys and "
          + config.getValueType().getName() + " values, but was asked for as " + keyType.getName() + " keys and "
          + valueType.getName() + " values");
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> typed = (Cache<K, V>) cache;
    return typed;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    @SuppressWarnings("unchecked")
    Cache<K, V> cache = (Cache<K, V>) cacheNamed(cacheName);
    return cache;
  }

  @Override
  public Iterable<String> getCacheNames() {
    ensureOpen();
    // declared caches join the list once started: a manager lists what it holds
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  /** The cache of that name: a run-time one, or a declared one, started now if need be; or null. */
  private Cache<?, ?> cacheNamed(String cacheName) {
    Cache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      return cache;
    }
    Optional<DeclaredCache<?, ?, ?>> declared = DeclaredCaches.find(cacheName, classLoader);
    if (declared.isEmpty()) {
      return null;
    }
    synchronized (caches) {
      ensureOpen();
      return caches.computeIfAbsent(cacheName, name -> start(declared.get()));
    }
  }

  private <K, V, C extends dev.vela.Cache<K, V>> Cache<K, V> start(DeclaredCache<K, V, C> declared) {
    @SuppressWarnings("unchecked") // the declaration's classes are the erasures of K and V
    Class<K> keyClass = (Class<K>) declared.keyClass();
    @SuppressWarnings("unchecked")
    Class<V> valueClass = (Class<V>) declared.valueClass();
    CacheBuilder<K, V, C> builder = declared.builder();
    try {
      return new DeclaredJCache<>(this, builder.create(), builder.config(), keyClass, valueClass);
    } catch (VelaException e) {
      throw new CacheException("the declared cache '" + declared.name() + "' cannot start: " + e.getMessage(), e);
    }
  }

  @Override
  public void destroyCache(String cacheName) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Cache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.clear();
      cache.close();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    if (caches.get(cacheName) instanceof ManagedCache cache) {
      cache.setManagementEnabled(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    if (caches.get(cacheName) instanceof ManagedCache cache) {
      cache.setStatisticsEnabled(enabled);
    }
  }

  /** Closes every cache and forgets this manager in its provider. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    provider.release(this);
    for (Cache<?, ?> cache : new ArrayList<>(caches.values())) {
      cache.close();
    }
    caches.clear();
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapping.unwrap(this, type, "a Vela cache manager");
  }

  /** Forgets a closed cache. */
  void release(Cache<?, ?> cache) {
    caches.remove(cache.getName(), cache);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the cache manager of " + uri + " is closed");
    }
  }
}
