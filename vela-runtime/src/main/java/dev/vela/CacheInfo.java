package dev.vela;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about this node's part of a cache, from {@link Cache#inspect()}; never aggregated.
 *
 * @param name the cache's name
 * @param node this node's name ({@code "local"} for a LOCAL cache)
 * @param backend the backend, as {@code MEMORY}, {@code DISK} or {@code REDIS}
 * @param topology the topology, as {@code LOCAL}, {@code REPLICATED} or {@code PARTITIONED}
 * @param entries the entries held on this node, expired ones not yet swept included
 * @param details further facts by name: limits, eviction policy, ring ownership, file paths
 */
public record CacheInfo(
    String name, String node, String backend, String topology, long entries, Map<String, String> details) {
  /** Copies the details, sorted by name so they read the same every time. */
  public CacheInfo {
    details = Collections.unmodifiableMap(new TreeMap<>(details));
  }
}
