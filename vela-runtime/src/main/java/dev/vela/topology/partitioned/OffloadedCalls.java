package dev.vela.topology.partitioned;

import dev.vela.CacheClosedException;
import dev.vela.VelaException;
import dev.vela.config.Durations;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a partitioned cache's asynchronous operations run the blocking remote calls they are made
 * of, until the remote path has non-blocking calls for them: each call here is the seam a
 * non-blocking remote call replaces. The pool is bounded ({@link #THREADS} named threads {@code
 * vela-partitioned-async-<cache>-<n>}, started when needed, and {@link #QUEUED} calls waiting at
 * most), and closed with the topology. A call that waits for a thread longer than the rpcTimeout
 * fails without running, and one that finds the queue full or the pool closed fails at once, each
 * with a {@link VelaException} that says so: the future's caller is never left waiting past what
 * the blocking call would wait.
 */
final class OffloadedCalls implements AutoCloseable {
  /** The most blocking calls under way at once. */
  static final int THREADS = 32;
  /** The most calls waiting for a thread. */
  static final int QUEUED = 4096;

  private final String cacheName;
  private final Duration rpcTimeout;
  private final ThreadPoolExecutor pool;

  OffloadedCalls(String cacheName, Duration rpcTimeout) {
    this.cacheName = cacheName;
    this.rpcTimeout = rpcTimeout;
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
        task -> {
          Thread thread = new Thread(task, "vela-partitioned-async-" + cacheName + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code call} on the pool; the future completes on a pool thread with its result or what it threw. */
  <T> CompletableFuture<T> run(Supplier<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    long deadline = System.nanoTime() + rpcTimeout.toNanos();
    try {
      pool.execute(() -> {
        if (System.nanoTime() - deadline > 0) {
          result.completeExceptionally(new VelaException("cache '" + cacheName + "' had more asynchronous remote calls"
              + " under way than its " + THREADS + " threads could start within rpcTimeout "
              + Durations.format(rpcTimeout) + "; this one did not run. Wait for earlier futures before starting more"));
          return;
        }
        try {
          result.complete(call.get());
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(pool.isShutdown()
          ? new CacheClosedException(cacheName)
          : new VelaException("cache '" + cacheName + "' has " + QUEUED + " asynchronous remote calls waiting already;"
              + " this one did not run. Wait for earlier futures before starting more", e));
    }
    return result;
  }

  /** Threads running now; for tests. */
  int threads() {
    return pool.getPoolSize();
  }

  /** Takes no new calls; those under way finish (each within its own timeout). */
  @Override
  public void close() {
    pool.shutdown();
  }
}
