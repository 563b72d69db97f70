package dev.vela.backend.memory;

/**
 * One {@code putAll} in progress. Its entries are installed as {@link PendingNode}s that show
 * readers the old state until {@link #commit()}, a single volatile write that makes all of them
 * visible at once.
 */
final class PutAllBatch {
  private volatile boolean committed;

  void commit() {
    committed = true;
  }

  boolean isCommitted() {
    return committed;
  }
}
