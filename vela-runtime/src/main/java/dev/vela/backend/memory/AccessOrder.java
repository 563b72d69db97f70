package dev.vela.backend.memory;

import dev.vela.annotation.EvictionPolicy;

/**
 * The order in which a bounded cache gives up entries. Every method runs under the eviction lock.
 * Methods ignore nodes that are no longer linked (replaced or removed since a read recorded them).
 */
sealed interface AccessOrder<K, V> permits LruOrder, LfuOrder {

  /** Starts tracking a new entry. */
  void add(LinkedNode<K, V> node);

  /** {@code replacement} takes over from {@code old} (an overwrite), which counts as a use. */
  void replace(LinkedNode<K, V> old, LinkedNode<K, V> replacement);

  /** Records a read of {@code node}. */
  void touch(LinkedNode<K, V> node);

  /** Stops tracking {@code node}. */
  void remove(LinkedNode<K, V> node);

  /** The entry to evict first, never {@code spared} (the one just written), or null when none. */
  LinkedNode<K, V> victim(LinkedNode<K, V> spared);

  /** The number of tracked entries. */
  long size();

  /** The order for {@code policy}, which must be LRU or LFU. */
  static <K, V> AccessOrder<K, V> of(EvictionPolicy policy) {
    return switch (policy) {
      case LRU -> new LruOrder<>();
      case LFU, ADAPTIVE -> new LfuOrder<>();
      case TTL_ONLY -> throw new IllegalArgumentException(
          "a size limit needs the LRU or LFU eviction policy; TTL_ONLY never evicts");
    };
  }
}
