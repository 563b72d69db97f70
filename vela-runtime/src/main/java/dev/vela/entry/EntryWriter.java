package dev.vela.entry;

/**
 * Write-through: told about each write of a {@link HookedStore} before the store makes it, while
 * the key is locked. When it throws, the store is left unchanged and the exception reaches the
 * caller. Loads are not written back.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface EntryWriter<K, V> {

  /** {@code value} is about to be stored under {@code key}. */
  void write(K key, V value);

  /** The entry under {@code key}, if any, is about to be removed. */
  void delete(K key);
}
