package dev.vela.jcache;

import dev.vela.entry.EntryEvent;
import dev.vela.entry.EntryEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.EventType;

/**
 * The JCache listeners of one cache, fed by its store's {@link EntryEvent}s: each event goes to
 * every registration, in registration order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JCacheListeners<K, V> implements EntryEventListener<K, V> {
  private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private final Cache<K, V> source;
  private final Copier copier;

  JCacheListeners(Cache<K, V> source, Copier copier) {
    this.source = source;
    this.copier = copier;
  }

  /** Adds a registration; false when an equal configuration is registered already. */
  synchronized boolean register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> each : registrations) {
      if (each.configuration().equals(configuration)) {
        return false;
      }
    }
    registrations.add(new ListenerRegistration<>(configuration, Background.POOL));
    return true;
  }

  /** Removes and closes the registration of {@code configuration}, if there is one. */
  synchronized void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> each : registrations) {
      if (each.configuration().equals(configuration)) {
        registrations.remove(each);
        each.close();
        return;
      }
    }
  }

  void closeAll() {
    for (ListenerRegistration<K, V> each : registrations) {
      each.close();
    }
    registrations.clear();
  }

  @Override
  public void onEvent(EntryEvent<K, V> event) {
    if (registrations.isEmpty()) {
      return;
    }
    JCacheEvent<K, V> jcacheEvent = switch (event.kind()) {
      case CREATED -> new JCacheEvent<>(source, EventType.CREATED, out(event.key()), out(event.value()), null);
      case UPDATED -> new JCacheEvent<>(
          source, EventType.UPDATED, out(event.key()), out(event.value()), out(event.oldValue()));
      case REMOVED -> removal(EventType.REMOVED, event);
      case EXPIRED -> removal(EventType.EXPIRED, event);
    };
    RuntimeException first = null;
    for (ListenerRegistration<K, V> each : registrations) {
      try {
        each.deliver(jcacheEvent);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private JCacheEvent<K, V> removal(EventType type, EntryEvent<K, V> event) {
    V old = out(event.oldValue());
    return new JCacheEvent<>(source, type, out(event.key()), old, old);
  }

  private <T> T out(T object) {
    return object == null ? null : copier.copy(object);
  }
}
