package dev.vela.core;

import dev.vela.Cache;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;

/** Wires a cache from its configuration with plain constructor calls. */
final class CacheFactory {
  private CacheFactory() {}

  static <K, V> Cache<K, V> open(CacheConfig config, CacheTypes<K, V> types, RuntimeSettings settings) {
    throw new UnsupportedOperationException("not built yet");
  }
}
