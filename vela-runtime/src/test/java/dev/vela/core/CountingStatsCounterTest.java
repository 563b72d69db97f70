package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.CacheStats;
import org.junit.jupiter.api.Test;

/** Reads and writes are counted in a thread's cell, or in the shared adders when it has none. */
class CountingStatsCounterTest {

  @Test
  void countsInCellsAndInAddersMakeOneTotal() throws Exception {
    CountingStatsCounter counter = new CountingStatsCounter(new ThreadCells<>(1, 1, CountCell::claim));
    try (CellHolder holder = CellHolder.start(() -> {
      counter.recordRead(true);
      counter.recordWrites(2);
      counter.recordL1HitRead();
    })) {
      // this thread finds the only slot taken: its counts go to the adders
      counter.recordRead(true);
      counter.recordRead(false);
      counter.recordWrites(3);
      counter.recordL1HitRead();
      counter.recordL1Hit();
      counter.recordL1Miss();

      CacheStats stats = counter.snapshot();

      assertThat(stats.hits()).isEqualTo(4); // two reads, two L1 hit reads
      assertThat(stats.misses()).isEqualTo(1);
      assertThat(stats.writes()).isEqualTo(5);
      assertThat(stats.l1Hits()).isEqualTo(3); // two L1 hit reads and one L1 hit
      assertThat(stats.l1Misses()).isEqualTo(1);
    }
  }

  @Test
  void countsOfEndedThreadsStayInTheTotal() throws Exception {
    CountingStatsCounter counter = new CountingStatsCounter(new ThreadCells<>(1, 1, CountCell::claim));
    for (int i = 0; i < 3; i++) {
      CellHolder.runToEnd(() -> {
        counter.recordRead(true);
        counter.recordWrites(1);
      });
    }

    assertThat(counter.snapshot().hits()).isEqualTo(3);
    assertThat(counter.snapshot().writes()).isEqualTo(3);
  }
}
