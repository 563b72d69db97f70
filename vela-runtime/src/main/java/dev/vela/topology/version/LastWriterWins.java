package dev.vela.topology.version;

import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import java.util.Map;

/**
 * Versioned last-writer-wins, the one rule by which every node that keeps a copy of a key applies
 * writes to it: a write is applied only when its version is later than that of the latest write of
 * the key applied here, so every copy ends with the same entry whatever order the writes reached it
 * in, and however often. A removal deletes the entry and keeps its version (a tombstone), so a late,
 * older write cannot bring the key back.
 *
 * <p>Callers hold the key's lock around a test and the write it decides, so that no other write of
 * the key comes in between; where versions live, and how long tombstones are kept, is theirs.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LastWriterWins<K, V> {
  /**
   * Where the version of each key's latest applied write is kept, tombstones included.
   *
   * @param <K> the key type
   */
  public interface Versions<K> {
    /** The version of the latest write of {@code key} applied here, or null when none is known. */
    Version versionOf(K key);

    /** Notes a write of {@code key} applied here; {@code removal} when it removed the key. */
    void noteWrite(K key, Version version, boolean removal);

    /** True when a write with {@code version} is later than every write of {@code key} applied here. */
    default boolean isNewer(K key, Version version) {
      return version.isAfter(versionOf(key));
    }
  }

  private final CacheBackend<K, V> backend;
  private final Versions<K> versions;

  /** The rule over the entries of {@code backend} and the versions kept in {@code versions}. */
  public LastWriterWins(CacheBackend<K, V> backend, Versions<K> versions) {
    this.backend = backend;
    this.versions = versions;
  }

  /** True when a write with {@code version} is later than every write of {@code key} applied here. */
  public boolean isNewer(K key, Version version) {
    return versions.isNewer(key, version);
  }

  /**
   * Applies {@code state} (an entry, or a removal) when it is newer than the key's latest write
   * applied here; the caller holds the key's lock.
   *
   * @return true when it was applied, false when a write at least as late was applied already
   */
  public boolean apply(K key, Versioned<V> state) {
    if (!isNewer(key, state.version())) {
      return false;
    }
    store(key, state);
    return true;
  }

  /**
   * Applies {@code state} without comparing versions: for a write made here, whose version is
   * later than every one this node has seen, or one the caller has tested already. The caller
   * holds the key's lock.
   *
   * @return for a removal, whether a live entry was removed; else true
   */
  public boolean store(K key, Versioned<V> state) {
    boolean changed;
    if (state.isRemoval()) {
      changed = backend.delete(key);
    } else {
      StoredEntry<V> entry = state.entry();
      backend.put(key, entry.value(), entry.expiresAtMillis(), entry.tags());
      changed = true;
    }
    versions.noteWrite(key, state.version(), state.isRemoval());
    return changed;
  }

  /**
   * Stores {@code entries} at once, every one with {@code version}, without comparing versions;
   * the caller holds the locks of all their keys.
   */
  public void storeAll(Map<K, StoredEntry<V>> entries, Version version) {
    backend.putAll(entries);
    entries.keySet().forEach(key -> versions.noteWrite(key, version, false));
  }
}
