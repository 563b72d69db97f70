package dev.vela.topology.partitioned.multijvm;

import java.time.Duration;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/** Polls child nodes until they agree, with a deadline: a view change takes a moment to reach everyone. */
final class Settled {
  private Settled() {}

  /** The value once {@code done} accepts it, retrying failed answers; the last value after {@code within}. */
  static long value(Supplier<Long> probe, LongPredicate done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    Long last = null;
    AssertionError lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (done.test(last)) {
          return last;
        }
      } catch (AssertionError e) {
        lastError = e; // the view is still changing: a call may fail until it has
      }
      Thread.onSpinWait();
    }
    if (last == null) {
      throw lastError;
    }
    return last;
  }
}
