package dev.vela.topology.partitioned;

import dev.vela.backend.StoredEntry;
import dev.vela.topology.version.Version;
import java.util.Objects;

/**
 * A key's state as its owner wrote it, on its way to a backup or a new owner: the entry, or null
 * when the write removed the key, and the version the owner gave that write.
 *
 * @param version the owner's version of the write
 * @param entry the entry, or null for a removal (a tombstone)
 * @param <V> the value type
 */
record Versioned<V>(Version version, StoredEntry<V> entry) {

  Versioned {
    Objects.requireNonNull(version, "version");
  }

  /** True when the write removed the key. */
  boolean isRemoval() {
    return entry == null;
  }
}
