package dev.vela.near;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A clock read from a field that a daemon thread advances every {@link #TICK_MILLIS}, for the L1
 * time to live: reading the system clock on every L1 hit would cost more than the rest of the hit
 * (tens of nanoseconds, more in some virtual machines). Its time never runs ahead of its source, so
 * an L1 entry is kept at most one tick longer than its time to live (longer only while the ticking
 * thread is held up), never shorter. Entries' own expiry is never checked against it.
 *
 * <p>The thread, {@code vela-shared-l1-clock}, is one per JVM, started by the first near cache on
 * the system clock; it is a daemon and outlives the caches, as the clock it ticks is shared.
 *
 * <p>The same thread runs the L1s' removals of entries whose time to live has passed
 * ({@link #everyTick}), so an L1 hit reads no deadline at all.
 */
final class TickingClock implements InstantSource {
  /** How often the shared clock reads the system clock. */
  static final long TICK_MILLIS = 5;

  private final InstantSource source;
  private volatile long millis;

  TickingClock(InstantSource source) {
    this.source = source;
    this.millis = source.millis();
  }

  /**
   * The clock an L1 checks its time to live against: for the system clock, the JVM's shared ticking
   * clock; any other clock (a test's, which moves only when told) is read directly, so it stays exact.
   */
  static InstantSource forL1(InstantSource clock) {
    return clock == InstantSource.system() ? Shared.CLOCK : clock;
  }

  /** Reads the source once more; the ticking thread calls it, and tests do. */
  void tick() {
    long now = source.millis();
    if (now > millis) { // a system clock set back does not move this one back
      millis = now;
    }
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  /**
   * Runs {@code task} on the ticking thread every tick, after the shared clock has ticked, until the
   * returned future is cancelled or the task throws.
   */
  static ScheduledFuture<?> everyTick(Runnable task) {
    return Shared.TICKER.scheduleWithFixedDelay(task, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The system clock's ticking twin, and its thread, made when the first near cache needs them. */
  private static final class Shared {
    static final ScheduledThreadPoolExecutor TICKER = ticker();
    static final TickingClock CLOCK = start();

    private static ScheduledThreadPoolExecutor ticker() {
      ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "vela-shared-l1-clock");
        thread.setDaemon(true);
        return thread;
      });
      ticker.setRemoveOnCancelPolicy(true); // a closed cache's task leaves the queue at once
      return ticker;
    }

    private static TickingClock start() {
      TickingClock clock = new TickingClock(InstantSource.system());
      TICKER.scheduleAtFixedRate(clock::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
      return clock;
    }
  }
}
