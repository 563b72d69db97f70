package dev.vela.topology.replicated;

import dev.vela.topology.version.Version;
import dev.vela.backend.StoredEntry;
import java.util.Objects;

/**
 * A key's state as one node last applied it: the entry, or null when the latest write removed it
 * (or it expired), and the version of that write.
 *
 * @param version the version of the latest write applied
 * @param entry the entry, or null for a removal
 * @param <V> the value type
 */
record VersionedEntry<V>(Version version, StoredEntry<V> entry) {

  VersionedEntry {
    Objects.requireNonNull(version, "version");
  }
}
