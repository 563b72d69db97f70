package dev.vela.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of one cache's asynchronous calls: where a future that Redis or another node
 * completes (on a Lettuce, JGroups or timer thread) is completed for the user, so that the user's
 * dependants never run on an I/O thread, and where {@code compute} and {@code merge} functions run
 * after such a read. Its {@value #THREAD_NAME_PREFIX}{@code <cache>-<n>} threads are daemons, at
 * most {@link #THREADS} of them, started when needed and ended after {@link #IDLE_SECONDS} idle
 * seconds, so a cache that makes no remote asynchronous call holds none. Completions are never
 * dropped: they queue until a thread is free. After the cache closes, what is still in flight
 * completes on the common fork-join pool.
 */
final class AsyncExecutor implements Executor {
  /** The start of every thread's name; the cache's name and a number follow. */
  static final String THREAD_NAME_PREFIX = "vela-async-";
  /** The most threads one cache's executor runs at once. */
  static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** How long an idle thread stays. */
  static final long IDLE_SECONDS = 30;

  private final ThreadPoolExecutor pool;

  AsyncExecutor(String cacheName) {
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, THREAD_NAME_PREFIX + cacheName + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException closed) {
      ForkJoinPool.commonPool().execute(task); // the cache has closed; the caller still gets its answer
    }
  }

  /**
   * A future for the user of {@code call}: {@code call} itself when it is complete already (its
   * dependants then run on the calling thread), else a new future that this executor completes
   * when {@code call} does. Either way a failure is the exception itself, not a {@link
   * CompletionException} around it. Cancelling the returned future leaves {@code call} running.
   */
  <T> CompletableFuture<T> handOff(CompletableFuture<T> call) {
    if (call.isDone()) {
      if (!call.isCompletedExceptionally()) {
        return call;
      }
      CompletableFuture<T> failed = new CompletableFuture<>();
      call.whenComplete((value, failure) -> failed.completeExceptionally(unwrapped(failure)));
      return failed;
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    call.whenComplete((value, failure) -> execute(() -> {
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(unwrapped(failure));
      }
    }));
    return result;
  }

  /** Stops taking new work once what is queued has run. */
  void close() {
    pool.shutdown();
  }

  /** The exception inside a {@link CompletionException}, which stages add around a failure. */
  static Throwable unwrapped(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
