package dev.vela.topology.version;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hybrid logical clock: stamps follow this node's wall clock when it moves ahead, and otherwise
 * count up, and every stamp seen from another node pushes this clock past it. So a write made
 * after seeing another is always stamped later, whatever the two wall clocks say.
 *
 * <p>Writes that saw nothing of each other (two sides of a network partition) are ordered by their
 * wall clocks alone. A stamp is therefore the wall-clock time in milliseconds, shifted left, with
 * the fraction of the millisecond in the low bits: were those bits only a count of this node's
 * writes within the millisecond, a node that wrote many keys in one millisecond would outrank, in
 * that millisecond, a later write of another node that had written none yet.
 */
public final class HybridClock {
  /** Low bits of a stamp: the fraction of its millisecond, or a count above it within one. */
  private static final int FRACTION_BITS = 16;
  private static final long NANOS_PER_MILLI = 1_000_000;

  private final InstantSource clock;
  private final AtomicLong last = new AtomicLong();

  /** A clock whose stamps follow {@code clock} when it moves ahead. */
  public HybridClock(InstantSource clock) {
    this.clock = clock;
  }

  /** A stamp later than every stamp this clock has made or seen. */
  public long next() {
    long physical = stampOf(clock.instant());
    return last.updateAndGet(previous -> Math.max(previous + 1, physical));
  }

  /** The lowest stamp this clock would give at {@code age} ago on its wall clock. */
  public long stampAgo(Duration age) {
    return (clock.millis() - age.toMillis()) << FRACTION_BITS;
  }

  /** Takes note of a stamp made elsewhere, so the next local one is later. */
  public void observe(long stamp) {
    last.accumulateAndGet(stamp, Math::max);
  }

  /** The stamp of a wall-clock time, to about 15 ns where the clock is that fine. */
  private static long stampOf(Instant now) {
    long nanosOfMilli = now.getNano() % NANOS_PER_MILLI;
    return (now.toEpochMilli() << FRACTION_BITS) | ((nanosOfMilli << FRACTION_BITS) / NANOS_PER_MILLI);
  }
}
