package dev.vela.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The telemetry of one cache, which its core calls around each reported operation: it times the
 * operation, builds its {@link CacheEvent} and hands it to every listener, shielding the caller from
 * listener failures. A cache with no listener and no meter registry has none at all, so its
 * operations do no telemetry work.
 *
 * <p>Usage by the core: {@code long start = telemetry.startTime();} before the operation, then one
 * {@code record...} call with {@code start} after it.
 */
public final class CacheTelemetry implements AutoCloseable {
  private final String cacheName;
  private final CacheListener[] listeners;
  private final ListenerFailures failures;
  private final Runnable onClose;
  private final LongSupplier nanoTime;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CacheTelemetry(
      String cacheName, List<CacheListener> listeners, Runnable onClose, LongSupplier nanoTime, ListenerFailures failures) {
    this.cacheName = Objects.requireNonNull(cacheName, "cacheName must not be null");
    this.listeners = listeners.toArray(CacheListener[]::new);
    if (this.listeners.length == 0) {
      throw new IllegalArgumentException(
          "telemetry of cache '" + cacheName + "' needs at least one listener; a cache without any has no telemetry");
    }
    for (CacheListener listener : this.listeners) {
      Objects.requireNonNull(listener, "listeners must not hold null");
    }
    this.failures = failures;
    this.onClose = Objects.requireNonNull(onClose, "onClose must not be null");
    this.nanoTime = nanoTime;
  }

  /**
   * Telemetry of cache {@code cacheName} that reports to {@code listeners} (at least one), in order,
   * and runs {@code onClose} once when the cache closes.
   */
  public static CacheTelemetry create(String cacheName, List<CacheListener> listeners, Runnable onClose) {
    return new CacheTelemetry(
        cacheName, listeners, onClose, System::nanoTime, new ListenerFailures(cacheName, listeners.size()));
  }

  /** Telemetry on a clock of the caller's, and with its own failure log; for tests. */
  static CacheTelemetry create(
      String cacheName, List<CacheListener> listeners, LongSupplier nanoTime, ListenerFailures failures) {
    return new CacheTelemetry(cacheName, listeners, () -> {}, nanoTime, failures);
  }

  /** The start time to pass to a {@code record...} call when the operation ends. */
  public long startTime() {
    return nanoTime.getAsLong();
  }

  /** Reports a read of {@code key} that began at {@code startTime}: a hit when {@code found}. */
  public void recordGet(Object key, boolean found, long startTime) {
    publish(new CacheEvent.Get(cacheName, key, Outcome.ofLookup(found), elapsedSince(startTime)));
  }

  /** Reports a put of {@code key} with this time to live and these tags that began at {@code startTime}. */
  public void recordPut(Object key, Duration ttl, Set<String> tags, boolean succeeded, long startTime) {
    publish(new CacheEvent.Put(cacheName, key, ttl, tags, outcome(succeeded), elapsedSince(startTime)));
  }

  /** Reports a fetch of {@code key}, and the store of its value, that began at {@code startTime}. */
  public void recordFetch(Object key, boolean succeeded, long startTime) {
    publish(new CacheEvent.Fetch(cacheName, key, outcome(succeeded), elapsedSince(startTime)));
  }

  /** Reports an invalidation of {@code tag} that removed {@code count} entries and began at {@code startTime}. */
  public void recordInvalidateTag(String tag, long count, boolean succeeded, long startTime) {
    publish(new CacheEvent.InvalidateTag(cacheName, tag, count, outcome(succeeded), elapsedSince(startTime)));
  }

  /** Stops reporting to meters (listeners simply hear no more); runs once, later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.run();
    }
  }

  private void publish(CacheEvent event) {
    for (int i = 0; i < listeners.length; i++) {
      try {
        listeners[i].onEvent(event);
      } catch (RuntimeException e) {
        failures.report(i, listeners[i], event, e);
      }
    }
  }

  private long elapsedSince(long startTime) {
    // nanoTime never runs backwards in one JVM, but a test clock might; an event cannot take negative time
    return Math.max(0, nanoTime.getAsLong() - startTime);
  }

  private static Outcome outcome(boolean succeeded) {
    return succeeded ? Outcome.OK : Outcome.ERROR;
  }

  @Override
  public String toString() {
    return "CacheTelemetry[" + cacheName + ", " + listeners.length + " listener(s)]";
  }
}
