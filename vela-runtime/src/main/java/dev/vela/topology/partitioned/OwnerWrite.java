package dev.vela.topology.partitioned;

import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteResult;
import dev.vela.topology.version.Version;

/**
 * What a key's owner did with a conditional write: whether it applied, the entry that was there,
 * and, when it changed the key, the version it gave the write and the entry after it (null for a
 * removal), which the writer passes on to the key's backups.
 *
 * @param applied true when the condition held
 * @param previous the live entry before the write, or null
 * @param version the owner's version of the change; null when nothing changed
 * @param after the entry the write left, or null when it removed the key (or nothing changed)
 * @param <V> the value type
 */
record OwnerWrite<V>(boolean applied, StoredEntry<V> previous, Version version, StoredEntry<V> after) {

  /** The write as the caller sees it. */
  WriteResult<V> result() {
    return new WriteResult<>(applied, previous);
  }

  /** True when the key changed, so the change goes to the backups. */
  boolean changed() {
    return version != null;
  }
}
