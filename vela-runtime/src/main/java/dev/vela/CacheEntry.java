package dev.vela;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a cache, as {@link Cache#export()} and {@link Cache#stream()} return it.
 *
 * @param key the key
 * @param value the value
 * @param ttl the remaining time to live when the entry was read; empty when it never expires
 * @param tags the entry's tags
 */
public record CacheEntry<K, V>(K key, V value, Optional<Duration> ttl, Set<String> tags) {
  /** Checks the components and copies the tags. */
  public CacheEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ttl, "ttl");
    tags = Set.copyOf(tags);
  }
}
