package dev.vela.topology.version;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hybrid logical clock: stamps follow this node's wall clock when it moves ahead, and otherwise
 * count up, and every stamp seen from another node pushes this clock past it. So a write made
 * after seeing another is always stamped later, whatever the two wall clocks say; wall clocks of
 * different nodes are never compared directly.
 */
public final class HybridClock {
  /** Low bits that count writes within one millisecond. */
  private static final int COUNTER_BITS = 16;

  private final InstantSource clock;
  private final AtomicLong last = new AtomicLong();

  /** A clock whose stamps follow {@code clock} when it moves ahead. */
  public HybridClock(InstantSource clock) {
    this.clock = clock;
  }

  /** A stamp later than every stamp this clock has made or seen. */
  public long next() {
    long physical = clock.millis() << COUNTER_BITS;
    return last.updateAndGet(previous -> Math.max(previous + 1, physical));
  }

  /** The lowest stamp this clock would give at {@code age} ago on its wall clock. */
  public long stampAgo(java.time.Duration age) {
    return (clock.millis() - age.toMillis()) << COUNTER_BITS;
  }

  /** Takes note of a stamp made elsewhere, so the next local one is later. */
  public void observe(long stamp) {
    last.accumulateAndGet(stamp, Math::max);
  }
}
