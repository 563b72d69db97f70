package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The climber steps the window after each sample: on while the hit rate rises, back when it falls. */
class HillClimberTest {
  private final HillClimber climber = new HillClimber(1000, 100);

  private long sample(int hits) {
    for (int i = 0; i < 100; i++) {
      if (i < hits) {
        climber.recordHit();
      } else {
        climber.recordMiss();
      }
    }
    return climber.adjustment();
  }

  @Test
  void saysNothingUntilASampleIsComplete() {
    for (int i = 0; i < 99; i++) {
      climber.recordHit();
    }
    assertThat(climber.adjustment()).isZero();
  }

  @Test
  void growsFirstKeepsGoingWhileTheRateRisesAndTurnsWhenItFalls() {
    assertThat(sample(40)).as("the first sample grows the 1% window by a full step").isEqualTo(62);
    assertThat(sample(50)).as("a rise of 10 points: on, with a full step").isEqualTo(62);
    assertThat(sample(30)).as("a fall of 20 points: back").isEqualTo(-62);
  }

  @Test
  void stepsShrinkWhileTheRateBarelyMoves() {
    sample(40);
    sample(50);
    long small = sample(51);
    long smaller = sample(52);

    assertThat(small).isEqualTo(62);
    assertThat(smaller).isEqualTo((long) (62.5 * HillClimber.STEP_DECAY));
    assertThat(climber.step()).isEqualTo(62.5 * HillClimber.STEP_DECAY * HillClimber.STEP_DECAY);
  }

  @Test
  void aSampleIsFiveRequestsPerEntryUpToACap() {
    assertThat(HillClimber.samplePeriod(1)).isEqualTo(80);
    assertThat(HillClimber.samplePeriod(1000)).isEqualTo(5000);
    assertThat(HillClimber.samplePeriod(1_000_000)).isEqualTo(HillClimber.MAX_SAMPLE);
  }
}
