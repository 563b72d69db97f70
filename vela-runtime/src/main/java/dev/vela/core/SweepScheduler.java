package dev.vela.core;

/** Runs sweeps at a fixed delay; tests replace the daemon thread with one they drive by hand. */
@FunctionalInterface
interface SweepScheduler {

  /** Runs {@code task} every {@code intervalMillis}, the first time after one interval. */
  SweepHandle schedule(Runnable task, long intervalMillis);
}
