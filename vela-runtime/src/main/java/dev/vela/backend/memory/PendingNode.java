package dev.vela.backend.memory;

import java.util.Set;

/**
 * Stands in the map for an entry of a {@code putAll} that has not committed yet: readers see what
 * was there before ({@link #previous}) until the batch commits, then the new entry ({@link #next}),
 * which soon replaces this node. Its expiry reads {@link #PENDING}, so the read path only looks
 * for it on its slow branch.
 */
final class PendingNode<V> extends Node<V> {
  /** The expiry mark of a pending node: not {@link #NO_EXPIRY}, so reads take the slow branch. */
  static final long PENDING = Long.MIN_VALUE;

  final PutAllBatch batch;
  final Object next;
  /** Set before the node is published in the map, never changed afterwards. */
  Object previous;

  PendingNode(PutAllBatch batch, Object next) {
    super(null);
    this.batch = batch;
    this.next = next;
  }

  @Override
  long expiresAt() {
    return PENDING;
  }

  /** What readers see now: the new entry once the batch committed, else the old one (or null). */
  Object visible() {
    return batch.isCommitted() ? next : previous;
  }

  /** The tags of the new entry: the index already lists them while the batch is pending. */
  @Override
  Set<String> tags() {
    return tagsOf(next);
  }

  /** Follows pending nodes to what readers see. */
  static Object visibleOf(Object stored) {
    Object current = stored;
    while (current instanceof PendingNode<?> pending) {
      current = pending.visible();
    }
    return current;
  }

  /** Follows pending nodes to what will be there once their batches commit. */
  static Object settledOf(Object stored) {
    Object current = stored;
    while (current instanceof PendingNode<?> pending) {
      current = pending.next;
    }
    return current;
  }
}
