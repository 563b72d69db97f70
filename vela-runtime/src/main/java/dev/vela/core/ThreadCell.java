package dev.vela.core;

/**
 * State that one thread keeps for itself in a {@link ThreadCells} table: only its owner writes it,
 * so the owner needs no locked instruction to change it.
 */
abstract class ThreadCell {
  /** The only thread that writes this cell. */
  final Thread owner;

  ThreadCell(Thread owner) {
    this.owner = owner;
  }
}
