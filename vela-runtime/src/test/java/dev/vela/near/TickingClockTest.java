package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class TickingClockTest {
  private final ManualClock source = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TickingClock ticking = new TickingClock(source);

  @Test
  void showsTheSourceTimeOfItsLastTickOnly() {
    long start = source.millis();
    source.advance(Duration.ofSeconds(5));

    assertThat(ticking.millis()).isEqualTo(start);
    ticking.tick();
    assertThat(ticking.millis()).isEqualTo(start + 5_000);
    assertThat(ticking.instant()).isEqualTo(Instant.ofEpochMilli(start + 5_000));
  }

  @Test
  void neverMovesBackWhenItsSourceDoes() {
    source.advance(Duration.ofSeconds(10));
    ticking.tick();
    long later = ticking.millis();

    source.advance(Duration.ofSeconds(-3));
    ticking.tick();

    assertThat(ticking.millis()).isEqualTo(later);
  }

  @Test
  void onlyTheSystemClockIsReplacedByATickingOne() {
    assertThat(TickingClock.forL1(source)).isSameAs(source);
    InstantSource forSystem = TickingClock.forL1(InstantSource.system());
    assertThat(forSystem).isInstanceOf(TickingClock.class).isSameAs(TickingClock.forL1(InstantSource.system()));
    assertThat(forSystem.millis()).isLessThanOrEqualTo(System.currentTimeMillis());
  }
}
