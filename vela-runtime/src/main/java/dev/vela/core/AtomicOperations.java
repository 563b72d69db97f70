package dev.vela.core;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.telemetry.CacheTelemetry;
import dev.vela.topology.CacheTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The cache core's atomic per-key operations and bulk calls, each built on the topology's one
 * conditional {@link CacheTopology#write}: the key's owner tests the condition and applies the update
 * as one step, so the core itself holds no lock across a read and a write.
 *
 * <p>{@code compute}, {@code computeIfPresent} and {@code merge} read the entry, run the function
 * here, outside any lock, and write its result on condition that the entry still holds the value the
 * function saw (or is still absent). When another writer came first, the write reports the entry it
 * found instead, and the function runs again on that, until a write applies: as in {@link
 * java.util.concurrent.ConcurrentMap}'s defaults, no update is lost and the retries are bounded only
 * by success. A function that throws leaves the entry as it was.
 *
 * <p>Every write holds the key's {@link WriteGuard}, as {@code put} does, so it waits for a
 * transaction on its key and, made inside one, re-enters the transaction's lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class AtomicOperations<K, V> implements Cache<K, V> {
  // the conditions without a value, made once: a write then allocates no condition
  private static final WriteCondition<?> ALWAYS = WriteCondition.always();
  private static final WriteCondition<?> ABSENT = WriteCondition.absent();
  private static final WriteCondition<?> PRESENT = WriteCondition.present();
  private static final EntryUpdate<?> REMOVAL = EntryUpdate.delete();

  /** Where entries live: the whole cache's topology, or its node-local variant. */
  abstract CacheTopology<K, V> topology();

  /** The key locks shared with transactions. */
  abstract KeyLocks locks();

  /** Where writes, deletes and reads are counted. */
  abstract StatsCounter counter();

  /** Time to live into expiry times, on the cache's clock. */
  abstract ExpiryTimes expiryTimes();

  /** The telemetry, or null when nothing listens. */
  abstract CacheTelemetry telemetry();

  /** Throws {@link dev.vela.CacheClosedException} after close. */
  abstract void checkOpen();

  @Override
  public boolean putIfAbsent(K key, V value) {
    return putIfAbsent(key, value, PutOptions.defaults());
  }

  @Override
  public boolean putIfAbsent(K key, V value, PutOptions options) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(options, "options must not be null");
    checkOpen();
    // the default options without asking them, as put does: their time to live is an Optional
    EntryUpdate<V> update = options == PutOptions.defaults()
        ? EntryUpdate.put(value, expiryTimes().defaultExpiry(), Set.of())
        : EntryUpdate.put(value, expiryTimes().expiryFor(options), options.tagSet());
    return write(key, absent(), update).applied();
  }

  @Override
  public boolean replace(K key, V value) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    checkOpen();
    return write(key, present(), keeping(value)).applied();
  }

  @Override
  public boolean replace(K key, V expected, V value) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected must not be null");
    Objects.requireNonNull(value, "value must not be null");
    checkOpen();
    return write(key, WriteCondition.valueEquals(expected), keeping(value)).applied();
  }

  @Override
  public boolean delete(K key, V expected) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected must not be null");
    checkOpen();
    return write(key, WriteCondition.valueEquals(expected), removal()).applied();
  }

  @Override
  public Optional<V> getAndPut(K key, V value) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    checkOpen();
    EntryUpdate<V> update = EntryUpdate.put(value, expiryTimes().defaultExpiry(), Set.of());
    return valueOf(write(key, always(), update).previous());
  }

  @Override
  public Optional<V> getAndDelete(K key) {
    checkKey(key);
    checkOpen();
    return valueOf(write(key, always(), removal()).previous());
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(remapping, "remapping must not be null");
    checkOpen();
    StoredEntry<V> seen = topology().entry(key);
    while (true) {
      V result = remapping.apply(key, seen == null ? null : seen.value());
      WriteResult<V> written = writeResult(key, seen, result);
      if (written == null || written.applied()) {
        return result;
      }
      seen = written.previous();
    }
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(remapping, "remapping must not be null");
    checkOpen();
    StoredEntry<V> seen = topology().entry(key);
    while (seen != null) {
      V result = remapping.apply(key, seen.value());
      WriteResult<V> written = writeResult(key, seen, result);
      if (written == null || written.applied()) {
        return result;
      }
      seen = written.previous();
    }
    return null;
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(remapping, "remapping must not be null");
    checkOpen();
    StoredEntry<V> seen = topology().entry(key);
    while (true) {
      V result = seen == null ? value : remapping.apply(seen.value(), value);
      WriteResult<V> written = writeResult(key, seen, result);
      if (written == null || written.applied()) {
        return result;
      }
      seen = written.previous();
    }
  }

  /**
   * Writes the function's {@code result} for an entry last seen as {@code seen}, on condition that it
   * is still that entry: stores a non-null result, removes the entry for a null one. Null when there
   * is nothing to write (a null result for an absent key), which succeeds as it is.
   */
  private WriteResult<V> writeResult(K key, StoredEntry<V> seen, V result) {
    if (result == null) {
      return seen == null ? null : write(key, WriteCondition.valueEquals(seen.value()), removal());
    }
    WriteCondition<V> unchanged = seen == null ? absent() : WriteCondition.valueEquals(seen.value());
    return write(key, unchanged, keeping(result));
  }

  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    List<K> checked = checkKeys(keys);
    checkOpen();
    CacheTelemetry telemetry = telemetry();
    long start = telemetry == null ? 0 : telemetry.startTime();
    Map<K, V> found = checked.isEmpty() ? Map.of() : topology().getAll(checked);
    StatsCounter counter = counter();
    Map<K, V> ordered = new LinkedHashMap<>();
    for (K key : checked) {
      V value = found.get(key);
      boolean hit = value != null;
      if (hit) {
        ordered.put(key, value);
      }
      counter.recordRead(hit);
      if (telemetry != null) {
        telemetry.recordGet(key, hit, start);
      }
    }
    return ordered;
  }

  @Override
  public long deleteAll(Collection<? extends K> keys) {
    List<K> checked = checkKeys(keys);
    checkOpen();
    if (checked.isEmpty()) {
      return 0;
    }
    KeyLocks locks = locks();
    long removed = locks.underLocks(locks.stripesOf(checked), "deleteAll", () -> topology().deleteAll(checked));
    counter().recordDeletes(removed);
    return removed;
  }

  @Override
  public boolean expire(K key, Duration ttl) {
    checkKey(key);
    Objects.requireNonNull(ttl, "ttl must not be null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "ttl must be positive, was " + ttl + "; use delete(key) to remove an entry, or Durations.INFINITE to"
              + " keep it for ever");
    }
    checkOpen();
    long expiresAt = expiryTimes().expiryFor(PutOptions.ttl(ttl));
    return write(key, present(), new EntryUpdate.Expire<>(expiresAt)).applied();
  }

  /** Stores {@code value}, keeping a live entry's expiry and tags; a new entry gets the defaults. */
  EntryUpdate<V> keeping(V value) {
    return new EntryUpdate.Put<>(value, expiryTimes().defaultExpiry(), Set.of(), true, true);
  }

  /** One conditional write under the key's write guard, counted when it changed something. */
  private WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    WriteResult<V> result;
    WriteGuard guard = locks().beginWrite(key);
    try {
      result = topology().write(key, condition, update);
    } finally {
      guard.end();
    }
    return counted(update, result);
  }

  /** Counts what a conditional write did, when it changed something, and returns its result. */
  WriteResult<V> counted(EntryUpdate<V> update, WriteResult<V> result) {
    if (result.applied()) {
      if (update instanceof EntryUpdate.Delete<V>) {
        if (result.previous() != null) {
          counter().recordDeletes(1);
        }
      } else {
        counter().recordWrites(1);
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static <V> WriteCondition<V> always() {
    return (WriteCondition<V>) ALWAYS;
  }

  @SuppressWarnings("unchecked")
  static <V> WriteCondition<V> absent() {
    return (WriteCondition<V>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  static <V> WriteCondition<V> present() {
    return (WriteCondition<V>) PRESENT;
  }

  @SuppressWarnings("unchecked")
  static <V> EntryUpdate<V> removal() {
    return (EntryUpdate<V>) REMOVAL;
  }

  static <V> Optional<V> valueOf(StoredEntry<V> entry) {
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  static void checkKey(Object key) {
    Objects.requireNonNull(key, "key must not be null");
  }

  /** A copy of {@code keys} without repeats, each checked. */
  static <K> List<K> checkKeys(Collection<? extends K> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    List<K> checked = new ArrayList<>(keys.size());
    for (K key : keys) {
      checked.add(Objects.requireNonNull(key, "keys must not hold null"));
    }
    return checked.size() < 2 ? checked : List.copyOf(new LinkedHashSet<>(checked));
  }
}
