package dev.vela.registry;

import dev.vela.Cache;
import dev.vela.CacheBuilder;

/**
 * One cache declared with {@code @VelaCache}, as the processor records it: the generated class
 * {@code Vela<Name>} holds an implementation named {@code Declaration}, listed in {@code
 * META-INF/services/dev.vela.registry.DeclaredCache} so that {@link DeclaredCaches} finds it.
 *
 * <p>A declaration only describes the cache; nothing starts until {@link #create()} or {@link
 * #builder()}{@code .create()} is called, and each call starts a new cache that the caller closes.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the declared cache interface
 */
public interface DeclaredCache<K, V, C extends Cache<K, V>> {

  /** The cache's name: {@code @VelaCache(name)}, or the interface's simple name. */
  String name();

  /** The interface annotated with {@code @VelaCache}. */
  Class<C> cacheType();

  /**
   * The class of the keys: the erasure of {@code K}, so {@code List.class} for {@code List<String>}
   * keys.
   */
  Class<?> keyClass();

  /** The class of the values: the erasure of {@code V}. */
  Class<?> valueClass();

  /**
   * A builder preset with the annotation's settings, the one {@code Vela<Name>.builder()} returns;
   * integrations set what they own (a meter registry, a cluster) before {@code create()}.
   */
  CacheBuilder<K, V, C> builder();

  /** Starts a cache with the annotation's settings, as {@code Vela<Name>.create()} does. */
  default C create() {
    return builder().create();
  }
}
