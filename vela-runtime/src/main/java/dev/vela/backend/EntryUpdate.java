package dev.vela.backend;

import java.util.Objects;
import java.util.Set;

/**
 * What a conditional {@link EntryStore#write} does to the entry when its condition holds. It is
 * computed from the live entry at the store, atomically, so an update that keeps the entry's time
 * to live or tags keeps the ones stored at that moment.
 *
 * @param <V> the value type
 */
public sealed interface EntryUpdate<V> permits EntryUpdate.Put, EntryUpdate.Delete, EntryUpdate.Expire {

  /**
   * The entry after the update, given the live one ({@code null} when absent); {@code null} when the
   * update removes the entry.
   */
  StoredEntry<V> apply(StoredEntry<V> current);

  /**
   * Stores {@code value}. When {@code keepExpiry} is set and a live entry exists, its expiry time is
   * kept, else {@code expiresAtMillis} is used; the same for {@code keepTags} and {@code tags}.
   *
   * @param value the new value, never null
   * @param expiresAtMillis the expiry of a new entry, or of any entry when {@code keepExpiry} is false
   * @param tags the tags of a new entry, or of any entry when {@code keepTags} is false
   * @param keepExpiry whether a live entry keeps its expiry time
   * @param keepTags whether a live entry keeps its tags
   */
  record Put<V>(V value, long expiresAtMillis, Set<String> tags, boolean keepExpiry, boolean keepTags)
      implements EntryUpdate<V> {
    /** Checks the value and copies the tags. */
    public Put {
      Objects.requireNonNull(value, "value must not be null");
      tags = Set.copyOf(tags);
    }

    @Override
    public StoredEntry<V> apply(StoredEntry<V> current) {
      return new StoredEntry<>(value, expiryAfter(current), tagsAfter(current));
    }

    /** The expiry of the entry after this update, given the live one ({@code null} when absent). */
    public long expiryAfter(StoredEntry<V> current) {
      return keepExpiry && current != null ? current.expiresAtMillis() : expiresAtMillis;
    }

    /** The tags of the entry after this update, given the live one ({@code null} when absent). */
    public Set<String> tagsAfter(StoredEntry<V> current) {
      return keepTags && current != null ? current.tags() : tags;
    }
  }

  /** Removes the entry. */
  record Delete<V>() implements EntryUpdate<V> {
    @Override
    public StoredEntry<V> apply(StoredEntry<V> current) {
      return null;
    }
  }

  /**
   * Gives a live entry a new expiry time, keeping its value and tags; nothing when absent.
   *
   * @param expiresAtMillis the new absolute expiry, or {@link StoredEntry#NO_EXPIRY}
   */
  record Expire<V>(long expiresAtMillis) implements EntryUpdate<V> {
    @Override
    public StoredEntry<V> apply(StoredEntry<V> current) {
      return current == null ? null : new StoredEntry<>(current.value(), expiresAtMillis, current.tags());
    }
  }

  /** Stores {@code value} with exactly this expiry and these tags, whatever was there. */
  static <V> EntryUpdate<V> put(V value, long expiresAtMillis, Set<String> tags) {
    return new Put<>(value, expiresAtMillis, tags, false, false);
  }

  /** Removes the entry. */
  static <V> EntryUpdate<V> delete() {
    return new Delete<>();
  }
}
