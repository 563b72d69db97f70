package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.backend.BackendContext;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.codec.CodecException;
import dev.vela.config.CacheConfig;
import dev.vela.config.OptionCatalog;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The DISK backend: entries in a MapDB file under {@code dataDir}, with their absolute expiry and
 * tags, so a restarted cache finds them again with their time to live running on. Every change is
 * appended to an operation log before it returns and forced to disk as the {@code fsync} option
 * says (see {@link LoggedStore}); each call's changes are one step, so a reader never sees half of
 * a {@code putAll} or a sweep batch, and a crash never keeps half of one.
 *
 * <p>With {@code maxSize}, the keys are kept in memory in the order of the eviction policy (see
 * {@link KeyBound}) and a write that takes the store past the limit evicts within the same step.
 *
 * <p>Values that cannot be decoded (written by an older shape of the type) are misses reported to
 * the context's decode error listener; they stay stored until overwritten, expired, invalidated or
 * flushed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class DiskBackend<K, V> implements CacheBackend<K, V> {
  private final BackendContext<K, V> context;
  private final DiskOptions options;
  private final EntryCodec<K, V> codec;
  private final LoggedStore store;

  private DiskBackend(BackendContext<K, V> context, DiskOptions options, EntryCodec<K, V> codec, LoggedStore store) {
    this.context = context;
    this.options = options;
    this.codec = codec;
    this.store = store;
  }

  /**
   * Opens the store of {@code context}'s cache under its {@code dataDir}, creating it when absent,
   * and replays the operations its log holds beyond the last checkpoint.
   *
   * @throws VelaException when the options are missing or wrong, a type has no codec, another
   *     process holds the store, or the store is corrupt and {@code onCorruption} is {@code fail}
   */
  public static <K, V> DiskBackend<K, V> open(BackendContext<K, V> context) {
    CacheConfig config = context.config();
    EntryCodec<K, V> codec = new EntryCodec<>(context.types()); // a type without a codec fails before any file is touched
    DiskOptions options = DiskOptions.from(config);
    KeyBound bound = config.isBounded() ? new KeyBound(config.evictionPolicy(), config.maxSize()) : null;
    LoggedStore store;
    try {
      store = LoggedStore.open(options, config.name(), context.clock(), bound,
          (key, record) -> reportEvicted(context, codec, key, record));
    } catch (NoClassDefFoundError e) {
      throw new VelaException("cache '" + config.name() + "' uses the DISK backend, which needs MapDB on the class"
          + " path; add the dependency org.mapdb:mapdb:3.1.0 (" + e.getMessage() + " is missing)", e);
    }
    return new DiskBackend<>(context, options, codec, store);
  }

  @Override
  public V get(K key) {
    StoredEntry<V> entry = entry(key, true);
    return entry == null ? null : entry.value();
  }

  @Override
  public StoredEntry<V> entry(K key) {
    return entry(key, false);
  }

  /** The live entry under {@code key}; {@code use} says whether the read counts for the eviction policy. */
  private StoredEntry<V> entry(K key, boolean use) {
    byte[] keyBytes = codec.key(key);
    byte[] record = store.get(new ByteKey(keyBytes), use);
    if (record == null) {
      return null;
    }
    EntryCodec.Header header = header(record);
    if (header == null) {
      return null;
    }
    if (header.isExpiredAt(context.clock().millis())) {
      removeExpiredOne(key, keyBytes, record, header);
      return null;
    }
    try {
      return codec.entry(record, header);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return null;
    }
  }

  /** Removes an expired entry a read came across, unless a writer replaced it meanwhile. */
  private void removeExpiredOne(K key, byte[] keyBytes, byte[] record, EntryCodec.Header header) {
    boolean removed = store.write(writer -> {
      if (!Arrays.equals(writer.get(keyBytes), record)) {
        return false;
      }
      writer.remove(keyBytes);
      return true;
    });
    if (removed) {
      reportExpired(key, record, header);
    }
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    byte[] keyBytes = codec.key(key);
    byte[] record = codec.record(value, expiresAtMillis, tags);
    store.write(writer -> writer.put(keyBytes, record));
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    List<byte[]> keys = new ArrayList<>(entries.size());
    List<byte[]> records = new ArrayList<>(entries.size());
    entries.forEach((key, entry) -> {
      keys.add(codec.key(key));
      records.add(codec.record(entry.value(), entry.expiresAtMillis(), entry.tags()));
    });
    store.write(writer -> {
      for (int i = 0; i < keys.size(); i++) {
        writer.put(keys.get(i), records.get(i));
      }
      return null;
    });
  }

  @Override
  public boolean delete(K key) {
    byte[] record = store.write(writer -> writer.remove(codec.key(key)));
    if (record == null) {
      return false;
    }
    EntryCodec.Header header = header(record);
    if (header != null && header.isExpiredAt(context.clock().millis())) {
      reportExpired(key, record, header);
      return false;
    }
    return header != null;
  }

  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(update, "update");
    byte[] keyBytes = codec.key(key);
    List<byte[]> expired = new ArrayList<>(1);
    WriteResult<V> result = store.write(writer -> {
      byte[] record = writer.get(keyBytes);
      StoredEntry<V> current = record == null ? null : live(record, expired);
      if (!condition.test(current)) {
        if (!expired.isEmpty()) {
          writer.remove(keyBytes); // an expired entry the write came across goes, as on a read
        }
        return new WriteResult<>(false, current);
      }
      StoredEntry<V> next = update.apply(current);
      if (next != null) {
        writer.put(keyBytes, codec.record(next.value(), next.expiresAtMillis(), next.tags()));
      } else if (record != null) {
        writer.remove(keyBytes);
      }
      return new WriteResult<>(true, current);
    });
    expired.forEach(record -> reportExpired(key, record, EntryCodec.header(record)));
    return result;
  }

  /**
   * The entry of {@code record} when it is live and readable; null otherwise, adding it to {@code
   * expired} when it has expired, which the caller reports once it removes or replaces it.
   */
  private StoredEntry<V> live(byte[] record, List<byte[]> expired) {
    EntryCodec.Header header = header(record);
    if (header == null) {
      return null;
    }
    if (header.isExpiredAt(context.clock().millis())) {
      expired.add(record);
      return null;
    }
    try {
      return codec.entry(record, header);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return null;
    }
  }

  @Override
  public long size() {
    long now = context.clock().millis();
    return store.read(disk -> {
      long live = 0;
      for (byte[] record : disk.entries().values()) {
        EntryCodec.Header header = header(record);
        if (header != null && !header.isExpiredAt(now)) {
          live++;
        }
      }
      return live;
    });
  }

  @Override
  public long flush() {
    long now = context.clock().millis();
    List<Map.Entry<byte[], byte[]>> expired = new ArrayList<>();
    long live = store.write(writer -> {
      long count = 0;
      for (Map.Entry<byte[], byte[]> stored : writer.store().entries().entrySet()) {
        EntryCodec.Header header = header(stored.getValue());
        if (header != null && header.isExpiredAt(now)) {
          expired.add(Map.entry(stored.getKey(), stored.getValue()));
        } else if (header != null) {
          count++;
        }
      }
      writer.clear();
      return count;
    });
    expired.forEach(e -> reportExpired(e.getKey(), e.getValue()));
    return live;
  }

  @Override
  public long invalidateTag(String tag) {
    byte[] prefix = IndexKeys.tagPrefix(tag);
    long now = context.clock().millis();
    List<Map.Entry<byte[], byte[]>> expired = new ArrayList<>();
    long live = store.write(writer -> {
      List<byte[]> tagged = new ArrayList<>();
      for (byte[] tagKey : writer.store().tagIndex().tailSet(prefix, true)) {
        if (!IndexKeys.startsWith(tagKey, prefix)) {
          break;
        }
        tagged.add(tagKey);
      }
      long count = 0;
      for (byte[] tagKey : tagged) {
        byte[] keyBytes = IndexKeys.keyOfTag(tagKey, prefix);
        byte[] record = writer.get(keyBytes);
        EntryCodec.Header header = record == null ? null : header(record);
        if (header == null || !header.tags().contains(tag)) {
          writer.store().tagIndex().remove(tagKey); // a stale index key: the entry was replaced without this tag
          continue;
        }
        writer.remove(keyBytes);
        if (header.isExpiredAt(now)) {
          expired.add(Map.entry(keyBytes, record));
        } else {
          count++;
        }
      }
      return count;
    });
    expired.forEach(e -> reportExpired(e.getKey(), e.getValue()));
    return live;
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    List<Map.Entry<byte[], byte[]>> snapshot = store.read(disk -> {
      List<Map.Entry<byte[], byte[]>> copy = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> stored : disk.entries().entrySet()) {
        copy.add(Map.entry(stored.getKey(), stored.getValue()));
      }
      return copy;
    });
    long now = context.clock().millis();
    return snapshot.stream().map(stored -> decodeLive(stored.getKey(), stored.getValue(), now)).filter(Objects::nonNull);
  }

  private Map.Entry<K, StoredEntry<V>> decodeLive(byte[] keyBytes, byte[] record, long now) {
    EntryCodec.Header header = header(record);
    if (header == null || header.isExpiredAt(now)) {
      return null; // the sweeper or the next read removes it
    }
    try {
      return new AbstractMap.SimpleImmutableEntry<>(codec.key(keyBytes), codec.entry(record, header));
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return null;
    }
  }

  @Override
  public long removeExpired(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    long removed = 0;
    while (true) {
      List<Map.Entry<byte[], byte[]>> batch = removeExpiredBatch(batchSize);
      batch.forEach(e -> reportExpired(e.getKey(), e.getValue()));
      removed += batch.size();
      if (batch.size() < batchSize) {
        return removed;
      }
    }
  }

  /** Removes up to {@code batchSize} expired entries in one write; returns them. */
  private List<Map.Entry<byte[], byte[]>> removeExpiredBatch(int batchSize) {
    long now = context.clock().millis();
    return store.write(writer -> {
      List<Map.Entry<byte[], byte[]>> removed = new ArrayList<>();
      List<byte[]> due = new ArrayList<>(Math.min(batchSize, 1024));
      for (byte[] expiryKey : writer.store().expiryIndex().headSet(IndexKeys.expiryBound(now), false)) {
        due.add(expiryKey);
        if (due.size() == batchSize) {
          break;
        }
      }
      for (byte[] expiryKey : due) {
        writer.store().expiryIndex().remove(expiryKey);
        byte[] keyBytes = IndexKeys.keyOfExpiry(expiryKey);
        byte[] record = writer.get(keyBytes);
        EntryCodec.Header header = record == null ? null : header(record);
        if (header != null && header.isExpiredAt(now)) {
          writer.remove(keyBytes);
          removed.add(Map.entry(keyBytes, record));
        }
      }
      return removed;
    });
  }

  @Override
  public long heldEntries() {
    return store.read(disk -> (long) disk.entries().size());
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("disk." + OptionCatalog.DATA_DIR.optionName(), options.dataDir().toString());
    details.put("disk.store", store.files().store().toString());
    details.put("disk." + OptionCatalog.FSYNC.optionName(), store.describeFsync());
    details.put("disk." + OptionCatalog.ON_CORRUPTION.optionName(), options.onCorruption().optionValue());
    store.bound().ifPresent(bound -> details.put("disk.evictionOrder", bound.policy() + " over " + bound.size()
        + " of at most " + bound.maxSize() + " keys, kept in memory"));
    return details;
  }

  @Override
  public void close() {
    store.close();
  }

  private EntryCodec.Header header(byte[] record) {
    try {
      return EntryCodec.header(record);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return null;
    }
  }

  /** Tells the context's removal listener of an entry the bound evicted. */
  private static <K, V> void reportEvicted(BackendContext<K, V> context, EntryCodec<K, V> codec, byte[] keyBytes,
      byte[] record) {
    try {
      K key = codec.key(keyBytes);
      V value = codec.value(record, EntryCodec.header(record));
      context.removals().onRemoval(key, value, RemovalCause.EVICTED);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
    }
  }

  private void reportExpired(byte[] keyBytes, byte[] record) {
    try {
      reportExpired(codec.key(keyBytes), record, EntryCodec.header(record));
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
    }
  }

  private void reportExpired(K key, byte[] record, EntryCodec.Header header) {
    V value;
    try {
      value = codec.value(record, header);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return;
    }
    context.removals().onRemoval(key, value, RemovalCause.EXPIRED);
  }
}
