package dev.vela.entry;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of the operation running on this thread, held until its outermost locked scope ends,
 * so the listener hears about the changes once they are all made. Events raised outside any scope
 * (an expired entry found by a walk over the store) are delivered at once.
 */
final class PendingEvents<K, V> {
  private final ThreadLocal<Scope<K, V>> scopes = ThreadLocal.withInitial(Scope::new);
  private final EntryEventListener<K, V> listener;

  PendingEvents(EntryEventListener<K, V> listener) {
    this.listener = listener;
  }

  void open() {
    scopes.get().depth++;
  }

  void add(EntryEvent<K, V> event) {
    if (listener == null) {
      return;
    }
    Scope<K, V> scope = scopes.get();
    if (scope.depth == 0) {
      listener.onEvent(event);
    } else {
      scope.events.add(event);
    }
  }

  /** Ends a scope; the outermost one delivers its events in the order they happened. */
  void close() {
    Scope<K, V> scope = scopes.get();
    if (--scope.depth > 0 || scope.events.isEmpty()) {
      return;
    }
    List<EntryEvent<K, V>> events = new ArrayList<>(scope.events);
    scope.events.clear();
    RuntimeException first = null;
    for (EntryEvent<K, V> event : events) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // every listener still hears every event; the caller sees the first failure
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static final class Scope<K, V> {
    int depth;
    final List<EntryEvent<K, V>> events = new ArrayList<>();
  }
}
