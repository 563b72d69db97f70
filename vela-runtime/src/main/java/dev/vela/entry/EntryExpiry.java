package dev.vela.entry;

import dev.vela.config.Durations;
import java.time.Duration;

/**
 * A per-entry expiry policy: how long an entry lives after it is created, updated or read. A
 * returned {@link Duration#ZERO} expires the entry at once, {@link Durations#INFINITE} never, and
 * null (allowed on update and read) keeps the entry's current expiry time. A policy that throws is
 * treated as if it had returned infinite on creation and null otherwise: a broken policy never
 * loses a write.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface EntryExpiry<K, V> {

  /** The time to live of an entry just created; never null. */
  Duration afterCreate(K key, V value);

  /** The new time to live of an entry just updated, or null to keep its expiry. */
  default Duration afterUpdate(K key, V value) {
    return null;
  }

  /** The new time to live of an entry just read, or null to keep its expiry. */
  default Duration afterRead(K key, V value) {
    return null;
  }

  /** The policy under which entries never expire. */
  static <K, V> EntryExpiry<K, V> never() {
    return (key, value) -> Durations.INFINITE;
  }
}
