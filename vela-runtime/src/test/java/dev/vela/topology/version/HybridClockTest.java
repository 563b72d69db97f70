package dev.vela.topology.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stamps only go up, and a stamp seen from elsewhere pushes the next one past it. */
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
}
