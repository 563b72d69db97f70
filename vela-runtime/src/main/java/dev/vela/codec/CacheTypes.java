package dev.vela.codec;

import java.util.Objects;

/**
 * The key and value types of a cache with their codecs, as the generated class passes them to the
 * runtime.
 *
 * @param key the key type and its codec
 * @param value the value type and its codec
 */
public record CacheTypes<K, V>(TypeCodec<K> key, TypeCodec<V> value) {
  /** Checks that neither is null. */
  public CacheTypes {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
