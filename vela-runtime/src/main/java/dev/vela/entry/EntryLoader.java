package dev.vela.entry;

/**
 * Read-through: where a {@link HookedStore} looks for a value it does not hold. A loaded value is
 * stored with the expiry policy's creation time and reported as created; it is not written back
 * through the {@link EntryWriter}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface EntryLoader<K, V> {

  /**
   * The value for {@code key}, or null when there is none (nothing is stored). Whatever it throws
   * reaches the caller of the read.
   */
  V load(K key);
}
