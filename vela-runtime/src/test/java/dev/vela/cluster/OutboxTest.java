package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How an {@link Outbox} shares frames among the threads that send to one node. */
class OutboxTest {

  private static CallFrames.Call call(long id) {
    return new CallFrames.Call(id, false, "c", new byte[] {(byte) id});
  }

  private static List<Long> ids(List<CallFrames.Entry> frame) {
    return frame.stream().map(CallFrames.Entry::id).toList();
  }

  @Test
  void aLoneCallLeavesAtOnceOnTheCallersThread() {
    List<List<CallFrames.Entry>> frames = new CopyOnWriteArrayList<>();
    Outbox outbox = new Outbox(2, frames::add);

    outbox.add(call(1));

    assertThat(frames).hasSize(1);
    assertThat(ids(frames.get(0))).containsExactly(1L);
  }

  @Test
  void callsAddedWhileAFrameIsBeingSentLeaveTogetherInTheNext() throws Exception {
    List<List<CallFrames.Entry>> frames = new CopyOnWriteArrayList<>();
    CountDownLatch firstSending = new CountDownLatch(1);
    CountDownLatch othersAdded = new CountDownLatch(1);
    Outbox outbox = new Outbox(Integer.MAX_VALUE, frame -> {
      frames.add(frame);
      if (frames.size() == 1) {
        firstSending.countDown();
        await(othersAdded);
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(1);
    try {
      threads.execute(() -> outbox.add(call(1)));
      assertThat(firstSending.await(10, TimeUnit.SECONDS)).isTrue();
      for (long id = 2; id <= 5; id++) {
        outbox.add(call(id)); // the first send is under way: these wait for it
      }
      assertThat(frames).hasSize(1);
      othersAdded.countDown();
      threads.shutdown();
      assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      threads.shutdownNow();
    }

    assertThat(frames).hasSize(2);
    assertThat(ids(frames.get(1))).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  void pastTheWindowCallsWaitForRepliesOrForUnsticking() {
    List<List<CallFrames.Entry>> frames = new CopyOnWriteArrayList<>();
    Outbox outbox = new Outbox(1, frames::add);

    outbox.add(call(1));
    outbox.add(call(2));
    outbox.add(call(3));
    assertThat(frames).hasSize(1);

    outbox.replied(1);
    assertThat(frames).hasSize(2);
    assertThat(ids(frames.get(1))).containsExactly(2L, 3L);

    outbox.add(call(4));
    outbox.unstick(System.nanoTime(), Long.MAX_VALUE);
    assertThat(frames).as("not stale yet").hasSize(2);
    outbox.unstick(System.nanoTime() + 1_000_000_000L, 1);
    assertThat(frames).hasSize(3);
    assertThat(ids(frames.get(2))).containsExactly(4L);
  }

  @Test
  void itSaysWhenCallsAreLeftWaitingAndOnlyThen() {
    List<List<CallFrames.Entry>> frames = new CopyOnWriteArrayList<>();
    AtomicInteger held = new AtomicInteger();
    Outbox outbox = new Outbox(1, frames::add, held::incrementAndGet);

    outbox.add(call(1));
    assertThat(held).hasValue(0);
    assertThat(outbox.holding()).isFalse();

    outbox.add(call(2));
    assertThat(held).hasValue(1);
    assertThat(outbox.holding()).isTrue();

    outbox.replied(1);
    assertThat(frames).hasSize(2);
    assertThat(outbox.holding()).isFalse();
    assertThat(held).as("the call left with the reply; nothing to look at later").hasValue(1);
  }

  @Test
  void repliesAreNeverHeld() {
    List<List<CallFrames.Entry>> frames = new CopyOnWriteArrayList<>();
    AtomicInteger held = new AtomicInteger();
    Outbox outbox = new Outbox(Integer.MAX_VALUE, frames::add, held::incrementAndGet);

    for (long id = 1; id <= 5; id++) {
      outbox.add(new CallFrames.Answer(id, new byte[] {1}));
    }

    assertThat(frames).hasSize(5);
    assertThat(held).hasValue(0);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the other calls were not added within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
