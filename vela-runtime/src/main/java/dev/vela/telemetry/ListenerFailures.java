package dev.vela.telemetry;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failing listener from breaking cache calls: the first exception of each listener is
 * logged as a warning, later ones only at debug level, so a broken listener cannot flood the log.
 */
final class ListenerFailures {
  private static final Logger LOG = LoggerFactory.getLogger(CacheTelemetry.class);

  private final String cacheName;
  private final BiConsumer<String, RuntimeException> firstFailure;
  private final AtomicReferenceArray<RuntimeException> firstByListener;

  ListenerFailures(String cacheName, int listenerCount) {
    this(cacheName, listenerCount, LOG::warn);
  }

  /** With {@code firstFailure} receiving the message and exception of each listener's first failure. */
  ListenerFailures(String cacheName, int listenerCount, BiConsumer<String, RuntimeException> firstFailure) {
    this.cacheName = cacheName;
    this.firstFailure = firstFailure;
    this.firstByListener = new AtomicReferenceArray<>(listenerCount);
  }

  /** Reports that listener number {@code index} threw {@code failure} on {@code event}. */
  void report(int index, CacheListener listener, CacheEvent event, RuntimeException failure) {
    if (firstByListener.compareAndSet(index, null, failure)) {
      firstFailure.accept(
          "listener " + listener + " of cache '" + cacheName + "' threw on a " + event.operation() + " event;"
              + " the cache call went on, and further failures of this listener are logged at debug level only",
          failure);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("listener {} of cache '{}' threw again on a {} event", listener, cacheName, event.operation(), failure);
    }
  }
}
