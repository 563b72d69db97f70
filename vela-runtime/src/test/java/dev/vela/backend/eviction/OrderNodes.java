package dev.vela.backend.eviction;

import java.util.List;

/** Tests' shorthand: a new {@link OrderNode}, added to an order. */
final class OrderNodes {
  private OrderNodes() {}

  static <E> OrderNode<E> add(EvictionOrder<OrderNode<E>> order, E element, int hash, int weight) {
    OrderNode<E> node = new OrderNode<>(element, hash);
    order.add(node, weight);
    return node;
  }

  /**
   * Adds {@code key} as a cache writes a miss, then evicts until the order is within its maximum,
   * noting each victim in {@code evicted}.
   */
  static OrderNode<String> write(EvictionOrder<OrderNode<String>> order, String key, List<String> evicted) {
    OrderNode<String> node = add(order, key, key.hashCode(), 1);
    OrderNode<String> victim;
    while ((victim = order.victim()) != null) {
      order.remove(victim);
      evicted.add(victim.element());
    }
    return node;
  }
}
