package dev.vela.topology.version;

import dev.vela.backend.StoredEntry;
import java.util.Objects;

/**
 * A key's state as a node wrote or last applied it: the entry, or null when the write removed the
 * key (a tombstone), and the version of that write. Backups, handovers and replicas exchange these.
 *
 * @param version the version of the write
 * @param entry the entry, or null for a removal
 * @param <V> the value type
 */
public record Versioned<V>(Version version, StoredEntry<V> entry) {

  /** Checks that there is a version; the entry may be null. */
  public Versioned {
    Objects.requireNonNull(version, "version");
  }

  /** True when the write removed the key. */
  public boolean isRemoval() {
    return entry == null;
  }
}
