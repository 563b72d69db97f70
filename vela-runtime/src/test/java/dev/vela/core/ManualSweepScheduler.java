package dev.vela.core;

import java.util.ArrayList;
import java.util.List;

/** A sweep scheduler that only runs tasks when a test says so. */
final class ManualSweepScheduler implements SweepScheduler {
  /** One scheduled task and whether it was cancelled. */
  static final class Scheduled {
    final Runnable task;
    final long intervalMillis;
    boolean cancelled;

    Scheduled(Runnable task, long intervalMillis) {
      this.task = task;
      this.intervalMillis = intervalMillis;
    }
  }

  final List<Scheduled> scheduled = new ArrayList<>();

  @Override
  public synchronized SweepHandle schedule(Runnable task, long intervalMillis) {
    Scheduled entry = new Scheduled(task, intervalMillis);
    scheduled.add(entry);
    return () -> entry.cancelled = true;
  }

  /** Runs every task that was not cancelled, once. */
  synchronized void runAll() {
    for (Scheduled entry : scheduled) {
      if (!entry.cancelled) {
        entry.task.run();
      }
    }
  }
}
