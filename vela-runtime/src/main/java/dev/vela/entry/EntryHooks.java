package dev.vela.entry;

import java.util.Objects;

/**
 * The hooks a {@link HookedStore} runs: an expiry policy, and optionally a loader, a writer and an
 * event listener (null when absent). Immutable; each {@code with} method returns a copy.
 *
 * @param expiry the expiry policy, never null
 * @param loader the read-through loader, or null
 * @param writer the write-through writer, or null
 * @param listener told about every change, or null
 * @param <K> the key type
 * @param <V> the value type
 */
public record EntryHooks<K, V>(
    EntryExpiry<K, V> expiry, EntryLoader<K, V> loader, EntryWriter<K, V> writer, EntryEventListener<K, V> listener) {

  /** Checks the expiry policy. */
  public EntryHooks {
    Objects.requireNonNull(expiry, "expiry must not be null; use EntryExpiry.never()");
  }

  /** No loader, writer or listener; entries never expire. */
  public static <K, V> EntryHooks<K, V> none() {
    return new EntryHooks<>(EntryExpiry.never(), null, null, null);
  }

  /** These hooks with {@code expiry} as the expiry policy. */
  public EntryHooks<K, V> withExpiry(EntryExpiry<K, V> expiry) {
    return new EntryHooks<>(expiry, loader, writer, listener);
  }

  /** These hooks with {@code loader} for read-through (null for none). */
  public EntryHooks<K, V> withLoader(EntryLoader<K, V> loader) {
    return new EntryHooks<>(expiry, loader, writer, listener);
  }

  /** These hooks with {@code writer} for write-through (null for none). */
  public EntryHooks<K, V> withWriter(EntryWriter<K, V> writer) {
    return new EntryHooks<>(expiry, loader, writer, listener);
  }

  /** These hooks with {@code listener} told about every change (null for none). */
  public EntryHooks<K, V> withListener(EntryEventListener<K, V> listener) {
    return new EntryHooks<>(expiry, loader, writer, listener);
  }
}
