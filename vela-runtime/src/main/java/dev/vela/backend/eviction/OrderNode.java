package dev.vela.backend.eviction;

/**
 * The place of one entry in an {@link EvictionOrder}: the order creates it in {@link
 * EvictionOrder#add} and the caller keeps it beside the entry, to hand back on reads, overwrites and
 * removals. It is touched only by the thread that holds the caller's eviction lock.
 *
 * @param <E> what the caller tracks: a key, or its own node for the key
 */
public final class OrderNode<E> {
  E element;
  final int hash;
  int weight;
  OrderNode<E> prev;
  OrderNode<E> next;
  /** The LFU frequency bucket holding this node; unused by the other orders. */
  FrequencyBucket<E> bucket;
  /** The ADAPTIVE segment holding this node (see {@link Segment}); unused by the other orders. */
  byte segment;

  OrderNode(E element, int hash, int weight) {
    this.element = element;
    this.hash = hash;
    this.weight = weight;
  }

  /** A list head: it links to itself and holds no entry. */
  static <E> OrderNode<E> sentinel() {
    OrderNode<E> sentinel = new OrderNode<>(null, 0, 0);
    sentinel.prev = sentinel;
    sentinel.next = sentinel;
    return sentinel;
  }

  /** What the caller tracks with this node (the latest one given to add or update). */
  public E element() {
    return element;
  }

  /** The weight the order counts for this entry. */
  public int weight() {
    return weight;
  }

  /** Whether the order still tracks this node; false once removed or evicted. */
  public boolean isTracked() {
    return prev != null;
  }

  /** Links this node just before {@code successor}; before a sentinel means at the list's end. */
  void linkBefore(OrderNode<E> successor) {
    OrderNode<E> predecessor = successor.prev;
    prev = predecessor;
    next = successor;
    predecessor.next = this;
    successor.prev = this;
  }

  void unlink() {
    prev.next = next;
    next.prev = prev;
    prev = null;
    next = null;
  }

  /** Moves this linked node to the end of the list whose head is {@code sentinel}. */
  void moveToEnd(OrderNode<E> sentinel) {
    if (next != sentinel) {
      prev.next = next;
      next.prev = prev;
      linkBefore(sentinel);
    }
  }
}
