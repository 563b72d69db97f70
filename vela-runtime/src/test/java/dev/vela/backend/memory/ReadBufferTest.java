package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadBufferTest {

  @Test
  void drainsWhatOneThreadOfferedInOrder() {
    ReadBuffer<Integer> buffer = new ReadBuffer<>(4);
    for (int i = 0; i < 5; i++) {
      assertThat(buffer.offer(i)).isEqualTo(ReadBuffer.ADDED);
    }
    List<Integer> drained = new ArrayList<>();

    buffer.drainTo(drained::add);

    assertThat(drained).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void asksForADrainWhenAStripeFillsAndRefusesReadsUntilThen() {
    ReadBuffer<Integer> buffer = new ReadBuffer<>(1);
    for (int i = 0; i < ReadBuffer.STRIPE_CAPACITY - 1; i++) {
      assertThat(buffer.offer(i)).isEqualTo(ReadBuffer.ADDED);
    }
    assertThat(buffer.offer(99)).as("the last free slot").isEqualTo(ReadBuffer.FILLED);
    assertThat(buffer.offer(100)).as("full: refused, for the caller to replay").isEqualTo(ReadBuffer.FULL);
    List<Integer> drained = new ArrayList<>();

    buffer.drainTo(drained::add);
    assertThat(buffer.offer(7)).isEqualTo(ReadBuffer.ADDED);
    buffer.drainTo(drained::add);

    assertThat(drained).hasSize(ReadBuffer.STRIPE_CAPACITY + 1).doesNotContain(100).endsWith(99, 7);
  }

  @Test
  void aBufferOfAnotherCapacityFillsAtItAndWrapsAround() {
    ReadBuffer<Integer> buffer = new ReadBuffer<>(1, 8);
    assertThat(buffer.capacity()).isEqualTo(8);
    List<Integer> drained = new ArrayList<>();
    for (int round = 0; round < 3; round++) { // three times round the ring
      for (int i = 0; i < 7; i++) {
        assertThat(buffer.offer(round * 10 + i)).isEqualTo(ReadBuffer.ADDED);
      }
      assertThat(buffer.offer(round * 10 + 7)).isEqualTo(ReadBuffer.FILLED);
      assertThat(buffer.offer(-1)).isEqualTo(ReadBuffer.FULL);
      buffer.drainTo(drained::add);
    }

    assertThat(drained).hasSize(24).doesNotContain(-1).startsWith(0, 1, 2).endsWith(26, 27);
  }

  @Test
  void aCapacityMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new ReadBuffer<>(1, 48)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two").hasMessageContaining("48");
  }

  @Test
  void concurrentOffersDeliverEveryElementOnce() throws Exception {
    ReadBuffer<Integer> buffer = new ReadBuffer<>(2);
    AtomicInteger next = new AtomicInteger();
    List<Integer> drained = new ArrayList<>();
    Object drainLock = new Object();
    Concurrently.run(4, Duration.ofSeconds(20), thread -> {
      for (int i = 0; i < 20_000; i++) {
        int element = next.incrementAndGet();
        if (buffer.offer(element) == ReadBuffer.FULL) {
          synchronized (drainLock) {
            buffer.drainTo(drained::add);
            drained.add(element); // what a reader of a full stripe does: replays it itself
          }
        }
      }
    });
    synchronized (drainLock) {
      buffer.drainTo(drained::add);
    }
    assertThat(drained).doesNotHaveDuplicates().hasSize(next.get()).allMatch(i -> i > 0 && i <= next.get());
  }
}
