package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.testing.Concurrently;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-thread cells: one owner each, exact sums, taken over from ended threads, bounded. */
class ThreadCellsTest {

  @Test
  void aThreadKeepsItsCellAndItsCountsAddUp() {
    ThreadCells<CountCell> cells = new ThreadCells<>(CountCell::claim);
    CountCell cell = cells.mine();

    for (int i = 0; i < 5; i++) {
      cells.mine().addRead(true);
    }
    cells.mine().addRead(false);
    cells.mine().addWrites(3);
    cells.mine().addL1HitRead();

    assertThat(cells.mine()).isSameAs(cell);
    assertThat(cell.owner).isSameAs(Thread.currentThread());
    assertThat(cells.sum(CountCell::hits)).isEqualTo(5);
    assertThat(cells.sum(CountCell::misses)).isEqualTo(1);
    assertThat(cells.sum(CountCell::writes)).isEqualTo(3);
    assertThat(cells.sum(CountCell::l1HitReads)).isEqualTo(1);
  }

  @Test
  void threadsCountingAtOnceLoseNoCount() throws Exception {
    int threads = 4;
    int reads = 100_000;
    ThreadCells<CountCell> cells = new ThreadCells<>(CountCell::claim);

    Concurrently.run(threads, Duration.ofSeconds(30), thread -> {
      for (int i = 0; i < reads; i++) {
        cells.mine().addRead(i % 4 != 0);
      }
    });

    assertThat(cells.sum(CountCell::hits)).isEqualTo(threads * reads * 3L / 4);
    assertThat(cells.sum(CountCell::misses)).isEqualTo(threads * reads / 4L);
  }

  @Test
  void aCellOfAnEndedThreadIsTakenOverWithItsCounts() throws Exception {
    ThreadCells<CountCell> cells = new ThreadCells<>(1, 1, CountCell::claim);
    CellHolder.runToEnd(() -> {
      cells.mine().addRead(true);
      cells.mine().addWrites(4);
    });

    CountCell mine = cells.mine();
    mine.addRead(true);

    assertThat(mine.owner).isSameAs(Thread.currentThread());
    assertThat(cells.capacity()).isEqualTo(1);
    assertThat(cells.sum(CountCell::hits)).isEqualTo(2);
    assertThat(cells.sum(CountCell::writes)).isEqualTo(4);
  }

  @Test
  void aFullTableGivesNoCellToAThreadWhoseSlotIsTaken() throws Exception {
    ThreadCells<CountCell> cells = new ThreadCells<>(1, 1, CountCell::claim);
    try (CellHolder holder = CellHolder.start(() -> cells.mine().addRead(true))) {
      assertThat(cells.mine()).isNull();
      assertThat(cells.mine()).isNull();
      assertThat(cells.sum(CountCell::hits)).isEqualTo(1);
    }
  }

  @Test
  void aSlotOfALiveThreadGrowsTheTableUntilTheTwoThreadsPartOrItIsFull() throws Exception {
    int max = 1024;
    ThreadCells<CountCell> cells = new ThreadCells<>(1, max, CountCell::claim);
    try (CellHolder holder = CellHolder.start(() -> cells.mine().addRead(true))) {
      // the table doubles until the lowest bit in which the two ids differ picks the slot
      long differingBits = holder.threadId() ^ currentThreadId();
      int expected = (differingBits & (max - 1)) == 0 ? max : (int) Long.lowestOneBit(differingBits) * 2;

      CountCell mine = cells.mine();

      if ((differingBits & (max - 1)) == 0) {
        assertThat(mine).isNull(); // the ids agree in every bit the largest table uses
      } else {
        assertThat(mine).isNotNull();
        mine.addRead(true);
        assertThat(cells.sum(CountCell::hits)).isEqualTo(2);
      }
      assertThat(cells.capacity()).isEqualTo(expected);
    }
  }

  @Test
  void tableSizesMustBePowersOfTwoAndInOrder() {
    assertThatThrownBy(() -> new ThreadCells<>(3, 8, CountCell::claim)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("powers of two");
    assertThatThrownBy(() -> new ThreadCells<>(8, 4, CountCell::claim)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial <= max");
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
  private static long currentThreadId() {
    return Thread.currentThread().getId();
  }
}
