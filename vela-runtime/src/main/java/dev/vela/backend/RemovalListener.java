package dev.vela.backend;

/**
 * Told about every entry a backend removes on its own: expired or evicted, never one removed by
 * delete, flush or invalidateTag (the cache core counts those itself). The core counts these
 * removals; a near cache drops its copy.
 *
 * <p>Called on the thread that removed the entry, possibly while the backend holds an internal
 * lock: implementations must be quick and must not call back into the cache.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface RemovalListener<K, V> {

  /** Called once for each entry removed for {@code cause}. */
  void onRemoval(K key, V value, RemovalCause cause);
}
