package dev.vela.core;

/**
 * What a single-key write holds from {@link KeyLocks#beginWrite} until it ends: its announcement
 * in its thread's {@link WriterCell}, its place in a stripe's counter of writers, or the stripe's
 * lock. Each is made ahead of time, so beginning a write allocates nothing.
 */
sealed interface WriteGuard permits WriterCell, KeyLocks.CountedStripe, KeyLocks.StripeLock {
  /** Ends the write, after everything it did; call it once, in a finally block. */
  void end();
}
