package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * What every eviction order counts alike: the entries it tracks, their total weight, and the
 * maximum it keeps them within. Subclasses keep {@code size} and {@code weightedSize} up to date as
 * entries come and go; {@link #reweigh} does it for an overwrite.
 *
 * @param <N> the caller's node type
 */
abstract class CountingOrder<N extends Linked<N>> implements EvictionOrder<N> {
  private final EvictionPolicy policy;
  final long maximum;
  long size;
  long weightedSize;

  CountingOrder(EvictionPolicy policy, long maximum) {
    this.policy = policy;
    this.maximum = maximum;
  }

  /**
   * Makes {@code node} weigh {@code weight} and counts the change of weight, which it returns.
   *
   * @throws IllegalArgumentException when {@code weight} is negative
   */
  final int reweigh(N node, int weight) {
    int delta = Weights.checked(weight) - node.weight();
    if (delta != 0) {
      node.setWeight(weight);
      weightedSize += delta;
    }
    return delta;
  }

  /** Counts a new node of {@code weight} in: sets its weight and the totals. */
  final void count(N node, int weight) {
    node.setWeight(Weights.checked(weight));
    size++;
    weightedSize += weight;
  }

  /** Counts a node out that has just left its list. */
  final void uncount(N node) {
    size--;
    weightedSize -= node.weight();
  }

  /** The list holding a tracked {@code node}. */
  @SuppressWarnings("unchecked")
  static <N extends Linked<N>> NodeList<N> listOf(N node) {
    return (NodeList<N>) node.orderList();
  }

  @Override
  public void replace(N node, N replacement, int weight) {
    if (!node.isTracked()) {
      add(replacement, weight);
      return;
    }
    Weights.checked(weight);
    replacement.setWeight(node.weight());
    listOf(node).replace(node, replacement);
    update(replacement, weight);
  }

  @Override
  public final long size() {
    return size;
  }

  @Override
  public final long weightedSize() {
    return weightedSize;
  }

  @Override
  public final long maximum() {
    return maximum;
  }

  @Override
  public final EvictionPolicy policy() {
    return policy;
  }
}
