package dev.vela.jcache;

import dev.vela.entry.HookedStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the expired entries of run-time caches in the background, so entries nobody reads again
 * do not stay in memory; their expired events are reported on the sweeping thread. One daemon
 * thread serves every cache of the JVM.
 */
final class ExpirySweeps {
  /** How often each cache is swept. */
  static final Duration INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeps.class);
  private static final int BATCH = 1_000;
  private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "vela-jcache-expiry");
    thread.setDaemon(true);
    return thread;
  });

  private ExpirySweeps() {}

  /** Sweeps {@code store} every {@link #INTERVAL} until the returned handle is cancelled. */
  static ScheduledFuture<?> start(String cacheName, HookedStore<?, ?> store) {
    long millis = INTERVAL.toMillis();
    return SWEEPER.scheduleWithFixedDelay(() -> {
      try {
        store.removeExpired(BATCH);
      } catch (RuntimeException e) {
        // a listener that fails must not stop the sweeps
        LOG.warn("sweeping expired entries of JCache cache '{}' failed", cacheName, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }
}
