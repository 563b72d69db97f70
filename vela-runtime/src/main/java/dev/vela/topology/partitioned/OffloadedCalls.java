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
 * Where a partitioned cache's asynchronous writes run the blocking calls they are made of when
 * another node takes part (the owner, or backups the write is copied to): such a write may wait
 * for replies, and keep a granted fetch's value for the key's next owner. Reads need none of it:
 * they send requests that block no thread. The pool is bounded ({@link #THREADS} named threads {@code
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
  private final int threadLimit;
  private final int queueLimit;
  private final ThreadPoolExecutor pool;

  OffloadedCalls(String cacheName, Duration rpcTimeout) {
    this(cacheName, rpcTimeout, THREADS, QUEUED);
  }

  /** A pool of {@code threads} threads and {@code queued} places; tests make small ones. */
  OffloadedCalls(String cacheName, Duration rpcTimeout, int threads, int queued) {
    this.cacheName = cacheName;
    this.rpcTimeout = rpcTimeout;
    this.threadLimit = threads;
    this.queueLimit = queued;
    AtomicInteger started = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
        task -> {
          Thread thread = new Thread(task, "vela-partitioned-async-" + cacheName + "-" + started.incrementAndGet());
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
              + " under way than its " + threadLimit + " threads could start within rpcTimeout "
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
          : new VelaException("cache '" + cacheName + "' has " + queueLimit + " asynchronous remote calls waiting already;"
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
