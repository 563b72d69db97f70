package dev.vela.backend.memory;

/**
 * Exact least-recently-used order: one circular list from the least recently used entry (after
 * the sentinel) to the most recently used (before it). Every operation is O(1).
 */
final class LruOrder<K, V> implements AccessOrder<K, V> {
  private final LinkedNode<K, V> sentinel = LinkedNode.sentinel();
  private long size;

  @Override
  public void add(LinkedNode<K, V> node) {
    node.linkBefore(sentinel);
    size++;
  }

  @Override
  public void replace(LinkedNode<K, V> old, LinkedNode<K, V> replacement) {
    if (!old.isLinked()) {
      add(replacement);
      return;
    }
    old.unlink();
    replacement.linkBefore(sentinel);
  }

  @Override
  public void touch(LinkedNode<K, V> node) {
    if (node.isLinked() && node.next != sentinel) {
      node.unlink();
      node.linkBefore(sentinel);
    }
  }

  @Override
  public void remove(LinkedNode<K, V> node) {
    if (node.isLinked()) {
      node.unlink();
      size--;
    }
  }

  @Override
  public LinkedNode<K, V> victim(LinkedNode<K, V> spared) {
    LinkedNode<K, V> eldest = sentinel.next;
    if (eldest == spared) {
      eldest = eldest.next;
    }
    return eldest == sentinel ? null : eldest;
  }

  @Override
  public long size() {
    return size;
  }
}
