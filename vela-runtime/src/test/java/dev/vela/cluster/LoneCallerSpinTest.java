package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When a caller spins for its reply before it parks, on a clock of the test's own. */
@Timeout(60) // a spin that never ends fails here instead of holding up the suite
class LoneCallerSpinTest {
  private static final long MICROS = 1_000;

  /** A clock that moves by {@code step} ns at every reading and counts its readings. */
  private static final class SteppingClock {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AtomicInteger readings = new AtomicInteger();
    volatile long step;
    volatile CountDownLatch read = new CountDownLatch(0);

    SteppingClock(long step) {
      this.step = step;
    }

    long read() {
      readings.incrementAndGet();
      read.countDown();
      return now.getAndAdd(step);
    }
  }

  @Test
  void aLoneCallerSpinsUntilItsReplyComes() throws Exception {
    SteppingClock clock = new SteppingClock(0); // the spin never runs out of time
    LoneCallerSpin spin = new LoneCallerSpin(() -> 1, clock::read, true);
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    clock.read = new CountDownLatch(1_000);
    CompletableFuture<Boolean> doneWhenSpinEnded = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      long start = spin.spin(reply);
      doneWhenSpinEnded.complete(start != Long.MIN_VALUE && reply.isDone());
    });
    caller.start();

    assertThat(clock.read.await(10, TimeUnit.SECONDS)).isTrue(); // a thousand turns of the spin
    assertThat(doneWhenSpinEnded).isNotDone();
    reply.complete(new byte[0]);

    assertThat(doneWhenSpinEnded.get(10, TimeUnit.SECONDS)).isTrue();
    caller.join(10_000);
  }

  @Test
  void aSpinRunsOutAfterItsTime() {
    SteppingClock clock = new SteppingClock(MICROS);
    LoneCallerSpin spin = new LoneCallerSpin(() -> 1, clock::read, true);
    CompletableFuture<byte[]> reply = new CompletableFuture<>();

    long start = spin.spin(reply);

    assertThat(start).isNotEqualTo(Long.MIN_VALUE);
    assertThat(reply).isNotDone();
    assertThat(clock.readings.get()).isBetween((int) (LoneCallerSpin.SPIN_NANOS / MICROS),
        (int) (LoneCallerSpin.SPIN_NANOS / MICROS) + 2);
  }

  @Test
  void aCallerAmongOthersDoesNotSpinNorMeasureItsWait() {
    SteppingClock clock = new SteppingClock(MICROS);
    LoneCallerSpin spin = new LoneCallerSpin(() -> 2, clock::read, true);

    long start = spin.spin(new CompletableFuture<>());
    spin.waited(start);

    assertThat(start).isEqualTo(Long.MIN_VALUE);
    assertThat(clock.readings.get()).isZero();
    assertThat(spin.recentWaitNanos()).isZero();
  }

  @Test
  void theSpinStopsWhenAnotherCallStarts() {
    SteppingClock clock = new SteppingClock(0); // only another call can end this spin
    AtomicInteger looks = new AtomicInteger();
    LoneCallerSpin spin = new LoneCallerSpin(() -> looks.incrementAndGet() < 50 ? 1 : 2, clock::read, true);
    CompletableFuture<byte[]> reply = new CompletableFuture<>();

    long start = spin.spin(reply);

    assertThat(start).isNotEqualTo(Long.MIN_VALUE); // a lone call when it began: its wait is measured
    assertThat(reply).isNotDone();
    assertThat(looks.get()).isEqualTo(50);
  }

  @Test
  void aReplyAlreadyHereOrASingleCoreMeansNoSpin() {
    SteppingClock clock = new SteppingClock(MICROS);
    LoneCallerSpin oneCore = new LoneCallerSpin(() -> 1, clock::read, false);
    LoneCallerSpin spin = new LoneCallerSpin(() -> 1, clock::read, true);

    assertThat(oneCore.spin(new CompletableFuture<>())).isEqualTo(Long.MIN_VALUE);
    assertThat(spin.spin(CompletableFuture.completedFuture(new byte[0]))).isEqualTo(Long.MIN_VALUE);
    assertThat(clock.readings.get()).isZero();
  }

  @Test
  void loneCallsSlowerThanTheSpinStopItUntilTheirRepliesComeFasterAgain() {
    SteppingClock clock = new SteppingClock(0);
    LoneCallerSpin spin = new LoneCallerSpin(() -> 1, clock::read, true);
    for (int call = 0; call < 20; call++) { // replies that take a millisecond: a slow network
      wait(spin, clock, 1_000 * MICROS);
    }
    assertThat(spin.recentWaitNanos()).isGreaterThan(LoneCallerSpin.SPIN_NANOS);

    clock.step = MICROS;
    int before = clock.readings.get();
    long start = spin.spin(new CompletableFuture<>());
    assertThat(start).isNotEqualTo(Long.MIN_VALUE); // measured, but not spun: the clock was read once
    assertThat(clock.readings.get() - before).isEqualTo(1);

    clock.step = 0;
    for (int call = 0; call < 40; call++) { // replies that take 20 µs
      wait(spin, clock, 20 * MICROS);
    }
    assertThat(spin.recentWaitNanos()).isLessThan(LoneCallerSpin.SPIN_NANOS);
    clock.step = MICROS;
    before = clock.readings.get();
    spin.spin(new CompletableFuture<>());
    assertThat(clock.readings.get() - before).isGreaterThan(10); // spins again
  }

  /** A lone call whose reply takes {@code nanos}, measured as a caller measures it. */
  private static void wait(LoneCallerSpin spin, SteppingClock clock, long nanos) {
    long start = clock.now.get();
    clock.now.addAndGet(nanos);
    spin.waited(start);
  }

  @Test
  void aReplysDerivedFuturesSpinTooAndATimedWaitStillEnds() throws Exception {
    LoneCallerSpin spin = new LoneCallerSpin(() -> 1);
    CallReply<byte[]> reply = new CallReply<>(spin);
    CompletableFuture<Integer> length = reply.thenApply(bytes -> bytes.length);

    assertThat(length).isInstanceOf(CallReply.class);
    assertThatThrownBy(() -> length.get(20, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    CountDownLatch waiting = new CountDownLatch(1);
    Thread replier = new Thread(() -> {
      try {
        waiting.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply.complete(new byte[3]);
    });
    replier.start();
    waiting.countDown();
    assertThat(length.join()).isEqualTo(3);
    replier.join(10_000);
  }
}
