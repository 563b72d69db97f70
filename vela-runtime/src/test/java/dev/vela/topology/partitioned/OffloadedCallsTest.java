package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.CacheClosedException;
import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded pool that runs a partitioned cache's blocking remote calls for its asynchronous ones. */
class OffloadedCallsTest {
  private static final Duration RPC_TIMEOUT = Duration.ofMillis(250);

  @Test
  void aCallRunsOnANamedPoolThreadAndCompletesWithItsResultOrFailure() throws Exception {
    OffloadedCalls calls = new OffloadedCalls("named", Duration.ofSeconds(30), 2, 2);
    try {
      assertThat(calls.run(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
          .startsWith("vela-partitioned-async-named-");
      IllegalStateException thrown = new IllegalStateException("remote failure");
      assertThat(failureOf(calls.run(() -> {
        throw thrown;
      }))).isSameAs(thrown);
    } finally {
      calls.close();
    }
  }

  @Test
  void aCallThatWaitsForAThreadPastTheRpcTimeoutFailsWithoutRunning() throws Exception {
    OffloadedCalls calls = new OffloadedCalls("overdue", RPC_TIMEOUT, 1, 4);
    CountDownLatch release = new CountDownLatch(1);
    try {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Boolean> blocker = calls.run(() -> {
        started.countDown();
        return awaitQuietly(release);
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).as("the first call runs").isTrue();
      boolean[] ran = {false};
      CompletableFuture<String> late = calls.run(() -> {
        ran[0] = true;
        return "ran";
      });
      // Taken after run() returns, so the call's own deadline (set inside run) is no later than this plus the timeout.
      long queuedAt = System.nanoTime();
      Concurrently.await(Duration.ofSeconds(10), "the queued call's deadline has passed",
          () -> System.nanoTime() - queuedAt > RPC_TIMEOUT.toNanos());
      release.countDown();
      assertThat(blocker.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(failureOf(late)).isInstanceOf(VelaException.class).hasMessageContaining("did not run")
          .hasMessageContaining("rpcTimeout");
      assertThat(ran[0]).isFalse();
    } finally {
      release.countDown();
      calls.close();
    }
  }

  @Test
  void aFullQueueAndAClosedPoolFailAtOnce() throws Exception {
    OffloadedCalls calls = new OffloadedCalls("full", Duration.ofSeconds(30), 1, 1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      CompletableFuture<Boolean> running = calls.run(() -> awaitQuietly(release));
      Concurrently.await(Duration.ofSeconds(10), "the first call holds the thread", () -> calls.threads() == 1);
      CompletableFuture<Boolean> queued = calls.run(() -> true);
      CompletableFuture<Boolean> refused = calls.run(() -> true);
      assertThat(refused).isCompletedExceptionally();
      assertThat(failureOf(refused)).isInstanceOf(VelaException.class).hasMessageContaining("1 asynchronous remote calls waiting");
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
      calls.close();
      assertThat(failureOf(calls.run(() -> true))).isInstanceOf(CacheClosedException.class);
    } finally {
      release.countDown();
      calls.close();
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the call to fail");
  }
}
