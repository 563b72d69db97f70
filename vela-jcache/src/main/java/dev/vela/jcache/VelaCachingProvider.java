package dev.vela.jcache;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * Vela's JSR-107 {@link CachingProvider}, found by {@code Caching.getCachingProvider()} through
 * {@code META-INF/services/javax.cache.spi.CachingProvider}.
 *
 * <pre>{@code
 * CacheManager manager = Caching.getCachingProvider().getCacheManager();
 * Cache<String, Integer> cache = manager.createCache("counts",
 *     new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class));
 * }</pre>
 *
 * <p>Caches made with {@code createCache} are local memory caches. Store-by-value (the default)
 * copies keys and values as they go in and out; see {@link Copier} for how. Store-by-reference is
 * supported too.
 */
public final class VelaCachingProvider implements CachingProvider {
  private static final URI DEFAULT_URI = URI.create("vela:jcache");

  private final Map<ClassLoader, Map<URI, VelaCacheManager>> managers = new WeakHashMap<>();

  /** A provider; {@code Caching} makes one through the service loader. */
  public VelaCachingProvider() {}

  @Override
  public synchronized CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties props = properties == null ? getDefaultProperties() : properties;
    return managers.computeIfAbsent(loader, any -> new HashMap<>())
        .computeIfAbsent(managerUri, any -> new VelaCacheManager(this, managerUri, loader, props));
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return DEFAULT_URI;
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader());
  }

  @Override
  public void close() {
    List<VelaCacheManager> all = new ArrayList<>();
    synchronized (this) {
      managers.values().forEach(byUri -> all.addAll(byUri.values()));
    }
    all.forEach(VelaCacheManager::close);
  }

  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    List<VelaCacheManager> all;
    synchronized (this) {
      Map<URI, VelaCacheManager> byUri = managers.get(loader);
      all = byUri == null ? List.of() : new ArrayList<>(byUri.values());
    }
    all.forEach(VelaCacheManager::close);
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    VelaCacheManager manager;
    synchronized (this) {
      Map<URI, VelaCacheManager> byUri = managers.get(loader);
      manager = byUri == null ? null : byUri.get(managerUri);
    }
    if (manager != null) {
      manager.close();
    }
  }

  @Override
  public boolean isSupported(OptionalFeature feature) {
    return feature == OptionalFeature.STORE_BY_REFERENCE;
  }

  /** Forgets a closed manager, so the next request for its URI makes a new one. */
  synchronized void release(VelaCacheManager manager) {
    Map<URI, VelaCacheManager> byUri = managers.get(manager.getClassLoader());
    if (byUri != null) {
      byUri.remove(manager.getURI(), manager);
      if (byUri.isEmpty()) {
        managers.remove(manager.getClassLoader());
      }
    }
  }
}
