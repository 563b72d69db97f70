package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyLocksTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final KeyLocks locks = new KeyLocks("locked");

  @Test
  void stripesAreAscendingWithoutRepeats() {
    List<Integer> keys = IntStream.range(0, 500).boxed().toList();

    int[] stripes = locks.stripesOf(keys);

    assertThat(stripes).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(KeyLocks.STRIPES);
    assertThat(locks.stripesOf(List.of("x", "x"))).hasSize(1);
  }

  @Test
  void writesTakeNoLockWhileNoLockSetIsActive() {
    WriteGuard write = locks.beginWrite("k");

    assertThat(write).as("announced in the thread's cell").isInstanceOf(WriterCell.class);
    write.end();
  }

  @Test
  void writesTakeTheStripeWhileALockSetIsActive() {
    int[] stripes = locks.stripesOf(List.of("k"));
    locks.lock(stripes, "a transaction");
    try {
      WriteGuard write = locks.beginWrite("k");
      assertThat(write).as("locked path").isInstanceOf(KeyLocks.StripeLock.class);
      write.end();
    } finally {
      locks.unlock(stripes);
    }

    WriteGuard write = locks.beginWrite("k");
    assertThat(write).as("fast again").isInstanceOf(WriterCell.class);
    write.end();
  }

  @Test
  void aLockSetWaitsForAWriteAnnouncedInItsThreadsCell() throws Exception {
    assertLockSetWaitsForAnUnlockedWrite(locks, true);
  }

  @Test
  void aLockSetWaitsForAWriteCountedWhenTheCellTableIsFull() throws Exception {
    KeyLocks small = new KeyLocks("locked", new ThreadCells<>(1, 1, WriterCell::claim));
    try (CellHolder holder = CellHolder.start(() -> small.beginWrite("x").end())) {
      assertLockSetWaitsForAnUnlockedWrite(small, false);
    }
  }

  @Test
  void unlockedWritesAndLockSetsOnTwoThreadsNeverOverlapOnAKey() throws Exception {
    int[] stripes = locks.stripesOf(List.of("k"));
    AtomicBoolean lockSetHolds = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();

    Concurrently.run(2, Duration.ofSeconds(30), thread -> {
      for (int i = 0; i < 20_000; i++) {
        if (thread == 0) {
          locks.lock(stripes, "a transaction");
          lockSetHolds.set(true);
          hold(); // a moment, so that a write overlapping the set would be seen
          lockSetHolds.set(false);
          locks.unlock(stripes);
        } else {
          WriteGuard write = locks.beginWrite("k");
          boolean unlocked = !(write instanceof KeyLocks.StripeLock);
          overlapped.compareAndSet(false, unlocked && lockSetHolds.get());
          hold();
          overlapped.compareAndSet(false, unlocked && lockSetHolds.get());
          write.end();
        }
      }
    });

    assertThat(overlapped).as("an unlocked write ran inside a lock set").isFalse();
  }

  /**
   * A write begun without a lock on one thread holds a lock set on its key until it ends: the set
   * returns only after the writer has gone on. {@code inCell} says which way the write announced.
   */
  private static void assertLockSetWaitsForAnUnlockedWrite(KeyLocks locks, boolean inCell) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      assertLockSetWaitsForAnUnlockedWrite(locks, inCell, threads);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void assertLockSetWaitsForAnUnlockedWrite(KeyLocks locks, boolean inCell, ExecutorService threads)
      throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finishWrite = new CountDownLatch(1);
    AtomicBoolean writeFinishing = new AtomicBoolean();
    Future<WriteGuard> writer = threads.submit(() -> {
      WriteGuard write = locks.beginWrite("k");
      writing.countDown();
      await(finishWrite);
      writeFinishing.set(true);
      write.end();
      return write;
    });
    assertThat(writing.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    int[] stripes = locks.stripesOf(List.of("k"));
    Future<Boolean> lockSet = threads.submit(() -> {
      locks.lock(stripes, "a transaction");
      boolean sawTheWriteFinish = writeFinishing.get();
      locks.unlock(stripes);
      return sawTheWriteFinish;
    });
    // a write elsewhere takes its stripe's lock once the set has begun
    String elsewhere = keyOutside(locks, stripes[0]);
    Concurrently.await(DEADLINE, "the lock set begins", () -> {
      WriteGuard write = locks.beginWrite(elsewhere);
      write.end();
      return write instanceof KeyLocks.StripeLock;
    });
    finishWrite.countDown();

    WriteGuard write = writer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(write).as("no lock")
        .isInstanceOf(inCell ? WriterCell.class : KeyLocks.CountedStripe.class);
    assertThat(lockSet.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the set waited for the write").isTrue();
  }

  private static void hold() {
    for (int spin = 0; spin < 200; spin++) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void nestedLockSetsMustStayWithinTheOuterOne() {
    int[] outer = locks.stripesOf(List.of("a"));
    int[] other = otherStripe(outer[0]);
    locks.lock(outer, "a transaction");
    try {
      locks.lock(outer, "a transaction");
      locks.unlock(outer);
      assertThatThrownBy(() -> locks.lock(other, "putAll"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("putAll inside a transaction on cache 'locked'");
    } finally {
      locks.unlock(outer);
    }
    locks.lock(other, "putAll"); // the outer set is gone, so this is a fresh one
    locks.unlock(other);
  }

  private int[] otherStripe(int stripe) {
    return locks.stripesOf(List.of(keyOutside(locks, stripe)));
  }

  private static String keyOutside(KeyLocks locks, int stripe) {
    for (int i = 0; ; i++) {
      String key = "key" + i;
      if (locks.stripesOf(List.of(key))[0] != stripe) {
        return key;
      }
    }
  }
}
