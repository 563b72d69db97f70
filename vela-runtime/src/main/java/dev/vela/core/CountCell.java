package dev.vela.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counts of the hot paths (reads and writes) that one thread has made: only its owner writes
 * them, so an increment is a plain store, with no locked instruction. A locked add is a full
 * fence; on a read bound by memory it stops the next read's cache misses from overlapping this
 * one's, which made a stats-on read twice as slow as a stats-off one.
 *
 * <p>Readers of the counts use opaque loads: they see each count whole and never going backwards,
 * though perhaps a little behind its owner.
 */
abstract class CountCell extends ThreadCell {
  private static final VarHandle HITS;
  private static final VarHandle MISSES;
  private static final VarHandle L1_HIT_READS;
  private static final VarHandle WRITES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HITS = lookup.findVarHandle(CountCell.class, "hits", long.class);
      MISSES = lookup.findVarHandle(CountCell.class, "misses", long.class);
      L1_HIT_READS = lookup.findVarHandle(CountCell.class, "l1HitReads", long.class);
      WRITES = lookup.findVarHandle(CountCell.class, "writes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long hits;
  private long misses;
  private long l1HitReads;
  private long writes;

  /**
   * A cell for {@code owner}, which carries on from {@code endedOwnersCell} when there is one: the
   * counts an ended thread made stay in the total. A {@link ThreadCells.Claim}.
   */
  static CountCell claim(Thread owner, CountCell endedOwnersCell) {
    CountCell cell = new Padded(owner);
    if (endedOwnersCell != null) {
      cell.carryOn(endedOwnersCell);
    }
    return cell;
  }

  private CountCell(Thread owner) {
    super(owner);
  }

  private void carryOn(CountCell previous) {
    this.hits = previous.hits();
    this.misses = previous.misses();
    this.l1HitReads = previous.l1HitReads();
    this.writes = previous.writes();
  }

  void addRead(boolean hit) {
    if (hit) {
      HITS.setOpaque(this, hits + 1);
    } else {
      MISSES.setOpaque(this, misses + 1);
    }
  }

  void addL1HitRead() {
    L1_HIT_READS.setOpaque(this, l1HitReads + 1);
  }

  void addWrites(long count) {
    WRITES.setOpaque(this, writes + count);
  }

  long hits() {
    return (long) HITS.getOpaque(this);
  }

  long misses() {
    return (long) MISSES.getOpaque(this);
  }

  long l1HitReads() {
    return (long) L1_HIT_READS.getOpaque(this);
  }

  long writes() {
    return (long) WRITES.getOpaque(this);
  }

  /** The cell with its closing padding (see {@link ThreadCell}). */
  private static final class Padded extends CountCell {
    @SuppressWarnings("unused")
    private long padAfter0, padAfter1, padAfter2, padAfter3, padAfter4, padAfter5, padAfter6, padAfter7;

    Padded(Thread owner) {
      super(owner);
    }
  }
}
