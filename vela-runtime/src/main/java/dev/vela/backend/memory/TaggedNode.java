package dev.vela.backend.memory;

import java.util.Set;

/** A node of an unbounded cache with tags; untagged entries do without the field. */
final class TaggedNode<V> extends TimedNode<V> {
  private final Set<String> tags;

  TaggedNode(V value, long expiresAt, Set<String> tags) {
    super(value, expiresAt);
    this.tags = tags;
  }

  @Override
  Set<String> tags() {
    return tags;
  }
}
