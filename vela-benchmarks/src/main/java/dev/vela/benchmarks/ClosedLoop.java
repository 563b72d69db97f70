package dev.vela.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs an operation from {@code threads} closed-loop threads (each starts its next call when the last
 * returns) for a warmup, then for a measurement, and reports the measurement's throughput and latency
 * percentiles.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** One thread's operation: {@code thread} is its number, {@code i} how many calls it made before. */
  @FunctionalInterface
  interface Operation {
    void call(int thread, long i) throws Exception;
  }

  /**
   * What one run measured.
   *
   * @param threads how many threads called
   * @param calls how many calls started in the measurement
   * @param opsPerSecond calls completed per second in the measurement
   * @param p50Micros the median call's latency
   * @param p99Micros the 99th percentile call's latency
   */
  record Result(int threads, long calls, double opsPerSecond, double p50Micros, double p99Micros) {}

  static Result run(int threads, Duration warmup, Duration measure, Operation operation) throws InterruptedException {
    return run(threads, warmup, measure, operation, () -> {}, () -> {});
  }

  /**
   * As {@link #run(int, Duration, Duration, Operation)}, calling {@code atStart} when the measurement
   * starts and {@code atEnd} when it ends (from another thread than the callers').
   */
  static Result run(int threads, Duration warmup, Duration measure, Operation operation, Runnable atStart,
      Runnable atEnd) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    List<Histogram> histograms = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Histogram histogram = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
      histograms.add(histogram);
      int thread = t;
      Thread caller = new Thread(() -> {
        try {
          long i = 0;
          while (failure.get() == null) {
            long before = System.nanoTime();
            if (before >= end) {
              break;
            }
            operation.call(thread, i++);
            long after = System.nanoTime();
            if (before >= measureFrom) { // a call is counted by when it started
              histogram.recordValue(after - before);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, "closed-loop-" + t);
      caller.setDaemon(true);
      caller.start();
    }
    sleepUntil(measureFrom);
    atStart.run();
    sleepUntil(end);
    atEnd.run();
    if (!done.await(warmup.plus(measure).toMillis() + 60_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("calls did not return within a minute of the measurement's end");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a call failed: " + failure.get(), failure.get());
    }
    Histogram all = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
    histograms.forEach(all::add);
    double seconds = measure.toNanos() / 1e9;
    return new Result(threads, all.getTotalCount(), all.getTotalCount() / seconds, all.getValueAtPercentile(50) / 1e3,
        all.getValueAtPercentile(99) / 1e3);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
