package dev.vela.backend.eviction;

/**
 * What an {@link EvictionOrder} keeps in each entry it tracks: the links to its neighbours in the
 * order's lists, which of the order's lists holds it, and its weight. A cache that has a node per
 * entry anyway implements this on that node, so an entry's place in the order costs no object of
 * its own; a caller without one uses {@link OrderNode}.
 *
 * <p>Only the order reads and writes these, and only under the caller's eviction lock. A node is
 * tracked while {@link #orderList()} is not null.
 *
 * @param <N> the node type itself
 */
public interface Linked<N extends Linked<N>> {

  /** The neighbour towards the list's eviction end, or null at that end. */
  N previousInOrder();

  /** Links the neighbour towards the eviction end. */
  void setPreviousInOrder(N previous);

  /** The neighbour towards the list's most recently used end, or null at that end. */
  N nextInOrder();

  /** Links the neighbour towards the most recently used end. */
  void setNextInOrder(N next);

  /** The order's own mark of the list holding this node; null while the node is not tracked. */
  Object orderList();

  /** Marks the list now holding this node; null when the order stops tracking it. */
  void setOrderList(Object list);

  /** The weight the order counts for this entry. */
  int weight();

  /**
   * Sets the weight the order counts; a node that cannot hold a weight other than 1 refuses any
   * other with an {@link IllegalStateException}.
   */
  void setWeight(int weight);

  /** The {@code hashCode()} of the entry's key: the same for every node of one key. */
  int keyHash();

  /** Whether an order tracks this node; false before it is added and once removed or evicted. */
  default boolean isTracked() {
    return orderList() != null;
  }
}
