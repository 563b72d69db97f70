package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * What every eviction order counts alike: the entries it tracks, their total weight, and the
 * maximum it keeps them within. Subclasses keep {@code size} and {@code weightedSize} up to date as
 * entries come and go; {@link #reweigh} does it for an overwrite.
 *
 * @param <E> what the caller tracks per entry
 */
abstract class CountingOrder<E> implements EvictionOrder<E> {
  private final EvictionPolicy policy;
  final long maximum;
  long size;
  long weightedSize;

  CountingOrder(EvictionPolicy policy, long maximum) {
    this.policy = policy;
    this.maximum = maximum;
  }

  /**
   * Makes {@code node} stand for {@code element} at {@code weight} and counts the change of weight,
   * which it returns.
   *
   * @throws IllegalArgumentException when {@code weight} is negative
   */
  final int reweigh(OrderNode<E> node, E element, int weight) {
    int delta = Weights.checked(weight) - node.weight;
    node.weight = weight;
    node.element = element;
    weightedSize += delta;
    return delta;
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
