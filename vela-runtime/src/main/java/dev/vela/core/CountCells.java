package dev.vela.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.ToLongFunction;

/**
 * A table of {@link CountCell}s, one per thread that counts, found by the thread's id: the hot
 * path reads one slot and checks that it owns the cell there, with no atomic instruction.
 *
 * <p>A thread claims its slot once, under this table's lock. It takes over the slot of a thread
 * that has ended, carrying that thread's counts on. When the slot belongs to a thread still alive,
 * the table doubles, up to {@code maxCells}; past that, {@link #mine()} answers null for threads
 * without a cell, and the caller counts them elsewhere (a {@code LongAdder}). So memory stays
 * bounded however many threads a program starts, virtual ones included.
 */
final class CountCells {
  /** Enough for the thread pools of a large server; each cell is about 48 bytes. */
  static final int DEFAULT_MAX_CELLS = 1024;

  private static final int DEFAULT_INITIAL_CELLS = 8;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(CountCell[].class);

  private final int maxCells;
  private volatile CountCell[] table;
  // set once a thread found no slot at the largest table: from then on, threads without a cell
  // count elsewhere at once, instead of queueing on the lock at every count
  private volatile boolean full;

  /** A table that starts small and grows to {@link #DEFAULT_MAX_CELLS}. */
  CountCells() {
    this(DEFAULT_INITIAL_CELLS, DEFAULT_MAX_CELLS);
  }

  /** A table of {@code initialCells} slots that grows to {@code maxCells}; both powers of two. */
  CountCells(int initialCells, int maxCells) {
    if (Integer.bitCount(initialCells) != 1 || Integer.bitCount(maxCells) != 1 || initialCells > maxCells) {
      throw new IllegalArgumentException(
          "cell counts must be powers of two with initial <= max, got " + initialCells + " and " + maxCells);
    }
    this.maxCells = maxCells;
    this.table = new CountCell[initialCells];
  }

  /** The calling thread's cell, or null when it has none and the table is full: count elsewhere. */
  CountCell mine() {
    Thread thread = Thread.currentThread();
    CountCell[] cells = table;
    CountCell cell = cells[slot(thread, cells.length)];
    return cell != null && cell.owner == thread ? cell : claim(thread);
  }

  /** The sum of one count over every cell, those of ended threads included. */
  long sum(ToLongFunction<CountCell> count) {
    CountCell[] cells = table;
    long sum = 0;
    for (int i = 0; i < cells.length; i++) {
      CountCell cell = (CountCell) SLOT.getAcquire(cells, i);
      if (cell != null) {
        sum += count.applyAsLong(cell);
      }
    }
    return sum;
  }

  /** How many slots the table has now; for tests. */
  int capacity() {
    return table.length;
  }

  private CountCell claim(Thread thread) {
    if (full) {
      return null;
    }
    synchronized (this) {
      return claimLocked(thread);
    }
  }

  private CountCell claimLocked(Thread thread) {
    while (true) {
      CountCell[] cells = table;
      int slot = slot(thread, cells.length);
      CountCell cell = cells[slot];
      if (cell != null && cell.owner == thread) {
        return cell;
      }
      // a thread seen ended has made its last count (isAlive's happens-before), so its counts can be
      // carried into a cell of a new owner
      if (cell == null || !cell.owner.isAlive()) {
        CountCell claimed = cell == null ? new CountCell(thread) : new CountCell(thread, cell);
        SLOT.setRelease(cells, slot, claimed); // a summing reader sees the carried counts
        return claimed;
      }
      if (cells.length == maxCells) {
        full = true;
        return null;
      }
      table = grown(cells);
    }
  }

  /**
   * A table twice the size, with each cell at its owner's slot there. Two cells cannot meet: their
   * owners' ids differ in the low bits the smaller table already used.
   */
  private static CountCell[] grown(CountCell[] cells) {
    CountCell[] grown = new CountCell[cells.length * 2];
    for (CountCell cell : cells) {
      if (cell != null) {
        SLOT.setRelease(grown, slot(cell.owner, grown.length), cell);
      }
    }
    return grown;
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; ids are unique for the JVM's life either way
  private static int slot(Thread thread, int length) {
    return (int) thread.getId() & (length - 1);
  }
}
