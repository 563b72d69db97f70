package dev.vela.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Where one thread announces the single-key write it is making without a lock, for {@link KeyLocks}:
 * the write's stripe plus one, or 0 between writes. Only its owner writes it, so announcing takes
 * one fence (a volatile write, which the Dekker handshake with lock sets needs) and withdrawing
 * none, where a counter shared by the stripe's threads took a locked instruction for each.
 */
abstract sealed class WriterCell extends ThreadCell implements WriteGuard {
  private static final VarHandle WRITING;

  static {
    try {
      WRITING = MethodHandles.lookup().findVarHandle(WriterCell.class, "writing", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int writing;

  /**
   * A cell for {@code owner}. An ended owner's cell holds no write (its writes withdrew in their
   * finally blocks), so nothing carries on. A {@link ThreadCells.Claim}.
   */
  static WriterCell claim(Thread owner, WriterCell endedOwnersCell) {
    return new Padded(owner);
  }

  private WriterCell(Thread owner) {
    super(owner);
  }

  /** Announces a write in {@code stripe}; volatile, so a later volatile read cannot pass it. */
  void announce(int stripe) {
    WRITING.setVolatile(this, stripe + 1);
  }

  /** Withdraws the announced write, after everything it did; a release store, with no fence. */
  @Override
  public void end() {
    WRITING.setRelease(this, 0);
  }

  /** Whether the owner is writing in one of the stripes set in {@code stripeMask} right now. */
  boolean writesIn(long stripeMask) {
    int announced = (int) WRITING.getVolatile(this);
    return announced != 0 && (stripeMask & (1L << (announced - 1))) != 0;
  }

  /** The cell with its closing padding (see {@link ThreadCell}). */
  private static final class Padded extends WriterCell {
    @SuppressWarnings("unused")
    private long padAfter0, padAfter1, padAfter2, padAfter3, padAfter4, padAfter5, padAfter6, padAfter7;

    Padded(Thread owner) {
      super(owner);
    }
  }
}
