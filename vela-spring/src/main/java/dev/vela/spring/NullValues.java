package dev.vela.spring;

/**
 * Why a null cannot be cached, said once: a Vela cache holds no null values, and there is no marker
 * to stand for one, since a cache's value type is the user's and its codec writes only that type. So
 * {@link VelaCacheManager}'s caches report {@code allowNullValues = false} in Spring's terms and refuse
 * a null with an {@link IllegalArgumentException} carrying this message.
 */
final class NullValues {
  private NullValues() {}

  static IllegalArgumentException refused(String cacheName, Object key) {
    return new IllegalArgumentException("Cache '" + cacheName + "' cannot store null for key " + key
        + ": a Vela cache holds no null values. Leave nulls out of the cache with"
        + " @Cacheable(unless = \"#result == null\") or @CachePut(unless = \"#result == null\"), or return a"
        + " value that stands for \"none\"; @Cacheable(sync = true) does not take 'unless', so its method must"
        + " not return null.");
  }
}
