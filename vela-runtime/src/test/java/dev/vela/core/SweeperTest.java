package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shared sweeper: registration at start, deregistration at close, and its daemon thread. */
class SweeperTest {
  private final ManualClock clock = new ManualClock();
  private final ManualSweepScheduler scheduler = new ManualSweepScheduler();

  private Cache<String, String> open(Duration sweepInterval) {
    var config = TestCaches.strings("swept", clock).sweepInterval(sweepInterval).config();
    return CacheFactory.open(
        config, new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), new RuntimeSettings(clock, new Sweeper(scheduler)));
  }

  @Test
  void aCacheRegistersItsSweepAtItsIntervalAndTheSweepRemovesExpiredEntries() {
    try (Cache<String, String> cache = open(Duration.ofSeconds(30))) {
      cache.put("old", "v", PutOptions.ttl(Duration.ofSeconds(1)));
      cache.put("new", "v");
      clock.advance(Duration.ofSeconds(1));

      assertThat(scheduler.scheduled).singleElement().satisfies(s -> assertThat(s.intervalMillis).isEqualTo(30_000));
      scheduler.runAll();

      assertThat(cache.inspect().entries()).isEqualTo(1);
      assertThat(cache.stats().expirations()).isEqualTo(1);
    }
  }

  @Test
  void closeDeregistersTheCache() {
    Cache<String, String> cache = open(Duration.ofSeconds(30));

    cache.close();

    assertThat(scheduler.scheduled).singleElement().satisfies(s -> assertThat(s.cancelled).isTrue());
  }

  @Test
  void anInfiniteIntervalRegistersNothing() {
    try (Cache<String, String> cache = open(Durations.INFINITE)) {
      assertThat(scheduler.scheduled).isEmpty();
    }
  }

  @Test
  void aFailingSweepDoesNotEscapeToTheScheduler() {
    Runnable failing = () -> {
      throw new IllegalStateException("broken sweep");
    };
    new Sweeper(scheduler).register("broken", Duration.ofSeconds(1), failing);

    scheduler.runAll(); // would throw if the failure escaped

    assertThat(scheduler.scheduled).singleElement().satisfies(s -> assertThat(s.cancelled).isFalse());
  }

  @Test
  void theDaemonSchedulerRunsTasksRepeatedlyOnOneDaemonThreadUntilCancelled() throws Exception {
    DaemonSweepScheduler daemon = new DaemonSweepScheduler(DaemonSweepScheduler.THREAD_NAME);
    try {
      CountDownLatch runs = new CountDownLatch(3);
      AtomicReference<Thread> thread = new AtomicReference<>();
      SweepHandle handle = daemon.schedule(() -> {
        thread.set(Thread.currentThread());
        runs.countDown();
      }, 1);

      assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
      handle.cancel();

      assertThat(thread.get().isDaemon()).isTrue();
      assertThat(thread.get().getName()).isEqualTo("vela-shared-sweeper");
    } finally {
      daemon.shutdown();
    }
  }
}
