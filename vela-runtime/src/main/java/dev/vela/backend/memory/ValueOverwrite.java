package dev.vela.backend.memory;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An overwrite of a bounded entry that changes only its value: the same expiry, the same tags and
 * the same weight, so neither the tag index nor the eviction order's weights change, and the put
 * needs no eviction lock. It runs as the map's {@code computeIfPresent} for the key, so it holds
 * the map's lock for that key, the lock every insert, replacement and removal of the key also
 * takes: the value is written only while the node is still the key's entry, and a removal that
 * follows (an eviction, a delete, an expiry) sees the new value, which its listener then reports.
 * An overwrite under the eviction lock rewrites its node under the same lock ({@link
 * MemoryBackend}), so the two never interleave: no entry ends with the value of one write and the
 * expiry, tags or weight of another.
 *
 * <p>The write is refused, and the caller takes the locked path, when the node left the map, when
 * it no longer matches, or while a conditional write runs ({@link Eviction#conditionalWriteRunning}):
 * such a write reads the entry and writes it back as one step, and an overwrite between the two
 * would be lost.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ValueOverwrite<K, V> implements BiFunction<K, Object, Object> {
  private final LinkedNode<K, V> node;
  private final V value;
  private final long expiresAt;
  private final Set<String> tags;
  private final int weight;
  private final Eviction<K, V> eviction;
  private boolean written;

  private ValueOverwrite(LinkedNode<K, V> node, V value, long expiresAt, Set<String> tags, int weight,
      Eviction<K, V> eviction) {
    this.node = node;
    this.value = value;
    this.expiresAt = expiresAt;
    this.tags = tags;
    this.weight = weight;
    this.eviction = eviction;
  }

  /**
   * Writes {@code value} into {@code node}, the entry of {@code key} in {@code backend}'s map, when
   * it is still there and its expiry, tags and weight are those given; returns whether it did.
   */
  static <K, V> boolean tryWrite(MemoryBackend<K, V> backend, K key, LinkedNode<K, V> node, V value,
      long expiresAt, Set<String> tags, int weight) {
    // a look before the map's lock: an overwrite that changes the expiry or the tags needs the locked path
    if (!matches(node, expiresAt, tags) || backend.eviction.conditionalWriteRunning()) {
      return false;
    }
    ValueOverwrite<K, V> overwrite = new ValueOverwrite<>(node, value, expiresAt, tags, weight, backend.eviction);
    backend.map.computeIfPresent(key, overwrite);
    return overwrite.written;
  }

  private static boolean matches(LinkedNode<?, ?> node, long expiresAt, Set<String> tags) {
    return node.expiresAt() == expiresAt && Objects.equals(node.tags(), tags);
  }

  /** Under the map's lock for the key: writes the value if {@code current} is still the node and matches. */
  @Override
  public Object apply(K key, Object current) {
    // the weight is read here, not before: a locked overwrite changes it under this lock, and a
    // node's weight is set before the node is published (see MemoryBackend#put)
    if (current == node && matches(node, expiresAt, tags) && node.weight() == weight
        && !eviction.conditionalWriteRunning()) {
      node.value = value;
      written = true;
    }
    return current;
  }
}
