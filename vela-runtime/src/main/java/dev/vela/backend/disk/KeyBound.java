package dev.vela.backend.disk;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.eviction.EvictionOrder;
import dev.vela.backend.eviction.OrderNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code maxSize} of a bounded DISK cache: the keys the store holds, in the order of its
 * eviction policy, kept in memory and rebuilt from the store at open (in the store's order, as if
 * every key had just been written once). The store reports each key it writes or removes and each
 * read; after each change it removes the {@link #victim}s, within the same change, so it never
 * holds more than {@code maxSize} entries once a call returns. Thread-safe: reads report from any
 * thread, changes from the one holding the store's write lock.
 */
final class KeyBound {
  private final EvictionOrder<OrderNode<ByteKey>> order;
  private final Map<ByteKey, OrderNode<ByteKey>> nodes = new HashMap<>();

  KeyBound(EvictionPolicy policy, long maxSize) {
    this.order = EvictionOrder.of(policy, maxSize);
  }

  /** A key was written: added when new, else an overwrite, which counts as a use. */
  synchronized void written(ByteKey key) {
    OrderNode<ByteKey> node = nodes.get(key);
    if (node == null) {
      node = new OrderNode<>(key, key.hashCode());
      order.add(node, 1);
      nodes.put(key, node);
    } else {
      order.update(node, 1);
    }
  }

  /** A key was read. */
  synchronized void read(ByteKey key) {
    OrderNode<ByteKey> node = nodes.get(key);
    if (node != null) {
      order.touch(node);
    }
  }

  /** A key was removed. */
  synchronized void removed(ByteKey key) {
    OrderNode<ByteKey> node = nodes.remove(key);
    if (node != null) {
      order.remove(node);
    }
  }

  /** Every key was removed. */
  synchronized void cleared() {
    for (OrderNode<ByteKey> node : nodes.values()) {
      order.remove(node);
    }
    nodes.clear();
  }

  /** The key to evict next while more than {@code maxSize} keys are held, or null; the caller removes it. */
  synchronized ByteKey victim() {
    OrderNode<ByteKey> node = order.victim();
    return node == null ? null : node.element();
  }

  /** The number of keys held. */
  synchronized long size() {
    return nodes.size();
  }

  /** The policy, for {@code inspect()}. */
  EvictionPolicy policy() {
    return order.policy();
  }

  /** The most keys held. */
  long maxSize() {
    return order.maximum();
  }
}
