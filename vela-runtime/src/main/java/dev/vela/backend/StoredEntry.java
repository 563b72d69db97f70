package dev.vela.backend;

import java.util.Objects;
import java.util.Set;

/**
 * An entry as a backend stores it: the value, when it expires and its tags.
 *
 * @param value the value, never null
 * @param expiresAtMillis the absolute expiry time in epoch milliseconds, or {@link #NO_EXPIRY}
 * @param tags the entry's tags; empty when it has none
 * @param <V> the value type
 */
public record StoredEntry<V>(V value, long expiresAtMillis, Set<String> tags) {
  /** The expiry time of an entry that never expires. */
  public static final long NO_EXPIRY = Long.MAX_VALUE;

  /** Checks the value and copies the tags. */
  public StoredEntry {
    Objects.requireNonNull(value, "value must not be null");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** True when the entry has expired at {@code nowMillis}: its expiry time is not after it. */
  public boolean isExpiredAt(long nowMillis) {
    return expiresAtMillis <= nowMillis;
  }

  /** True when the entry never expires. */
  public boolean neverExpires() {
    return expiresAtMillis == NO_EXPIRY;
  }
}
