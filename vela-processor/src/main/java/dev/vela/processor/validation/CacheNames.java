package dev.vela.processor.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The cache names claimed so far in one compilation, to find two caches with one name. */
final class CacheNames {
  private final Map<String, String> interfaceByName = new HashMap<>();

  /**
   * Claims {@code cacheName} for {@code interfaceName}; returns the other interface when it was
   * claimed by another one already. An interface checked again in a later round keeps its claim.
   */
  Optional<String> claim(String cacheName, String interfaceName) {
    String holder = interfaceByName.putIfAbsent(cacheName, interfaceName);
    return holder == null || holder.equals(interfaceName) ? Optional.empty() : Optional.of(holder);
  }
}
