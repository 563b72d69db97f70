package dev.vela.cluster;

import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * How a thread waits for the reply to its call: a caller whose call is the only one of its node
 * under way spins for a moment before it parks, as long as such calls' replies have lately come
 * within that moment.
 *
 * <p>A parked caller is woken by the thread that read its reply, and on a machine with idle cores
 * that wake-up costs more than the spin: the core the caller left has gone to sleep, and must be
 * woken too, once per call. A caller among others does not spin: its node's cores are busy with the
 * other calls, and a spinning thread would take one from the thread that reads the replies, so the
 * spin stops as soon as another call of the node starts. Nor does a caller spin on a single core,
 * or while its lone calls have lately taken longer than the spin (a slow network): each lone call's
 * wait is measured, spun or parked, and their recent average decides.
 */
final class LoneCallerSpin {
  /** The longest a caller spins before it parks. */
  static final long SPIN_NANOS = 100_000;
  /** How much a new wait moves the recent average: one part in this many. */
  private static final int AVERAGE_WEIGHT = 8;
  private static final boolean MANY_CORES = Runtime.getRuntime().availableProcessors() > 1;

  private final IntSupplier callsUnderWay;
  private final LongSupplier nanoTime;
  private final boolean enabled;
  /** The recent average wait of lone calls, in ns; written racily, a hint only. */
  private volatile long recentWaitNanos;

  /** A spin for the callers of a node with {@code callsUnderWay} calls under way. */
  LoneCallerSpin(IntSupplier callsUnderWay) {
    this(callsUnderWay, System::nanoTime, MANY_CORES);
  }

  /** As above, on {@code nanoTime}'s clock; {@code enabled} false: never spins (a single core). */
  LoneCallerSpin(IntSupplier callsUnderWay, LongSupplier nanoTime, boolean enabled) {
    this.callsUnderWay = callsUnderWay;
    this.nanoTime = nanoTime;
    this.enabled = enabled;
  }

  /**
   * Called before a caller waits for {@code reply}: spins while the rules above allow and the reply
   * has not come. Returns when the caller's wait started, to pass to {@link #waited}, or
   * {@code Long.MIN_VALUE} when its wait is not measured: the reply is here already, its call is not
   * alone, or the JVM has one core.
   */
  long spin(Future<?> reply) {
    if (!enabled || reply.isDone() || callsUnderWay.getAsInt() > 1) {
      return Long.MIN_VALUE;
    }
    long start = nanoTime.getAsLong();
    if (recentWaitNanos <= SPIN_NANOS) {
      while (!reply.isDone() && nanoTime.getAsLong() - start < SPIN_NANOS && callsUnderWay.getAsInt() <= 1) {
        Thread.onSpinWait();
      }
    }
    return start;
  }

  /** Called once the reply came, with what {@link #spin} returned: counts the lone call's wait in the average. */
  void waited(long start) {
    if (start != Long.MIN_VALUE) {
      long wait = nanoTime.getAsLong() - start;
      long recent = recentWaitNanos;
      recentWaitNanos = recent + (wait - recent) / AVERAGE_WEIGHT;
    }
  }

  /** The recent average wait of lone calls, in ns. */
  long recentWaitNanos() {
    return recentWaitNanos;
  }
}
