package dev.vela.backend.eviction;

/** Tests' shorthand: a new {@link OrderNode}, added to an order. */
final class OrderNodes {
  private OrderNodes() {}

  static <E> OrderNode<E> add(EvictionOrder<OrderNode<E>> order, E element, int hash, int weight) {
    OrderNode<E> node = new OrderNode<>(element, hash);
    order.add(node, weight);
    return node;
  }
}
