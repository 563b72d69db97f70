package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The failover scenario of the Redis tests: {@link #THREADS} threads put and get for {@link #RUN};
 * at {@link #KILL_AT} a primary is killed. A call may fail only after the kill began, only within
 * {@link #RECOVERED_WITHIN} of it, only with a {@link VelaException} whose message says what
 * happened, and only within the cache's {@code timeout} (and {@link #LATE} for a loaded machine);
 * a get always reads what its thread's put before it stored. No call, failing or not, may run
 * longer than that either: a watcher notes where such a call was waiting, for the failure message.
 */
final class FailoverLoad {
  static final int THREADS = 4;
  /** Keys per thread, each written again every {@value} rounds. */
  static final int KEYS_PER_THREAD = 50;
  /**
   * 25 s rather than the 20 s: with the kill at 5 s, 15 s after the kill is when a 20 s run
   * ends, which would leave no calls to check the recovery on; the 5 s more are that check.
   */
  static final Duration RUN = Duration.ofSeconds(25);
  static final Duration KILL_AT = Duration.ofSeconds(5);
  /** From this long after the kill on no call fails. */
  static final Duration RECOVERED_WITHIN = Duration.ofSeconds(15);
  /** How much later than the timeout a failing call may return, for threads waiting for a core. */
  static final Duration LATE = Duration.ofMillis(500);

  private FailoverLoad() {}

  /** What a run saw. */
  record Outcome(long calls, long recoveredCalls, long failures, long promotedAfterKillMillis, long lastFailureAfterKillMillis, long slowestFailureMillis,
      List<String> messages) {
    @Override
    public String toString() {
      return calls + " calls (" + recoveredCalls + " from " + RECOVERED_WITHIN.toSeconds() + " s after the kill on), "
          + failures + " failed; the replica was promoted " + promotedAfterKillMillis + " ms after the kill, the last"
          + " call failed " + lastFailureAfterKillMillis
          + " ms after the kill, the slowest failure took " + slowestFailureMillis + " ms; messages such as "
          + messages.stream().distinct().limit(3).toList();
    }
  }

  /**
   * Runs the scenario on {@code cache} and asserts what the class says.
   *
   * @param kill kills the primary
   * @param saysWhatHappened whether a failure's message says what happened
   */
  static Outcome run(Cache<String, String> cache, Duration timeout, Runnable kill, Predicate<String> saysWhatHappened,
      BooleanSupplier promoted) throws Exception {
    long start = System.nanoTime();
    long end = start + RUN.toNanos();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    AtomicLong promotedAt = new AtomicLong(-1);
    AtomicLong calls = new AtomicLong();
    AtomicLong recoveredCalls = new AtomicLong();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    // when each worker's call under way began (0: none), and where the overdue ones were waiting
    AtomicLongArray callsBegan = new AtomicLongArray(THREADS);
    Thread[] workers = new Thread[THREADS];
    Queue<String> overdue = new ConcurrentLinkedQueue<>();
    Concurrently.run(THREADS + 2, RUN.plusSeconds(30), thread -> {
      if (thread == THREADS + 1) {
        watch(callsBegan, workers, timeout.plus(LATE), end, overdue);
        return;
      }
      if (thread == THREADS) {
        LockSupport.parkNanos(start + KILL_AT.toNanos() - System.nanoTime()); // the scenario's schedule
        killedAt.set(System.nanoTime()); // before the kill: calls may fail as soon as it begins
        kill.run();
        // when the replica was promoted, for the report: polled, since no one tells the test
        while (System.nanoTime() - end < 0 && !promoted.getAsBoolean()) {
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        promotedAt.set(System.nanoTime());
        return;
      }
      workers[thread] = Thread.currentThread();
      for (int round = 0; System.nanoTime() - end < 0 && round < 10_000_000; round++) {
        String key = "load" + thread + "-" + (round % KEYS_PER_THREAD);
        String value = "r" + round;
        calls.addAndGet(2);
        long began = System.nanoTime();
        try {
          callsBegan.set(thread, began);
          cache.put(key, value);
          began = System.nanoTime();
          callsBegan.set(thread, began);
          String read = cache.get(key).orElse(null);
          if (!value.equals(read)) {
            wrong.add(key + " read " + read + " after writing " + value);
          } else if (System.nanoTime() - killedAt.get() > RECOVERED_WITHIN.toNanos()) {
            recoveredCalls.addAndGet(2);
          }
        } catch (VelaException failed) {
          failures.add(new Failure(began, System.nanoTime(), "(" + key + ") " + failed.getMessage()));
        } catch (RuntimeException unexpected) {
          wrong.add("a call failed with " + unexpected);
        } finally {
          callsBegan.set(thread, 0);
        }
      }
    });

    long killed = killedAt.get();
    long lastAfterKill = 0;
    long slowest = 0;
    String slowestMessage = "";
    long slowestEnded = 0;
    for (Failure failure : failures) {
      // a call under way when the kill began may fail; one that failed before it may not
      assertThat(failure.ended() - killed).as("a call failed before the primary was killed: %s", failure.message())
          .isNotNegative();
      assertThat(failure.ended() - killed).as("a call failed %s after the kill (the replica was promoted %d ms"
          + " after it): %s", RECOVERED_WITHIN, (promotedAt.get() - killed) / 1_000_000, failure.message())
          .isLessThan(RECOVERED_WITHIN.toNanos());
      assertThat(failure.message().substring(failure.message().indexOf(") ") + 2)).as("the message says what happened")
          .matches(saysWhatHappened);
      lastAfterKill = Math.max(lastAfterKill, failure.ended() - killed);
      if (failure.ended() - failure.began() > slowest) {
        slowest = failure.ended() - failure.began();
        slowestMessage = failure.message();
        slowestEnded = failure.ended() - killed;
      }
    }
    assertThat(Duration.ofNanos(slowest)).as("the slowest failed call, %s after the kill: %s; overdue calls were"
        + " waiting at %s", Duration.ofNanos(slowestEnded), slowestMessage, overdue).isLessThanOrEqualTo(timeout.plus(LATE));
    assertThat(overdue).as("calls that took longer than %s, succeeding or not, waiting at", timeout.plus(LATE))
        .isEmpty();
    assertThat(wrong).as("wrong answers").isEmpty();
    assertThat(failures).as("calls failed while the primary was gone").isNotEmpty();
    assertThat(recoveredCalls.get()).as("calls made from %s after the kill on", RECOVERED_WITHIN).isPositive();
    return new Outcome(calls.get(), recoveredCalls.get(), failures.size(), (promotedAt.get() - killed) / 1_000_000, lastAfterKill / 1_000_000, slowest / 1_000_000,
        failures.stream().map(Failure::message).limit(50).toList());
  }

  /**
   * Until {@code end}, every 50 ms, notes where each worker whose call under way began more than
   * {@code bound} ago is waiting (its stack), once per call: what a call that overruns its timeout
   * waits for, which its exception, if it ends in one, cannot tell.
   */
  private static void watch(AtomicLongArray callsBegan, Thread[] workers, Duration bound, long end,
      Queue<String> overdue) {
    long[] noted = new long[callsBegan.length()];
    while (System.nanoTime() - end < 0) {
      for (int i = 0; i < callsBegan.length(); i++) {
        long began = callsBegan.get(i);
        Thread worker = workers[i];
        if (began != 0 && began != noted[i] && worker != null && System.nanoTime() - began > bound.toNanos()) {
          noted[i] = began;
          StringBuilder stack = new StringBuilder("a call of thread " + i + " under way for "
              + (System.nanoTime() - began) / 1_000_000 + " ms:");
          for (StackTraceElement frame : worker.getStackTrace()) {
            stack.append("\n    at ").append(frame);
          }
          overdue.add(stack.toString());
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // a sampling period, not a synchronisation
    }
  }

  /** A failed call: when it began and ended, and its message after its key in parentheses. */
  private record Failure(long began, long ended, String message) {}
}
