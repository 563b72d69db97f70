package dev.vela.backend.eviction;

/**
 * A node of its own for an entry whose caller has none to link into the order (the DISK backend
 * tracks keys this way): it carries the tracked element, its key's hash and its weight. It is
 * touched only by the thread that holds the caller's eviction lock.
 *
 * @param <E> what the caller tracks: a key, say
 */
public final class OrderNode<E> implements Linked<OrderNode<E>> {
  private final E element;
  private final int hash;
  private int weight;
  private OrderNode<E> previous;
  private OrderNode<E> next;
  private Object list;

  /** A node for {@code element}, whose key has the hash code {@code hash}; not yet tracked. */
  public OrderNode(E element, int hash) {
    this.element = element;
    this.hash = hash;
  }

  /** What the caller tracks with this node. */
  public E element() {
    return element;
  }

  @Override
  public int weight() {
    return weight;
  }

  @Override
  public void setWeight(int weight) {
    this.weight = weight;
  }

  @Override
  public int keyHash() {
    return hash;
  }

  @Override
  public OrderNode<E> previousInOrder() {
    return previous;
  }

  @Override
  public void setPreviousInOrder(OrderNode<E> previous) {
    this.previous = previous;
  }

  @Override
  public OrderNode<E> nextInOrder() {
    return next;
  }

  @Override
  public void setNextInOrder(OrderNode<E> next) {
    this.next = next;
  }

  @Override
  public Object orderList() {
    return list;
  }

  @Override
  public void setOrderList(Object list) {
    this.list = list;
  }
}
