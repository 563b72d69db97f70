package dev.vela.core;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a cache's sweeps on a scheduler its builder was given. The scheduler stays its owner's:
 * closing the cache cancels the cache's task and never shuts the scheduler down.
 */
final class GivenSweepScheduler implements SweepScheduler {
  private final ScheduledExecutorService scheduler;

  GivenSweepScheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
  }

  @Override
  public SweepHandle schedule(Runnable task, long intervalMillis) {
    ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(task, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }
}
