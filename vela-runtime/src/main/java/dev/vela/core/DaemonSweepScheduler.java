package dev.vela.core;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every cache's sweeps on one daemon thread, {@value #THREAD_NAME}, started when the first
 * cache registers and stopped when the last one cancels, so a JVM with many caches has one sweeper
 * thread and one with no open cache that sweeps has none.
 */
final class DaemonSweepScheduler implements SweepScheduler {
  /** The name of the one thread: it belongs to no cache but to every cache of the JVM. */
  static final String THREAD_NAME = "vela-shared-sweeper";

  /** The scheduler every cache of this JVM shares, unless its builder was given a scheduler. */
  static final DaemonSweepScheduler SHARED = new DaemonSweepScheduler(THREAD_NAME);

  private final String threadName;
  private ScheduledThreadPoolExecutor executor; // guarded by this
  private int registered; // guarded by this: tasks scheduled and not cancelled

  /** A scheduler whose thread, once started, is called {@code threadName}; tests make their own. */
  DaemonSweepScheduler(String threadName) {
    this.threadName = threadName;
  }

  @Override
  public synchronized SweepHandle schedule(Runnable task, long intervalMillis) {
    if (executor == null) {
      executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true); // a closed cache's task leaves the queue at once
    }
    ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    registered++;
    AtomicBoolean cancelled = new AtomicBoolean();
    return () -> {
      if (cancelled.compareAndSet(false, true)) {
        future.cancel(false);
        released();
      }
    };
  }

  /** One task fewer; the last one stops the thread, and the next registration starts a new one. */
  private synchronized void released() {
    if (--registered == 0 && executor != null) {
      executor.shutdown(); // a sweep under way finishes; the thread then ends
      executor = null;
    }
  }

  /** How many tasks are scheduled and not cancelled. */
  synchronized int registered() {
    return registered;
  }

  /** Stops the thread, if one was started; for tests that made their own scheduler. */
  synchronized void shutdown() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    registered = 0;
  }
}
