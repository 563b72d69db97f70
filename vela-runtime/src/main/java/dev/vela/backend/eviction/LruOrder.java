package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * Exact least-recently-used order: one circular list from the least recently used entry (after
 * the sentinel) to the most recently used (before it). Every operation is O(1).
 */
final class LruOrder<E> implements EvictionOrder<E> {
  private final OrderNode<E> sentinel = OrderNode.sentinel();
  private final long maximum;
  private long size;
  private long weightedSize;

  LruOrder(long maximum) {
    this.maximum = maximum;
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
      weightedSize += Weights.checked(weight) - node.weight;
      node.weight = weight;
      node.element = element;
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

  @Override
  public long size() {
    return size;
  }

  @Override
  public long weightedSize() {
    return weightedSize;
  }

  @Override
  public long maximum() {
    return maximum;
  }

  @Override
  public EvictionPolicy policy() {
    return EvictionPolicy.LRU;
  }
}
