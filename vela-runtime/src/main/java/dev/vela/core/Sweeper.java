package dev.vela.core;

import dev.vela.config.Durations;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired entries of every registered cache at its {@code sweepInterval}. Reads never
 * return an expired entry in between; the sweeper only frees the memory of entries nobody reads.
 *
 * <p>It holds each cache's sweep weakly, so a cache that is dropped without {@code close()} can
 * still be garbage collected; its task then cancels itself. A failing sweep is logged and tried
 * again at the next interval.
 */
final class Sweeper {
  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  private static final Sweeper SHARED = new Sweeper(DaemonSweepScheduler.SHARED);

  private final SweepScheduler scheduler;

  Sweeper(SweepScheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
  }

  /** The sweeper every cache of this JVM shares, with its one daemon thread. */
  static Sweeper shared() {
    return SHARED;
  }

  /**
   * Runs {@code sweep} every {@code interval} until the handle is cancelled; an infinite
   * interval registers nothing. The caller must keep {@code sweep} reachable while it is wanted.
   */
  SweepHandle register(String cacheName, Duration interval, Runnable sweep) {
    if (Durations.isInfinite(interval)) {
      return SweepHandle.NONE;
    }
    long millis = Math.max(1, interval.toMillis());
    WeakSweep task = new WeakSweep(cacheName, sweep);
    task.handle = scheduler.schedule(task, millis);
    return task.handle;
  }

  private static final class WeakSweep implements Runnable {
    private final String cacheName;
    private final WeakReference<Runnable> sweep;
    private volatile SweepHandle handle;

    WeakSweep(String cacheName, Runnable sweep) {
      this.cacheName = cacheName;
      this.sweep = new WeakReference<>(sweep);
    }

    @Override
    public void run() {
      Runnable target = sweep.get();
      if (target == null) {
        SweepHandle registered = handle;
        if (registered != null) {
          registered.cancel();
        }
        return;
      }
      try {
        target.run();
      } catch (RuntimeException e) {
        LOG.warn("sweeping expired entries of cache '{}' failed; trying again at the next interval", cacheName, e);
      }
    }
  }
}
