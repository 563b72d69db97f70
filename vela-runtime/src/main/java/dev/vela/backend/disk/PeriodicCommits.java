package dev.vela.backend.disk;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes return at once and a daemon thread commits them every interval: much faster writes, but
 * a crash loses the writes of the last interval. Never a half-written commit: what survives is a
 * consistent earlier state.
 */
final class PeriodicCommits implements Commits {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicCommits.class);

  private final String cacheName;
  private final Duration interval;
  private final LongSupplier commitNow;
  private final AtomicLong written = new AtomicLong();
  private final ScheduledExecutorService timer;
  private long durableUpTo; // only the timer thread touches it

  PeriodicCommits(String cacheName, Duration interval, LongSupplier commitNow) {
    this.cacheName = cacheName;
    this.interval = interval;
    this.commitNow = commitNow;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "vela-disk-commit-" + cacheName);
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::commitIfWritten, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void afterWrite(long sequence) {
    written.accumulateAndGet(sequence, Math::max);
  }

  private void commitIfWritten() {
    if (written.get() <= durableUpTo) {
      return;
    }
    try {
      durableUpTo = commitNow.getAsLong();
    } catch (RuntimeException e) {
      // the next interval tries again; the writes stay in the store meanwhile
      LOG.warn("cache '{}' could not commit its writes to disk; the next interval tries again", cacheName, e);
    }
  }

  @Override
  public String describe() {
    return "every " + interval.toMillis() + "ms";
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("cache '{}': a commit did not finish within 10s of close", cacheName);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
