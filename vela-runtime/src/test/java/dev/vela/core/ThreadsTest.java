package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.PutOptions;
import dev.vela.Weigher;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.LoopbackNodes;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threads a cache works on: the executor and scheduler its builder was given are used, every
 * thread the runtime starts carries the name of the cache or cluster it serves, and a cache's
 * threads end when it closes.
 */
class ThreadsTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void aGivenExecutorReplaysTheReadsThatFillAStripeWhileAWriteHoldsTheOrder() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService replays = Executors.newSingleThreadExecutor();
    Executor counting = task -> {
      tasks.incrementAndGet();
      replays.execute(task);
    };
    CountDownLatch weighing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // a weighted cache's conditional write weighs the new value while it holds the eviction order
    Weigher<String, String> blockingForOther = (key, value) -> {
      if (key.equals("other")) {
        weighing.countDown();
        awaitQuietly(release);
      }
      return 1;
    };
    try (Cache<String, String> cache = TestCaches.strings("given-executor", clock)
        .maxWeight(100).weigher(blockingForOther).executor(counting).create()) {
      cache.put("k", "v");
      CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(() -> cache.putIfAbsent("other", "w"));
      assertThat(weighing.await(10, TimeUnit.SECONDS)).isTrue();
      // a stripe of the read buffer holds 64 reads; the one that fills it, finding the order held,
      // hands the replay to the executor (one more read would wait for the order)
      for (int i = 0; i < 64 && tasks.get() == 0; i++) {
        assertThat(cache.get("k")).contains("v");
      }
      assertThat(tasks.get()).isEqualTo(1);
      release.countDown();
      assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      replays.shutdown();
      assertThat(replays.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the write");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aGivenSchedulerRunsTheSweepsAndStaysOpenAfterClose() {
    RecordingScheduler scheduler = new RecordingScheduler();
    try {
      int sharedBefore = DaemonSweepScheduler.SHARED.registered();
      Cache<String, String> cache = TestCaches.strings("given-scheduler", clock)
          .sweepInterval(Duration.ofSeconds(7))
          .scheduler(scheduler)
          .create();
      cache.put("old", "v", PutOptions.ttl(Duration.ofSeconds(1)));
      cache.put("new", "v");
      clock.advance(Duration.ofSeconds(2));

      assertThat(scheduler.delays).containsExactly(7_000L);
      assertThat(DaemonSweepScheduler.SHARED.registered()).isEqualTo(sharedBefore);
      scheduler.commands.get(0).run(); // the sweep, run here rather than waiting 7 s
      assertThat(cache.inspect().entries()).isEqualTo(1);

      cache.close();

      assertThat(scheduler.futures.get(0).isCancelled()).isTrue();
      assertThat(scheduler.getQueue()).isEmpty();
      assertThat(scheduler.isShutdown()).isFalse();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void theSharedSweeperThreadEndsWhenItsLastCacheIsCancelled() throws InterruptedException {
    String name = "vela-test-sweeper-" + System.nanoTime();
    DaemonSweepScheduler sweeper = new DaemonSweepScheduler(name);
    try {
      AtomicInteger runs = new AtomicInteger();
      SweepHandle first = sweeper.schedule(runs::incrementAndGet, 60_000);
      SweepHandle second = sweeper.schedule(runs::incrementAndGet, 60_000);
      Thread thread = onlyThreadNamed(name);
      assertThat(thread.isDaemon()).isTrue();

      first.cancel();
      first.cancel(); // idempotent: counted once
      assertThat(sweeper.registered()).isEqualTo(1);
      assertThat(thread.isAlive()).isTrue();

      second.cancel();
      thread.join(TimeUnit.SECONDS.toMillis(10));

      assertThat(thread.isAlive()).isFalse();
      assertThat(sweeper.registered()).isZero();
      assertThat(runs.get()).isZero();
    } finally {
      sweeper.shutdown();
    }
  }

  @Test
  void everyThreadACacheStartsIsNamedForItAndEndsWhenItCloses(@TempDir Path dataDir) throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    List<Cache<String, String>> caches = new ArrayList<>();
    List<VelaCluster> nodes = LoopbackNodes.start("threads-named", 1);
    try {
      caches.add(TestCaches.strings("named-local", clock).sweepInterval(Duration.ofMinutes(1)).nearCache(true).create());
      caches.add(builder("named-disk", Backend.DISK, Topology.LOCAL).option("dataDir", dataDir.toString()).create());
      caches.add(builder("named-replicated", Backend.MEMORY, Topology.REPLICATED).cluster(nodes.get(0)).create());
      caches.add(builder("named-partitioned", Backend.MEMORY, Topology.PARTITIONED).cluster(nodes.get(0)).create());
      for (Cache<String, String> cache : caches) {
        cache.put("k", "v"); // some threads start on first use
      }

      List<Thread> started = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> !before.contains(thread) && thread.getName().startsWith("vela-"))
          .collect(Collectors.toList());
      List<String> names = started.stream().map(Thread::getName).collect(Collectors.toList());

      assertThat(names).contains("vela-named-disk-disk-log");
      // a replicated cache alone in its cluster has handed no work to its thread pool yet
      assertThat(names).anyMatch(name -> name.startsWith("vela-named-partitioned-"));
      assertThat(names).anyMatch(name -> name.startsWith("vela-cluster-threads-named-"));
      assertThat(names).allMatch(name -> name.startsWith("vela-named-") || name.startsWith("vela-cluster-threads-named-")
          || name.startsWith("vela-shared-"), "names the cache or cluster it serves, or says it is shared");
      assertThat(started).allMatch(Thread::isDaemon, "is a daemon");

      for (Cache<String, String> cache : caches) {
        cache.close();
      }
      caches.clear();
      nodes.get(0).close();

      for (Thread thread : started) {
        if (!thread.getName().startsWith("vela-shared-")) { // the JVM's: they serve other tests' caches too
          thread.join(TimeUnit.SECONDS.toMillis(10));
          assertThat(thread.isAlive()).as("%s still running after close", thread.getName()).isFalse();
        }
      }
    } finally {
      caches.forEach(Cache::close);
      nodes.forEach(VelaCluster::close);
    }
  }

  private static CacheBuilder<String, String, Cache<String, String>> builder(String name, Backend backend, Topology topology) {
    return new CacheBuilder<String, String, Cache<String, String>>(
        new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), name, backend, topology, cache -> cache)
        .sweepInterval(Duration.ofMinutes(1));
  }

  private static Thread onlyThreadNamed(String name) {
    List<Thread> found = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(name))
        .collect(Collectors.toList());
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** A scheduler that records what it is asked to run periodically. */
  private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Runnable> commands = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    final List<ScheduledFuture<?>> futures = new ArrayList<>();

    RecordingScheduler() {
      super(1);
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public synchronized ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      commands.add(command);
      delays.add(unit.toMillis(delay));
      ScheduledFuture<?> future = super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
      futures.add(future);
      return future;
    }
  }
}
