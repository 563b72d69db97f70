package dev.vela.backend.memory;

/** A node of an unbounded cache for an entry that expires. */
class TimedNode<V> extends Node<V> {
  private final long expiresAt;

  TimedNode(V value, long expiresAt) {
    super(value);
    this.expiresAt = expiresAt;
  }

  @Override
  final long expiresAt() {
    return expiresAt;
  }
}
