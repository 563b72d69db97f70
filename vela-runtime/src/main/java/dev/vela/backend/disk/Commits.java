package dev.vela.backend.disk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When writes become durable. The backend numbers its writes and calls {@link #afterWrite} once a
 * write is in the store; {@code commitNow} commits every write so far and returns the number of
 * the last one it covered.
 */
sealed interface Commits extends AutoCloseable permits EachWriteCommits, PeriodicCommits {

  /** The policy of {@code options}, committing through {@code commitNow}. */
  static Commits of(DiskOptions options, String cacheName, LongSupplier commitNow) {
    Duration interval = options.commitInterval();
    return options.commitsEachWrite()
        ? new EachWriteCommits(commitNow)
        : new PeriodicCommits(cacheName, interval, commitNow);
  }

  /** Returns when write number {@code sequence} is as durable as the policy promises. */
  void afterWrite(long sequence);

  /** How the policy reads in {@code inspect()}. */
  String describe();

  /** Stops committing; the store's own close commits what is left. */
  @Override
  void close();
}
