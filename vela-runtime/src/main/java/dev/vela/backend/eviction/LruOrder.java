package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * Least-recently-used order: one list from the least recently used entry (its first) to the most
 * recently used (its last). Every operation is O(1). Exact up to a sixteenth of the list: a read of
 * an entry already among the most recent sixteenth does not move it ({@link NodeList#isRecent}),
 * which spares most moves of hot entries; lists of fewer than {@value NodeList#EXACT_BELOW} entries
 * are exact.
 */
final class LruOrder<N extends Linked<N>> extends CountingOrder<N> {
  private final NodeList<N> list = new NodeList<>(true);

  LruOrder(long maximum) {
    super(EvictionPolicy.LRU, maximum);
  }

  @Override
  public void add(N node, int weight) {
    count(node, weight);
    list.addLast(node);
  }

  @Override
  public void touch(N node) {
    // a read of a node among the last sixteenth leaves it there: see NodeList#isRecent
    if (node.isTracked() && !list.isRecent(node)) {
      list.moveToLast(node);
    }
  }

  @Override
  public void update(N node, int weight) {
    if (node.isTracked()) {
      reweigh(node, weight);
      list.moveToLast(node);
    }
  }

  @Override
  public void remove(N node) {
    if (node.isTracked()) {
      list.unlink(node);
      uncount(node);
    }
  }

  @Override
  public N victim() {
    return weightedSize > maximum ? list.first() : null;
  }
}
