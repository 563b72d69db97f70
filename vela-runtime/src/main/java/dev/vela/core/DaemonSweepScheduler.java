package dev.vela.core;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs every cache's sweeps on one daemon thread, created when the first cache registers, so a
 * JVM with many caches has one sweeper thread and one that never sweeps has none.
 */
final class DaemonSweepScheduler implements SweepScheduler {
  /** The scheduler every cache of this JVM shares. */
  static final DaemonSweepScheduler SHARED = new DaemonSweepScheduler();

  private ScheduledThreadPoolExecutor executor; // guarded by this

  @Override
  public SweepHandle schedule(Runnable task, long intervalMillis) {
    ScheduledFuture<?> future =
        executor().scheduleWithFixedDelay(task, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  /** Stops the thread, if one was started; for tests that made their own scheduler. */
  synchronized void shutdown() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private synchronized ScheduledThreadPoolExecutor executor() {
    if (executor == null) {
      executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "vela-sweeper");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true); // a closed cache's task leaves the queue at once
    }
    return executor;
  }
}
