package dev.vela.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * A table of {@link ThreadCell}s, one per thread that uses it, found by the thread's id: the hot
 * path reads one slot and checks that it owns the cell there, with no atomic instruction.
 *
 * <p>A thread claims its slot once, under this table's lock. It takes over the slot of a thread
 * that has ended; the new cell may carry on the ended thread's state ({@link Claim}). When the slot
 * belongs to a thread still alive, the table doubles, up to {@code maxCells}; past that,
 * {@link #mine()} answers null for threads without a cell, and the caller falls back to shared
 * state (a {@code LongAdder}, an atomic counter). So memory stays bounded however many threads a
 * program starts, virtual ones included.
 *
 * <p>Cells enter the table with volatile writes, and {@link #forEach} reads them with volatile
 * reads: a thread that claims a cell and then makes a volatile write in it is either seen by a
 * scan that began before its write, or sees whatever volatile write came before that scan (see
 * {@link KeyLocks}).
 *
 * @param <C> the kind of cell
 */
final class ThreadCells<C extends ThreadCell> {
  /** Enough for the thread pools of a large server; a cell takes under 200 bytes with its padding. */
  static final int DEFAULT_MAX_CELLS = 1024;

  private static final int DEFAULT_INITIAL_CELLS = 8;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(ThreadCell[].class);

  /** Makes the cell of a thread that claims a slot. */
  @FunctionalInterface
  interface Claim<C extends ThreadCell> {
    /**
     * A cell for {@code owner}; {@code endedOwnersCell} is the cell of the ended thread whose slot
     * it takes over, whose last writes are visible here, or null for a free slot.
     */
    C cellFor(Thread owner, C endedOwnersCell);
  }

  private final Claim<C> claim;
  private final int maxCells;
  private volatile ThreadCell[] table;
  // set once a thread found no slot at the largest table: from then on, threads without a cell
  // fall back at once, instead of queueing on the lock at every use
  private volatile boolean full;

  /** A table that starts small and grows to {@link #DEFAULT_MAX_CELLS}. */
  ThreadCells(Claim<C> claim) {
    this(DEFAULT_INITIAL_CELLS, DEFAULT_MAX_CELLS, claim);
  }

  /** A table of {@code initialCells} slots that grows to {@code maxCells}; both powers of two. */
  ThreadCells(int initialCells, int maxCells, Claim<C> claim) {
    if (Integer.bitCount(initialCells) != 1 || Integer.bitCount(maxCells) != 1 || initialCells > maxCells) {
      throw new IllegalArgumentException(
          "cell counts must be powers of two with initial <= max, got " + initialCells + " and " + maxCells);
    }
    this.claim = Objects.requireNonNull(claim, "claim must not be null");
    this.maxCells = maxCells;
    this.table = new ThreadCell[initialCells];
  }

  /** The calling thread's cell, or null when it has none and the table is full: fall back. */
  @SuppressWarnings({"unchecked", "deprecation"}) // cells come from this table's Claim; threadId() is JDK 19+
  C mine() {
    Thread thread = Thread.currentThread();
    long id = thread.getId();
    ThreadCell[] cells = table;
    ThreadCell cell = cells[slot(id, cells.length)];
    return cell != null && cell.ownerId == id ? (C) cell : claim(thread, id);
  }

  /** The sum of {@code value} over every cell, those of ended threads included. */
  long sum(ToLongFunction<? super C> value) {
    long[] sum = {0};
    forEach(cell -> sum[0] += value.applyAsLong(cell));
    return sum[0];
  }

  /** Passes every cell in the table to {@code action}, those of ended threads included. */
  @SuppressWarnings("unchecked") // every cell in the table came from this table's Claim
  void forEach(Consumer<? super C> action) {
    ThreadCell[] cells = table;
    for (int i = 0; i < cells.length; i++) {
      ThreadCell cell = (ThreadCell) SLOT.getVolatile(cells, i);
      if (cell != null) {
        action.accept((C) cell);
      }
    }
  }

  /** How many slots the table has now; for tests. */
  int capacity() {
    return table.length;
  }

  private C claim(Thread thread, long id) {
    if (full) {
      return null;
    }
    synchronized (this) {
      return claimLocked(thread, id);
    }
  }

  @SuppressWarnings("unchecked") // every cell in the table came from this table's Claim
  private C claimLocked(Thread thread, long id) {
    while (true) {
      ThreadCell[] cells = table;
      int slot = slot(id, cells.length);
      ThreadCell cell = cells[slot];
      if (cell != null && cell.ownerId == id) {
        return (C) cell;
      }
      // a thread seen ended has made its last write (isAlive's happens-before), so its state can be
      // carried into a cell of a new owner
      if (cell == null || !cell.owner.isAlive()) {
        C claimed = claim.cellFor(thread, (C) cell);
        SLOT.setVolatile(cells, slot, claimed);
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
  private static ThreadCell[] grown(ThreadCell[] cells) {
    ThreadCell[] grown = new ThreadCell[cells.length * 2];
    for (ThreadCell cell : cells) {
      if (cell != null) {
        grown[slot(cell.ownerId, grown.length)] = cell; // published by the volatile write of the table
      }
    }
    return grown;
  }

  private static int slot(long threadId, int length) {
    return (int) threadId & (length - 1);
  }
}
