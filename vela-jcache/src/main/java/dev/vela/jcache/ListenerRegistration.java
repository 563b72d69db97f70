package dev.vela.jcache;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered JCache listener: the listener and filter its configuration's factories made, and
 * how it is called. A synchronous one runs on the thread that made the change, before the
 * operation returns, while the key is still locked (it may call the cache, but must not wait for
 * another thread that writes the same key), and its failure reaches the caller as a {@link
 * CacheEntryListenerException};
 * an asynchronous one hears its events in order on a serial executor, and its failures are logged.
 */
final class ListenerRegistration<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerRegistration.class);

  private final CacheEntryListenerConfiguration<K, V> configuration;
  private final CacheEntryListener<? super K, ? super V> listener;
  private final CacheEntryEventFilter<? super K, ? super V> filter;
  private final Executor async; // null when synchronous

  ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration, Executor asyncPool) {
    this.configuration = configuration;
    this.listener = configuration.getCacheEntryListenerFactory().create();
    this.filter = configuration.getCacheEntryEventFilterFactory() == null
        ? null : configuration.getCacheEntryEventFilterFactory().create();
    this.async = configuration.isSynchronous() ? null : new SerialExecutor(asyncPool);
  }

  CacheEntryListenerConfiguration<K, V> configuration() {
    return configuration;
  }

  /** Delivers {@code event} when the listener handles its type and the filter lets it through. */
  void deliver(JCacheEvent<K, V> event) {
    if (!handles(event)) {
      return;
    }
    if (async == null) {
      try {
        if (filter == null || filter.evaluate(event)) {
          call(event);
        }
      } catch (CacheEntryListenerException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CacheEntryListenerException("listener " + listener + " failed on " + event + ": " + e, e);
      }
    } else {
      async.execute(() -> {
        try {
          if (filter == null || filter.evaluate(event)) {
            call(event);
          }
        } catch (RuntimeException e) {
          LOG.warn("asynchronous cache entry listener {} failed on {}", listener, event, e);
        }
      });
    }
  }

  private boolean handles(JCacheEvent<K, V> event) {
    return switch (event.getEventType()) {
      case CREATED -> listener instanceof CacheEntryCreatedListener;
      case UPDATED -> listener instanceof CacheEntryUpdatedListener;
      case REMOVED -> listener instanceof CacheEntryRemovedListener;
      case EXPIRED -> listener instanceof CacheEntryExpiredListener;
    };
  }

  @SuppressWarnings("unchecked")
  private void call(JCacheEvent<K, V> event) {
    List<CacheEntryEvent<? extends K, ? extends V>> events = List.of(event);
    switch (event.getEventType()) {
      case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(events);
      case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(events);
      case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(events);
      case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(events);
    }
  }

  /** Closes the listener and filter when they hold resources. */
  void close() {
    for (Object each : new Object[] {listener, filter}) {
      if (each instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException | RuntimeException e) {
          LOG.debug("closing {} failed", each, e);
        }
      }
    }
  }
}
