package dev.vela.entry;

/**
 * Told about each {@link EntryEvent} of a {@link HookedStore}, on the thread that made the change,
 * while the key is still locked: a listener sees one key's events in order. A listener that throws
 * makes the operation that caused the event throw (the change itself stays made).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface EntryEventListener<K, V> {

  /** Called once for each change. */
  void onEvent(EntryEvent<K, V> event);
}
