package dev.vela.backend;

import java.util.Map;
import java.util.Optional;

/**
 * Where one cache's entries live on one node: the memory, disk (MapDB) or Redis backend. A backend keeps its own tag index, consistent with its entries under concurrent
 * writes, expiry and eviction. Implementations are thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CacheBackend<K, V> extends EntryStore<K, V>, AutoCloseable {

  /**
   * Removes every entry that has expired by now, working in batches of at most {@code batchSize}
   * so that writers are never held up for long, and returns how many it removed. Each is reported
   * to the {@link RemovalListener}. A backend whose store expires entries itself does nothing.
   */
  long removeExpired(int batchSize);

  /** The number of entries held, expired ones not yet removed included; cheap, for inspection. */
  long heldEntries();

  /** Facts for {@code inspect()}, by name ({@code memory.evictionOrder}, file paths, ...). */
  Map<String, String> details();

  /**
   * The coordinator that lets one process of many fetch a missing key, when the backend is shared
   * between processes; empty (the default) for a backend that one process owns.
   */
  default Optional<FetchCoordinator<K, V>> fetchCoordinator() {
    return Optional.empty();
  }

  /**
   * The key locks that make a transaction exclude other processes, when the backend is shared
   * between processes; empty (the default) for a backend that one process owns.
   */
  default Optional<KeyLocks<K>> keyLocks() {
    return Optional.empty();
  }

  /**
   * The changes other processes make to a backend they share with this one, which a near cache in
   * front must hear about; empty (the default) for a backend that one process owns.
   */
  default Optional<ChangeFeed<K>> changeFeed() {
    return Optional.empty();
  }

  /** Releases what the backend holds. Idempotent; nothing else is called afterwards. */
  @Override
  void close();
}
