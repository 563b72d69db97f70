package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * Exact least-recently-used order: one circular list from the least recently used entry (after
 * the sentinel) to the most recently used (before it). Every operation is O(1).
 */
final class LruOrder<E> extends CountingOrder<E> {
  private final OrderNode<E> sentinel = OrderNode.sentinel();

  LruOrder(long maximum) {
    super(EvictionPolicy.LRU, maximum);
  }

  @Override
  public OrderNode<E> add(E element, int keyHash, int weight) {
    OrderNode<E> node = new OrderNode<>(element, keyHash, Weights.checked(weight));
    node.linkBefore(sentinel);
    size++;
    weightedSize += weight;
    return node;
  }

  @Override
  public void touch(OrderNode<E> node) {
    if (node.isTracked()) {
      node.moveToEnd(sentinel);
    }
  }

  @Override
  public void update(OrderNode<E> node, E element, int weight) {
    if (node.isTracked()) {
      reweigh(node, element, weight);
      node.moveToEnd(sentinel);
    }
  }

  @Override
  public void remove(OrderNode<E> node) {
    if (node.isTracked()) {
      node.unlink();
      size--;
      weightedSize -= node.weight;
    }
  }

  @Override
  public OrderNode<E> victim() {
    return weightedSize > maximum && sentinel.next != sentinel ? sentinel.next : null;
  }
}
