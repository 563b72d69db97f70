package dev.vela.core;

import dev.vela.CacheEntry;
import dev.vela.CacheInfo;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The cache core's operations over all its entries at once: {@code export}, {@code dump}, {@code
 * load}, {@code stream} and {@code inspect}, and the locked bulk store that {@code load} and
 * {@code putAll} share.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class WholeCacheOperations<K, V> extends AsyncOperations<K, V> {

  /** The cache's settings. */
  abstract CacheConfig config();

  /** The cache's key and value types, with their codecs, which dumps are written and read with. */
  abstract CacheTypes<K, V> types();

  /** Writes {@code stored} with {@code write}, holding the key locks of every key. */
  final void storeAll(Map<K, StoredEntry<V>> stored, String purpose, Consumer<Map<K, StoredEntry<V>>> write) {
    locks().underLocks(locks().stripesOf(stored.keySet()), purpose, () -> {
      write.accept(stored);
      return null;
    });
    counter().recordWrites(stored.size());
  }

  @Override
  public List<CacheEntry<K, V>> export() {
    checkOpen();
    try (Stream<CacheEntry<K, V>> entries = topology().entries().map(this::toCacheEntry)) {
      return entries.toList();
    }
  }

  @Override
  public long dump(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    checkOpen();
    return new DumpWriter<>(config().name(), types()).write(file, topology().entries());
  }

  @Override
  public long load(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    checkOpen();
    Map<K, StoredEntry<V>> entries = new DumpReader<>(config().name(), types()).read(file, expiryTimes().now());
    if (entries.isEmpty()) {
      return 0;
    }
    // a dump of a distributed cache holds keys of every node: each owner stores its own part
    storeAll(entries, "load", topology()::restore);
    return entries.size();
  }

  @Override
  public CacheInfo inspect() {
    checkOpen();
    Map<String, String> details = config().inspectDetails();
    details.putAll(topology().details());
    return new CacheInfo(
        config().name(), topology().node(), config().backend().name(), topology().kind().name(),
        topology().localBackend().heldEntries(), details);
  }

  @Override
  public Stream<CacheEntry<K, V>> stream() {
    checkOpen();
    if (topology().isDistributed()) {
      throw new UnsupportedOperationException(
          "stream() of cache '" + config().name() + "' would see one node of a distributed cache; use export() for"
              + " every entry, or local().stream() for this node's");
    }
    return topology().entries().map(this::toCacheEntry);
  }

  private CacheEntry<K, V> toCacheEntry(Map.Entry<K, StoredEntry<V>> entry) {
    StoredEntry<V> stored = entry.getValue();
    return new CacheEntry<>(entry.getKey(), stored.value(), expiryTimes().remaining(stored.expiresAtMillis()), stored.tags());
  }
}
