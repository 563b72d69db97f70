package dev.vela.backend.eviction;

/**
 * One list of an order, from the next to leave ({@link #first}) to the most recently used ({@link
 * #last}), linked through the nodes themselves ({@link Linked}). A node in it names it as its
 * {@link Linked#orderList()}, directly or through the {@link Stretch} it was last made last in, so
 * an order tells its lists apart by identity ({@link #of}).
 *
 * <p>A list made with {@code approximate} cuts its tail into stretches: the nodes made last since
 * the current stretch began, at most a sixteenth of the list, share one {@link Stretch}, and
 * {@link #isRecent} tells them from the others with one comparison. An order may leave a recent
 * node where it is on a read instead of moving it: it is already among the last sixteenth of its
 * list, so its recency is off by less than that, and the move, which touches two neighbours that
 * are seldom in the processor's cache, is most of a read's cost. Lists of fewer than {@value
 * #EXACT_BELOW} nodes keep no stretches: every node names the list itself, and none is recent.
 *
 * @param <N> the node type
 */
class NodeList<N extends Linked<N>> {
  /** The shortest list that keeps stretches: a stretch is a sixteenth of the list, at least one node. */
  static final int EXACT_BELOW = 32;
  private static final int STRETCH_SHIFT = 4;

  private final boolean approximate;
  private N first;
  private N last;
  private int size;
  private Object tag = this; // what a node made last now names as its orderList
  private int stretchLeft;

  /** An exact list: no node is ever {@link #isRecent recent}. */
  NodeList() {
    this(false);
  }

  /** A list that keeps stretches when {@code approximate} (see the class comment). */
  NodeList(boolean approximate) {
    this.approximate = approximate;
  }

  /** The list holding a node whose {@link Linked#orderList()} is {@code orderList}. */
  @SuppressWarnings("unchecked")
  static <N extends Linked<N>> NodeList<N> of(Object orderList) {
    return orderList instanceof Stretch stretch ? (NodeList<N>) stretch.list : (NodeList<N>) orderList;
  }

  /**
   * Whether {@code node}, which this list holds, was made last in the current stretch: fewer than
   * a sixteenth of the list's nodes have been made last after it.
   */
  final boolean isRecent(N node) {
    Object stamp = node.orderList();
    return stamp == tag && stamp != this;
  }

  /** The number of nodes held. */
  final int size() {
    return size;
  }

  final N first() {
    return first;
  }

  final boolean isEmpty() {
    return first == null;
  }

  /** True when {@code node} is this list's only node. */
  final boolean holdsOnly(N node) {
    return first == node && last == node;
  }

  /** Adds {@code node}, which no list holds, as the most recently used. */
  final void addLast(N node) {
    N tail = last;
    node.setPreviousInOrder(tail);
    node.setNextInOrder(null);
    size++;
    node.setOrderList(tagOfNewLast());
    if (tail == null) {
      first = node;
    } else {
      tail.setNextInOrder(node);
    }
    last = node;
  }

  /** Takes {@code node} out of this list; it is then held by none. */
  final void unlink(N node) {
    detach(node);
    size--;
    node.setPreviousInOrder(null);
    node.setNextInOrder(null);
    node.setOrderList(null);
  }

  /** Makes {@code node}, which this list holds, its most recently used. */
  final void moveToLast(N node) {
    if (node != last) {
      detach(node);
      N tail = last;
      node.setPreviousInOrder(tail);
      node.setNextInOrder(null);
      tail.setNextInOrder(node);
      last = node;
      if (approximate) {
        node.setOrderList(tagOfNewLast());
      }
    }
  }

  /** Puts {@code replacement}, which no list holds, where {@code node} is; {@code node} is then held by none. */
  final void replace(N node, N replacement) {
    N previous = node.previousInOrder();
    N next = node.nextInOrder();
    replacement.setPreviousInOrder(previous);
    replacement.setNextInOrder(next);
    replacement.setOrderList(node.orderList()); // its place, and the stretch it is in
    if (previous == null) {
      first = replacement;
    } else {
      previous.setNextInOrder(replacement);
    }
    if (next == null) {
      last = replacement;
    } else {
      next.setPreviousInOrder(replacement);
    }
    node.setPreviousInOrder(null);
    node.setNextInOrder(null);
    node.setOrderList(null);
  }

  /** What a node made last names as its list: the current stretch, a new one when it is full. */
  private Object tagOfNewLast() {
    if (approximate && --stretchLeft < 0) {
      // this node and the next `length` ones share a new stretch
      int length = size >= EXACT_BELOW ? size >>> STRETCH_SHIFT : 0;
      tag = length > 0 ? new Stretch(this) : this;
      stretchLeft = length;
    }
    return tag;
  }

  private void detach(N node) {
    N previous = node.previousInOrder();
    N next = node.nextInOrder();
    if (previous == null) {
      first = next;
    } else {
      previous.setNextInOrder(next);
    }
    if (next == null) {
      last = previous;
    } else {
      next.setPreviousInOrder(previous);
    }
  }
}
