package dev.vela.core;

/**
 * State that one thread keeps for itself in a {@link ThreadCells} table: only its owner writes it,
 * so the owner needs no locked instruction to change it.
 *
 * <p>A cell's fields sit between 64 bytes of padding on either side: this class's padding comes
 * before a subclass's fields, and each concrete cell ends with its own. So the fields one thread
 * writes never share a cache line with another thread's cell, wherever the garbage collector
 * moves the cells (after a collection they often sit side by side). This is what
 * {@code @Contended} does for {@code LongAdder}'s cells, which code outside the JDK cannot ask for.
 */
abstract class ThreadCell {
  /** The only thread that writes this cell. */
  final Thread owner;
  /**
   * The owner's id: the hot path has loaded the calling thread's id to find the slot, so comparing
   * ids there saves loading and comparing the owner. Ids are never reused in a JVM's life.
   */
  final long ownerId;

  @SuppressWarnings("unused")
  private long padBefore0, padBefore1, padBefore2, padBefore3, padBefore4, padBefore5, padBefore6, padBefore7;

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
  ThreadCell(Thread owner) {
    this.owner = owner;
    this.ownerId = owner.getId();
  }
}
