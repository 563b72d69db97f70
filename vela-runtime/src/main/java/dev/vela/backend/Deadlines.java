package dev.vela.backend;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Time limits for asynchronous calls: a future that its call would complete too late is completed
 * exceptionally at the deadline instead, with the same exception a blocking call gives when it
 * stops waiting. One daemon thread, {@code vela-deadlines}, shared by every cache of the JVM, keeps
 * the deadlines; a call that completes in time takes its deadline off at once, so deadlines do not
 * pile up however many calls are made. The thread never runs anything but the completion of an
 * overdue future with an exception (whoever hands such a future to a user moves the user's
 * dependants elsewhere).
 */
public final class Deadlines {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Deadlines() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "vela-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // a call that completes in time leaves nothing behind
    return timer;
  }

  /**
   * A future that completes as {@code call} does, or exceptionally with {@code overdue}'s exception
   * once {@code timeout} has passed; {@code onOverdue} then runs too (to cancel the call's request,
   * say). Completing the returned future, or cancelling it, takes the deadline off.
   *
   * @param call the call under way
   * @param timeout how long it may take
   * @param overdue the exception for a call that took too long
   * @param onOverdue what to do about the call when it took too long; may be a no-op
   */
  public static <T> CompletableFuture<T> within(
      CompletableFuture<T> call, Duration timeout, Supplier<? extends RuntimeException> overdue, Runnable onOverdue) {
    if (call.isDone()) {
      return call;
    }
    CompletableFuture<T> bounded = new CompletableFuture<>();
    ScheduledFuture<?> deadline = TIMER.schedule(() -> {
      if (bounded.completeExceptionally(overdue.get())) {
        onOverdue.run();
      }
    }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    call.whenComplete((value, failure) -> {
      if (failure == null) {
        bounded.complete(value);
      } else {
        bounded.completeExceptionally(failure);
      }
    });
    bounded.whenComplete((value, failure) -> deadline.cancel(false));
    return bounded;
  }

  /** How many deadlines are being kept now; for tests that check none is left behind. */
  public static int pending() {
    return TIMER.getQueue().size();
  }
}
