package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.backend.BackendContext;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecException;
import dev.vela.config.CacheConfig;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The DISK backend: entries in a MapDB file under {@code dataDir}, with their absolute expiry and
 * tags, so a restarted cache finds them again with their time to live running on. One lock orders
 * the store: reads share it, and each write (a put, a whole {@code putAll}, one sweep batch) holds
 * it alone, so a reader never sees half of a batch. Commits run under the shared side, so reads go
 * on while a commit writes the disk.
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
  private final DiskStore store;
  private final Commits commits;
  private final Lock readLock;
  private final Lock writeLock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private long writes; // guarded by writeLock; read under readLock by commits

  private DiskBackend(BackendContext<K, V> context, DiskOptions options, EntryCodec<K, V> codec, DiskStore store) {
    this.context = context;
    this.options = options;
    this.codec = codec;
    this.store = store;
    ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    this.readLock = lock.readLock();
    this.writeLock = lock.writeLock();
    this.commits = Commits.of(options, context.cacheName(), this::commitNow);
  }

  /**
   * Opens the store of {@code context}'s cache under its {@code dataDir}, creating it when absent.
   *
   * @throws VelaException when the options are missing or wrong, the cache is bounded (the DISK
   *     backend does not evict), a type has no codec, another process holds the store, or the
   *     store is corrupt and {@code onCorruption} is {@code fail}
   */
  public static <K, V> DiskBackend<K, V> open(BackendContext<K, V> context) {
    CacheConfig config = context.config();
    if (config.isBounded()) {
      throw new VelaException("cache '" + config.name() + "' has maxSize " + config.maxSize() + " with evictionPolicy "
          + config.evictionPolicy() + ", but the DISK backend does not evict; bound it with defaultTtl instead, or use"
          + " Backend.MEMORY for a size-bounded cache");
    }
    EntryCodec<K, V> codec = new EntryCodec<>(context.types()); // a type without a codec fails before any file is touched
    DiskOptions options = DiskOptions.from(config);
    DiskStore store;
    try {
      store = DiskStore.open(options, config.name(), context.clock());
    } catch (NoClassDefFoundError e) {
      throw new VelaException("cache '" + config.name() + "' uses the DISK backend, which needs MapDB on the class"
          + " path; add the dependency org.mapdb:mapdb:3.1.0 (" + e.getMessage() + " is missing)", e);
    }
    return new DiskBackend<>(context, options, codec, store);
  }

  @Override
  public V get(K key) {
    StoredEntry<V> entry = entry(key);
    return entry == null ? null : entry.value();
  }

  @Override
  public StoredEntry<V> entry(K key) {
    byte[] keyBytes = codec.key(key);
    byte[] record = read(keyBytes);
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

  private byte[] read(byte[] keyBytes) {
    readLock.lock();
    try {
      return store.entries().get(keyBytes);
    } finally {
      readLock.unlock();
    }
  }

  /** Removes an expired entry a read came across, unless a writer replaced it meanwhile. */
  private void removeExpiredOne(K key, byte[] keyBytes, byte[] record, EntryCodec.Header header) {
    long sequence;
    writeLock.lock();
    try {
      if (!Arrays.equals(store.entries().get(keyBytes), record)) {
        return;
      }
      removeLocked(keyBytes, header);
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    commits.afterWrite(sequence);
    reportExpired(key, record, header);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    byte[] keyBytes = codec.key(key);
    byte[] record = codec.record(value, expiresAtMillis, tags);
    long sequence;
    writeLock.lock();
    try {
      putLocked(keyBytes, record, expiresAtMillis, tags);
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    commits.afterWrite(sequence);
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    Map<byte[], StoredEntry<V>> encoded = new LinkedHashMap<>();
    List<byte[]> records = new ArrayList<>(entries.size());
    entries.forEach((key, entry) -> {
      encoded.put(codec.key(key), entry);
      records.add(codec.record(entry.value(), entry.expiresAtMillis(), entry.tags()));
    });
    long sequence;
    writeLock.lock();
    try {
      Iterator<byte[]> record = records.iterator();
      encoded.forEach((keyBytes, entry) -> putLocked(keyBytes, record.next(), entry.expiresAtMillis(), entry.tags()));
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    commits.afterWrite(sequence);
  }

  private void putLocked(byte[] keyBytes, byte[] record, long expiresAtMillis, Set<String> tags) {
    byte[] previous = store.entries().put(keyBytes, record);
    if (previous != null) {
      EntryCodec.Header old = header(previous);
      if (old != null) {
        unindex(keyBytes, old);
      }
    }
    if (expiresAtMillis != StoredEntry.NO_EXPIRY) {
      store.expiryIndex().add(IndexKeys.expiry(expiresAtMillis, keyBytes));
    }
    for (String tag : tags) {
      store.tagIndex().add(IndexKeys.tag(IndexKeys.tagPrefix(tag), keyBytes));
    }
  }

  private void removeLocked(byte[] keyBytes, EntryCodec.Header header) {
    store.entries().remove(keyBytes);
    unindex(keyBytes, header);
  }

  private void unindex(byte[] keyBytes, EntryCodec.Header header) {
    if (header.expiresAtMillis() != StoredEntry.NO_EXPIRY) {
      store.expiryIndex().remove(IndexKeys.expiry(header.expiresAtMillis(), keyBytes));
    }
    for (String tag : header.tags()) {
      store.tagIndex().remove(IndexKeys.tag(IndexKeys.tagPrefix(tag), keyBytes));
    }
  }

  @Override
  public boolean delete(K key) {
    byte[] keyBytes = codec.key(key);
    byte[] record;
    EntryCodec.Header header;
    long sequence;
    writeLock.lock();
    try {
      record = store.entries().remove(keyBytes);
      if (record == null) {
        return false;
      }
      header = header(record);
      if (header != null) {
        unindex(keyBytes, header);
      }
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    commits.afterWrite(sequence);
    if (header != null && header.isExpiredAt(context.clock().millis())) {
      reportExpired(key, record, header);
      return false;
    }
    return header != null;
  }

  @Override
  public long size() {
    long now = context.clock().millis();
    readLock.lock();
    try {
      long live = 0;
      for (byte[] record : store.entries().values()) {
        EntryCodec.Header header = header(record);
        if (header != null && !header.isExpiredAt(now)) {
          live++;
        }
      }
      return live;
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public long flush() {
    long now = context.clock().millis();
    long live = 0;
    List<Map.Entry<byte[], byte[]>> expired = new ArrayList<>();
    long sequence;
    writeLock.lock();
    try {
      for (Map.Entry<byte[], byte[]> stored : store.entries().entrySet()) {
        EntryCodec.Header header = header(stored.getValue());
        if (header != null && header.isExpiredAt(now)) {
          expired.add(Map.entry(stored.getKey(), stored.getValue()));
        } else if (header != null) {
          live++;
        }
      }
      store.entries().clear();
      store.expiryIndex().clear();
      store.tagIndex().clear();
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    afterRemovals(sequence, expired);
    return live;
  }

  @Override
  public long invalidateTag(String tag) {
    byte[] prefix = IndexKeys.tagPrefix(tag);
    long now = context.clock().millis();
    long live = 0;
    List<Map.Entry<byte[], byte[]>> expired = new ArrayList<>();
    long sequence;
    writeLock.lock();
    try {
      List<byte[]> tagged = new ArrayList<>();
      for (byte[] tagKey : store.tagIndex().tailSet(prefix, true)) {
        if (!IndexKeys.startsWith(tagKey, prefix)) {
          break;
        }
        tagged.add(tagKey);
      }
      if (tagged.isEmpty()) {
        return 0;
      }
      for (byte[] tagKey : tagged) {
        store.tagIndex().remove(tagKey);
        byte[] keyBytes = IndexKeys.keyOfTag(tagKey, prefix);
        byte[] record = store.entries().get(keyBytes);
        EntryCodec.Header header = record == null ? null : header(record);
        if (header == null || !header.tags().contains(tag)) {
          continue; // a stale index key: the entry was replaced without this tag
        }
        removeLocked(keyBytes, header);
        if (header.isExpiredAt(now)) {
          expired.add(Map.entry(keyBytes, record));
        } else {
          live++;
        }
      }
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    afterRemovals(sequence, expired);
    return live;
  }

  /** Commits removals made under the write lock, then reports the entries among them that had expired. */
  private void afterRemovals(long sequence, List<Map.Entry<byte[], byte[]>> expired) {
    commits.afterWrite(sequence);
    expired.forEach(e -> reportExpired(e.getKey(), e.getValue()));
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    List<Map.Entry<byte[], byte[]>> snapshot = new ArrayList<>();
    readLock.lock();
    try {
      for (Map.Entry<byte[], byte[]> stored : store.entries().entrySet()) {
        snapshot.add(Map.entry(stored.getKey(), stored.getValue()));
      }
    } finally {
      readLock.unlock();
    }
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

  /** Removes up to {@code batchSize} expired entries in one write and one commit; returns them. */
  private List<Map.Entry<byte[], byte[]>> removeExpiredBatch(int batchSize) {
    long now = context.clock().millis();
    List<Map.Entry<byte[], byte[]>> removed = new ArrayList<>();
    long sequence;
    writeLock.lock();
    try {
      List<byte[]> due = new ArrayList<>(Math.min(batchSize, 1024));
      for (byte[] expiryKey : store.expiryIndex().headSet(IndexKeys.expiryBound(now), false)) {
        due.add(expiryKey);
        if (due.size() == batchSize) {
          break;
        }
      }
      if (due.isEmpty()) {
        return removed;
      }
      for (byte[] expiryKey : due) {
        store.expiryIndex().remove(expiryKey);
        byte[] keyBytes = IndexKeys.keyOfExpiry(expiryKey);
        byte[] record = store.entries().get(keyBytes);
        EntryCodec.Header header = record == null ? null : header(record);
        if (header != null && header.isExpiredAt(now)) {
          removeLocked(keyBytes, header);
          removed.add(Map.entry(keyBytes, record));
        }
      }
      sequence = ++writes;
    } finally {
      writeLock.unlock();
    }
    commits.afterWrite(sequence);
    return removed;
  }

  @Override
  public long heldEntries() {
    readLock.lock();
    try {
      return store.entries().size();
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("disk.dataDir", options.dataDir().toString());
    details.put("disk.store", store.files().store().toString());
    details.put("disk.commit", commits.describe());
    details.put("disk.onCorruption", options.onCorruption().optionValue());
    return details;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      commits.close();
      writeLock.lock();
      try {
        store.close();
      } finally {
        writeLock.unlock();
      }
    }
  }

  /** Commits every write so far, while readers go on; returns the number of the last write covered. */
  private long commitNow() {
    readLock.lock();
    try {
      long covered = writes;
      store.commit();
      return covered;
    } finally {
      readLock.unlock();
    }
  }

  private EntryCodec.Header header(byte[] record) {
    try {
      return EntryCodec.header(record);
    } catch (CodecException e) {
      context.decodeErrors().onDecodeError(e);
      return null;
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
