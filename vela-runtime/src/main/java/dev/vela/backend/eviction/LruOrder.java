package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * Exact least-recently-used order: one list from the least recently used entry (its first) to the
 * most recently used (its last). Every operation is O(1).
 */
final class LruOrder<N extends Linked<N>> extends CountingOrder<N> {
  private final NodeList<N> list = new NodeList<>();

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
    if (node.isTracked()) {
      list.moveToLast(node);
    }
  }

  @Override
  public boolean samplesRecency() {
    return true;
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
