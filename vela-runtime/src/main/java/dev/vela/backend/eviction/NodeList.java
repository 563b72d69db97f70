package dev.vela.backend.eviction;

/**
 * One list of an order, from the next to leave ({@link #first}) to the most recently used ({@link
 * #last}), linked through the nodes themselves ({@link Linked}). A node in it names it as its
 * {@link Linked#orderList()}, so an order tells its lists apart by identity.
 *
 * @param <N> the node type
 */
class NodeList<N extends Linked<N>> {
  private N first;
  private N last;

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
    node.setOrderList(this);
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
    }
  }

  /** Puts {@code replacement}, which no list holds, where {@code node} is; {@code node} is then held by none. */
  final void replace(N node, N replacement) {
    N previous = node.previousInOrder();
    N next = node.nextInOrder();
    replacement.setPreviousInOrder(previous);
    replacement.setNextInOrder(next);
    replacement.setOrderList(this);
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
