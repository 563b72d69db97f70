package dev.vela.topology.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * Stamps only go up, a stamp seen from elsewhere pushes the next one past it, and writes that saw
 * nothing of each other are ordered by when they were made, within a millisecond too.
 */
class HybridClockTest {
  private final ManualClock time = new ManualClock();
  private final HybridClock clock = new HybridClock(time);

  @Test
  void stampsRiseWhileTheWallClockStandsStill() {
    long first = clock.next();
    assertThat(clock.next()).isGreaterThan(first);
  }

  @Test
  void aStampFromANodeWhoseClockIsAheadPushesThisClockPastIt() {
    HybridClock ahead = new HybridClock(new ManualClock(time.instant().plus(Duration.ofHours(1))));
    long remote = ahead.next();
    clock.observe(remote);
    assertThat(clock.next()).isGreaterThan(remote);
  }

  @Test
  void theWallClockMovingOnMovesStampsOn() {
    long before = clock.next();
    time.advance(Duration.ofSeconds(1));
    assertThat(clock.next() - before).isGreaterThanOrEqualTo(1000L << 16);
  }

  @Test
  void aWriteMadeLaterInTheSameMillisecondOnAnotherNodeIsStampedLater() {
    Instant millisecond = Instant.parse("2030-01-01T00:00:00Z");
    HybridClock busy = new HybridClock(InstantSource.fixed(millisecond.plusNanos(100_000)));
    HybridClock idle = new HybridClock(InstantSource.fixed(millisecond.plusNanos(400_000)));
    long busiest = 0;
    for (int i = 0; i < 10; i++) {
      busiest = busy.next(); // its wall clock stands still: these count up
    }
    assertThat(idle.next()).as("the later write, though its node wrote nothing before it").isGreaterThan(busiest);
  }

  @Test
  void theFractionOfAMillisecondNeverOutranksTheNextMillisecond() {
    Instant millisecond = Instant.parse("2030-01-01T00:00:00Z");
    long lateInIt = new HybridClock(InstantSource.fixed(millisecond.plusNanos(999_999))).next();
    long nextOne = new HybridClock(InstantSource.fixed(millisecond.plusMillis(1))).next();
    assertThat(nextOne).isGreaterThan(lateInIt);
    assertThat(nextOne >> 16).isEqualTo(millisecond.toEpochMilli() + 1);
  }
}
