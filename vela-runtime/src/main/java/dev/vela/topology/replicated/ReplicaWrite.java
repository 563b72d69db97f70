package dev.vela.topology.replicated;

import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteResult;
import dev.vela.topology.version.Version;

/**
 * What the lock holder of a replicated cache did with a conditional write: whether it applied, the
 * entry that was there, and, when it changed the key, the version of the change and the entry after
 * it (null for a removal), which every node applies by that version.
 *
 * @param applied true when the condition held
 * @param previous the live entry before the write, or null
 * @param version the version of the change; null when nothing changed
 * @param after the entry the write left, or null when it removed the key (or nothing changed)
 * @param <V> the value type
 */
record ReplicaWrite<V>(boolean applied, StoredEntry<V> previous, Version version, StoredEntry<V> after) {

  /** The write as the caller sees it. */
  WriteResult<V> result() {
    return new WriteResult<>(applied, previous);
  }

  /** True when the key changed, so the change goes to every node. */
  boolean changed() {
    return version != null;
  }
}
