package dev.vela.backend.memory;

/**
 * A node of a cache bounded by weight for an entry that neither expires nor has tags: a {@link
 * LinkedNode} with the weight its {@link dev.vela.Weigher} gave it. 40 bytes with compressed
 * references.
 */
final class WeighedLinkedNode<K, V> extends LinkedNode<K, V> {
  private int weight;

  WeighedLinkedNode(K key, V value) {
    super(key, value);
  }

  @Override
  public int weight() {
    return weight;
  }

  @Override
  public void setWeight(int weight) {
    this.weight = weight;
  }
}
