package dev.vela.entry;

import java.util.Objects;

/**
 * One change to one entry of a {@link HookedStore}.
 *
 * @param kind what happened
 * @param key the entry's key, never null
 * @param oldValue the value before the change: null for {@link Kind#CREATED}; for {@link
 *     Kind#REMOVED} and {@link Kind#EXPIRED} the value that left
 * @param value the value after the change: null for {@link Kind#REMOVED} and {@link Kind#EXPIRED}
 * @param <K> the key type
 * @param <V> the value type
 */
public record EntryEvent<K, V>(Kind kind, K key, V oldValue, V value) {

  /** What happened to the entry. */
  public enum Kind {
    /** A value was stored under a key that had none (a put or a load). */
    CREATED,
    /** A live value was replaced. */
    UPDATED,
    /** A live entry was removed by a caller. */
    REMOVED,
    /** An entry's time ran out and it was found and removed. */
    EXPIRED
  }

  /** Checks the kind and key, and that each kind carries the values it needs. */
  public EntryEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    if ((kind == Kind.CREATED || kind == Kind.UPDATED) && value == null) {
      throw new IllegalArgumentException(kind + " event for key " + key + " needs a value");
    }
    if (kind != Kind.CREATED && oldValue == null) {
      throw new IllegalArgumentException(kind + " event for key " + key + " needs an old value");
    }
  }

  /** A new entry. */
  public static <K, V> EntryEvent<K, V> created(K key, V value) {
    return new EntryEvent<>(Kind.CREATED, key, null, value);
  }

  /** A live value replaced by {@code value}. */
  public static <K, V> EntryEvent<K, V> updated(K key, V oldValue, V value) {
    return new EntryEvent<>(Kind.UPDATED, key, oldValue, value);
  }

  /** A live entry removed by a caller. */
  public static <K, V> EntryEvent<K, V> removed(K key, V oldValue) {
    return new EntryEvent<>(Kind.REMOVED, key, oldValue, null);
  }

  /** An entry whose time ran out. */
  public static <K, V> EntryEvent<K, V> expired(K key, V oldValue) {
    return new EntryEvent<>(Kind.EXPIRED, key, oldValue, null);
  }
}
