package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.backend.Deadlines;
import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous calls on Redis that get no answer: they fail within the {@code timeout} option with
 * the exception a blocking call gives, on the cache's executor, and their deadlines do not pile up.
 */
class RedisAsyncTimeoutTest {
  /** How long the server holds every client back: far past the timeout, so only the deadline can end a call. */
  private static final long PAUSE_MILLIS = 4_000;
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private LocalRedisServer server;

  @BeforeEach
  void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aCallWithoutAnAnswerFailsAtItsDeadlineAsTheBlockingCallDoes() throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(RedisTesting.uniqueName("async-timeout"), server.url())
            .option("timeout", TIMEOUT.toMillis() + "ms")
            .create();
        RawRedis raw = new RawRedis(server.url())) {
      cache.put("k", "v");
      raw.commands().clientPause(PAUSE_MILLIS);
      long start = System.nanoTime();
      CompletableFuture<String> failedOn = new CompletableFuture<>();
      CompletableFuture<?> get = cache.getAsync("k").whenComplete(
          (value, failure) -> failedOn.complete(Thread.currentThread().getName()));
      CompletableFuture<?> merge = cache.mergeAsync("k", "w", String::concat);
      Throwable getFailure = failureOf(get);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(getFailure).isInstanceOf(VelaException.class)
          .hasMessageContaining("Redis at " + server.url() + " is unreachable")
          .hasMessageContaining("(" + TIMEOUT.toMillis() + " ms)");
      assertThat(took).as("failed by its deadline, not by the end of the pause")
          .isLessThan(Duration.ofMillis(PAUSE_MILLIS));
      assertThat(failedOn.get(10, TimeUnit.SECONDS)).startsWith("vela-async-" + cache.name());
      assertThat(failureOf(merge)).isInstanceOf(VelaException.class).hasMessageContaining("is unreachable");
      // the blocking call fails the same way
      try {
        cache.get("k");
        throw new AssertionError("the blocking get should have failed while the server was paused");
      } catch (VelaException blocking) {
        assertThat(blocking.getClass()).isEqualTo(getFailure.getClass());
        assertThat(blocking).hasMessageContaining("is unreachable");
      }
      Concurrently.await(Duration.ofSeconds(30), "the server answers again", () -> answers(cache));
      assertThat(cache.getAsync("k").get(10, TimeUnit.SECONDS)).contains("v");
    }
  }

  @Test
  void callsThatCompleteInTimeLeaveNoDeadlineBehind() throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(RedisTesting.uniqueName("async-deadlines"), server.url())
        .create()) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        calls.add(cache.putAsync("k" + i, "v"));
        calls.add(cache.getAsync("k" + i));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      Concurrently.await(Duration.ofSeconds(10), "every deadline is taken off", () -> Deadlines.pending() == 0);
    }
  }

  @Test
  void callsWhileRedisIsDownFailAsBlockingOnesDo() throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(RedisTesting.uniqueName("async-down"), server.url())
        .option("timeout", "500ms")
        .create()) {
      cache.put("k", "v");
      server.stop();
      assertThat(failureOf(cache.getAsync("k"))).isInstanceOf(VelaException.class).hasMessageContaining("is unreachable");
      assertThat(failureOf(cache.putIfAbsentAsync("k", "w"))).isInstanceOf(VelaException.class)
          .hasMessageContaining("is unreachable");
      server.startAgain();
      Concurrently.await(Duration.ofSeconds(30), "the cache reaches the server again", () -> answers(cache));
    }
  }

  private static boolean answers(Cache<String, String> cache) {
    try {
      cache.getAsync("probe").get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception stillDown) {
      return false;
    }
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the call to fail");
  }
}
