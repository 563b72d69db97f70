package dev.vela.core;

/** A cache's registration with the sweeper; cancelling it stops that cache's sweeps. */
@FunctionalInterface
interface SweepHandle {
  /** A handle for a cache that is never swept. */
  SweepHandle NONE = () -> {};

  /** Stops further sweeps. Idempotent. */
  void cancel();
}
