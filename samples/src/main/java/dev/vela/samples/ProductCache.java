package dev.vela.samples;

import dev.vela.Cache;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.VelaCache;

/** Products by SKU: ten minutes each, at most 10,000, least recently used out first. */
@VelaCache(defaultTtl = "10m", maxSize = 10_000, evictionPolicy = EvictionPolicy.LRU)
public interface ProductCache extends Cache<String, Product> {
  /** A cache with the settings above. */
  static ProductCache create() {
    return VelaProductCache.create();
  }
}
