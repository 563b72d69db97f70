package dev.vela.backend;

import java.util.Objects;

/**
 * When a conditional {@link EntryStore#write} applies its update, judged against the live entry
 * under the key at the moment of the write, atomically with it.
 *
 * <p>A store that holds values as objects compares {@link ValueEquals} with {@link
 * Object#equals}; a store that holds bytes (disk, Redis, a remote owner) compares the encoded
 * bytes, which for Vela's deterministic codecs is the same thing.
 *
 * @param <V> the value type
 */
public sealed interface WriteCondition<V>
    permits WriteCondition.Always, WriteCondition.Absent, WriteCondition.Present, WriteCondition.ValueEquals {

  /** True when the update applies, given the live entry ({@code null} when absent or expired). */
  boolean test(StoredEntry<V> current);

  /** Applies whatever is there: an unconditional write that still returns the previous entry. */
  record Always<V>() implements WriteCondition<V> {
    @Override
    public boolean test(StoredEntry<V> current) {
      return true;
    }
  }

  /** Applies only when no live entry exists (put-if-absent). */
  record Absent<V>() implements WriteCondition<V> {
    @Override
    public boolean test(StoredEntry<V> current) {
      return current == null;
    }
  }

  /** Applies only when a live entry exists (replace). */
  record Present<V>() implements WriteCondition<V> {
    @Override
    public boolean test(StoredEntry<V> current) {
      return current != null;
    }
  }

  /**
   * Applies only when a live entry exists and its value equals {@code expected} (compare-and-set).
   *
   * @param expected the value the caller saw, never null
   */
  record ValueEquals<V>(V expected) implements WriteCondition<V> {
    /** Checks the expected value. */
    public ValueEquals {
      Objects.requireNonNull(expected, "expected must not be null");
    }

    @Override
    public boolean test(StoredEntry<V> current) {
      return current != null && current.value().equals(expected);
    }
  }

  /** The condition that always holds. */
  static <V> WriteCondition<V> always() {
    return new Always<>();
  }

  /** The condition that holds when no live entry exists. */
  static <V> WriteCondition<V> absent() {
    return new Absent<>();
  }

  /** The condition that holds when a live entry exists. */
  static <V> WriteCondition<V> present() {
    return new Present<>();
  }

  /** The condition that holds when the live entry's value equals {@code expected}. */
  static <V> WriteCondition<V> valueEquals(V expected) {
    return new ValueEquals<>(expected);
  }
}
