package dev.vela.jcache;

import java.util.Objects;
import java.util.Set;

/**
 * The checks and copies of keys and values crossing a JCache cache's edge: not null, of the
 * configured types (else a {@link ClassCastException} naming both), copied by the cache's {@link
 * Copier} going in and coming out.
 */
final class JCacheValues {
  private final String cacheName;
  private final Class<?> keyType;
  private final Class<?> valueType;
  private final Copier copier;

  JCacheValues(String cacheName, Class<?> keyType, Class<?> valueType, Copier copier) {
    this.cacheName = cacheName;
    this.keyType = keyType;
    this.valueType = valueType;
    this.copier = copier;
  }

  Copier copier() {
    return copier;
  }

  /** A key going in, checked and copied. */
  <K> K key(K key) {
    return in(key, "key", keyType);
  }

  /** A value going in, checked and copied; {@code what} names the argument in messages. */
  <V> V value(V value, String what) {
    return in(value, what, valueType);
  }

  /** A copy of what goes out, or null. */
  <T> T out(T object) {
    return object == null ? null : copier.copy(object);
  }

  /** Refuses a null set of keys, or one that holds null. */
  static void checkKeys(Set<?> keys) {
    Objects.requireNonNull(keys, "keys");
    for (Object key : keys) {
      Objects.requireNonNull(key, "keys must not contain null");
    }
  }

  private <T> T in(T object, String what, Class<?> type) {
    Objects.requireNonNull(object, what);
    if (!type.isInstance(object)) {
      throw new ClassCastException("cache '" + cacheName + "' takes " + what + "s of type " + type.getName()
          + ", not " + object.getClass().getName());
    }
    return copier.copy(object);
  }
}
