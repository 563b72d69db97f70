package dev.vela.backend.memory;

import dev.vela.backend.eviction.Linked;
import java.util.Set;

/**
 * A node of a bounded cache: it knows its key, so an eviction can remove it from the map, and it
 * is its own place in the eviction order (its {@link Linked} fields), so an entry costs one object
 * beside the map's. The order's fields are written only under the eviction lock (and read there,
 * except by an overwrite of the value, which asks under the node's monitor whether it is still
 * tracked: see {@link ValueOverwrite}); an overwrite that replaces the node hands its place on to
 * the new node and leaves this one untracked, so a read of a replaced node that is replayed later
 * touches nothing.
 *
 * <p>This kind never expires and weighs 1: with compressed references it takes 32 bytes, header
 * included. The other kinds add only the fields their entry needs: {@link TimedLinkedNode} an
 * expiry, {@link WeighedLinkedNode} a weight, {@link FullLinkedNode} an expiry, tags and a weight.
 */
class LinkedNode<K, V> extends Node<V> implements Linked<LinkedNode<K, V>> {
  final K key;
  private LinkedNode<K, V> previousInOrder;
  private LinkedNode<K, V> nextInOrder;
  private Object orderList;

  LinkedNode(K key, V value) {
    super(value);
    this.key = key;
  }

  /**
   * The smallest node that holds an entry: an expiry field only when it expires, a tags field
   * only with tags, a weight field only in a cache bounded by weight.
   */
  static <K, V> LinkedNode<K, V> of(K key, V value, long expiresAt, Set<String> tags, boolean weighted) {
    if (tags != null || (weighted && expiresAt != NO_EXPIRY)) {
      return new FullLinkedNode<>(key, value, expiresAt, tags);
    }
    if (expiresAt != NO_EXPIRY) {
      return new TimedLinkedNode<>(key, value, expiresAt);
    }
    return weighted ? new WeighedLinkedNode<>(key, value) : new LinkedNode<>(key, value);
  }

  /**
   * Whether an overwrite with this expiry and these tags can be made in place: this kind has the
   * fields the entry needs (a cache bounded by weight never holds a kind without a weight field).
   */
  boolean fits(long expiresAt, Set<String> tags, boolean weighted) {
    return expiresAt == NO_EXPIRY && tags == null;
  }

  /** Writes an overwrite in place, the value before the expiry (see {@link Node}); caller holds the lock. */
  void rewrite(V newValue, long expiresAt, Set<String> tags) {
    value = newValue;
  }

  @Override
  long expiresAt() {
    return NO_EXPIRY;
  }

  @Override
  public int weight() {
    return 1;
  }

  @Override
  public void setWeight(int weight) {
    if (weight != 1) {
      throw new IllegalStateException("a node of a cache bounded by size weighs 1, not " + weight);
    }
  }

  @Override
  public final int keyHash() {
    return key.hashCode();
  }

  @Override
  public final LinkedNode<K, V> previousInOrder() {
    return previousInOrder;
  }

  @Override
  public final void setPreviousInOrder(LinkedNode<K, V> previous) {
    previousInOrder = previous;
  }

  @Override
  public final LinkedNode<K, V> nextInOrder() {
    return nextInOrder;
  }

  @Override
  public final void setNextInOrder(LinkedNode<K, V> next) {
    nextInOrder = next;
  }

  @Override
  public final Object orderList() {
    return orderList;
  }

  @Override
  public final void setOrderList(Object list) {
    orderList = list;
  }
}
