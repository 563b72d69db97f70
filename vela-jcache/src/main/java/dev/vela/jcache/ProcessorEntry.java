package dev.vela.jcache;

import java.util.Objects;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@code EntryProcessor} works on: it reads the value held when the processor
 * started (loading it through the loader on a miss, when read-through), and records the one
 * change to make afterwards, which {@link VelaJCache#invoke} applies while the key is still locked.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ProcessorEntry<K, V> implements MutableEntry<K, V> {

  /** What the processor did to the entry, judged when it returns. */
  enum Operation {
    NONE,
    ACCESS,
    LOAD,
    CREATE,
    UPDATE,
    REMOVE
  }

  /** Loads a missing value for read-through; returns null when there is none. */
  interface Loader<K, V> {
    V load(K key);
  }

  private final K key;
  private final V held;
  private final Loader<K, V> loader; // null unless read-through
  private V value;
  private Operation operation = Operation.NONE;

  ProcessorEntry(K key, V held, Loader<K, V> loader) {
    this.key = key;
    this.held = held;
    this.loader = loader;
  }

  Operation operation() {
    return operation;
  }

  /** The value the processor left, for CREATE, UPDATE and LOAD. */
  V value() {
    return value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (operation == Operation.NONE) {
      value = held;
      if (value != null) {
        operation = Operation.ACCESS;
      }
    }
    if (value == null && operation != Operation.REMOVE && loader != null) {
      value = loader.load(key);
      if (value != null) {
        operation = Operation.LOAD;
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return (operation == Operation.NONE && held != null) || value != null;
  }

  @Override
  public void remove() {
    operation = operation == Operation.CREATE || operation == Operation.LOAD ? Operation.NONE : Operation.REMOVE;
    value = null;
  }

  @Override
  public void setValue(V value) {
    Objects.requireNonNull(value, "an entry processor may not set a null value; call remove() instead");
    operation = held == null ? Operation.CREATE : Operation.UPDATE;
    this.value = value;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapping.unwrap(this, type, "an entry processor's entry");
  }
}
