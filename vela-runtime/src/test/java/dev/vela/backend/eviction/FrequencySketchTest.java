package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sketch counts up to 15 per key, and halving ages every count. */
class FrequencySketchTest {

  @Test
  void countsEachSightingUpToFifteen() {
    FrequencySketch sketch = new FrequencySketch(1024, false);
    for (int i = 0; i < 9; i++) {
      sketch.increment(42);
    }
    assertThat(sketch.frequency(42)).isEqualTo(9);
    assertThat(sketch.frequency(43)).isZero();

    for (int i = 0; i < 20; i++) {
      sketch.increment(42);
    }
    assertThat(sketch.frequency(42)).isEqualTo(15);
  }

  @Test
  void halvingAgesEveryCount() {
    FrequencySketch sketch = new FrequencySketch(1024, false);
    IntStream.range(0, 10).forEach(i -> sketch.increment(1));
    IntStream.range(0, 15).forEach(i -> sketch.increment(2));
    sketch.increment(3);

    sketch.halve();

    assertThat(sketch.frequency(1)).isEqualTo(5);
    assertThat(sketch.frequency(2)).isEqualTo(7);
    assertThat(sketch.frequency(3)).isZero();
  }

  @Test
  void halvesOnItsOwnAfterASampleOfAdditions() {
    FrequencySketch sketch = new FrequencySketch(64, false);
    IntStream.range(0, 12).forEach(i -> sketch.increment(-7));
    assertThat(sketch.sampleSize()).isEqualTo(640);
    int seenBefore = sketch.frequency(-7);

    // distinct keys, each seen once: together they complete the sample
    IntStream.range(0, sketch.sampleSize()).forEach(key -> sketch.increment(1_000 + key));

    assertThat(seenBefore).isEqualTo(12);
    assertThat(sketch.frequency(-7)).as("halved at least once").isLessThanOrEqualTo(7);
  }

  @Test
  void theDoorkeeperAbsorbsFirstSightingsAndAddsOneForKeysItKnows() {
    FrequencySketch sketch = new FrequencySketch(1024, true);
    sketch.increment(5);
    assertThat(sketch.frequency(5)).as("the doorkeeper holds the first sighting").isEqualTo(1);
    sketch.increment(5);
    sketch.increment(5);
    assertThat(sketch.frequency(5)).isEqualTo(3);

    sketch.halve(); // clears the doorkeeper too
    assertThat(sketch.frequency(5)).isEqualTo(1);
  }
}
