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

  @SuppressWarnings("unused")
  private long padBefore0, padBefore1, padBefore2, padBefore3, padBefore4, padBefore5, padBefore6, padBefore7;

  ThreadCell(Thread owner) {
    this.owner = owner;
  }
}
