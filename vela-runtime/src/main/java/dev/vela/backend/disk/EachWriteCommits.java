package dev.vela.backend.disk;

import java.util.function.LongSupplier;

/**
 * Each write is committed before it returns. Writers that arrive while a commit runs share the
 * next one (group commit), so concurrent writers pay for far fewer commits than writes.
 */
final class EachWriteCommits implements Commits {
  private final LongSupplier commitNow;
  private final Object committing = new Object();
  private long durableUpTo; // guarded by committing

  EachWriteCommits(LongSupplier commitNow) {
    this.commitNow = commitNow;
  }

  @Override
  public void afterWrite(long sequence) {
    synchronized (committing) {
      if (durableUpTo < sequence) { // else a commit that ran while we waited covered this write
        durableUpTo = commitNow.getAsLong();
      }
    }
  }

  @Override
  public String describe() {
    return "each write";
  }

  @Override
  public void close() {
    // nothing runs in the background
  }
}
