package dev.vela.entry;

import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.config.Durations;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A local store of entries that runs {@link EntryHooks}: events for every change, a per-entry
 * expiry policy on creation, update and read, read-through and write-through. Every operation on a
 * key runs under that key's lock, so a writer, the change and its events happen as one step with
 * respect to other operations on the key; {@link #locked} lets a caller make several of them one
 * step (an entry processor). Thread-safe.
 *
 * <pre>{@code
 * HookedStore<String, Integer> store = HookedStore.inMemory(EntryHooks.<String, Integer>none()
 *     .withExpiry((key, value) -> Duration.ofMinutes(5))
 *     .withListener(event -> System.out.println(event)), InstantSource.system());
 * store.put("a", 1, WriteCondition.always(), true);
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class HookedStore<K, V> implements AutoCloseable {
  private final EntryHooks<K, V> hooks;
  private final InstantSource clock;
  private final PendingEvents<K, V> events;
  private final KeyStripes stripes = new KeyStripes(64);
  private final CacheBackend<K, V> backend;

  HookedStore(
      EntryHooks<K, V> hooks, InstantSource clock, Function<RemovalListener<K, V>, CacheBackend<K, V>> openBackend) {
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = new PendingEvents<>(hooks.listener());
    this.backend = openBackend.apply(this::onRemoval);
  }

  /** A store over an unbounded memory backend, with expiry judged by {@code clock}. */
  public static <K, V> HookedStore<K, V> inMemory(EntryHooks<K, V> hooks, InstantSource clock) {
    return new HookedStore<>(hooks, clock, removals -> MemoryBackend.unbounded(clock, removals));
  }

  private void onRemoval(K key, V value, RemovalCause cause) {
    if (cause == RemovalCause.EXPIRED) {
      events.add(EntryEvent.expired(key, value));
    }
  }

  /**
   * Runs {@code work} with {@code key} locked against every other operation on it, and returns its
   * result; operations of this store called inside run at once (the lock is reentrant), and their
   * events are delivered when {@code work} ends.
   */
  public <R> R locked(K key, Supplier<R> work) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(work, "work");
    ReentrantLock lock = stripes.lockFor(key);
    lock.lock();
    events.open();
    try {
      return work.get();
    } finally {
      try {
        events.close();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Reads the live value under {@code key}, giving it the policy's read expiry. On a miss with
   * {@code readThrough} and a loader, loads the value and stores it as created.
   */
  public HookedRead<V> get(K key, boolean readThrough) {
    return locked(key, () -> {
      StoredEntry<V> entry = backend.entry(key);
      if (entry != null) {
        touch(key, entry);
        return new HookedRead<>(entry.value(), true);
      }
      if (readThrough && hooks.loader() != null) {
        V loaded = hooks.loader().load(key);
        if (loaded != null) {
          create(key, loaded);
        }
        return new HookedRead<>(loaded, false);
      }
      return new HookedRead<>(null, false);
    });
  }

  /** The live value under {@code key}, or null, without counting as a read for the expiry policy. */
  public V peek(K key) {
    return locked(key, () -> {
      StoredEntry<V> entry = backend.entry(key);
      return entry == null ? null : entry.value();
    });
  }

  /**
   * Stores {@code value} under {@code key} when {@code condition} holds against the live entry:
   * the writer first (when {@code writeThrough}), then the store, then a created or updated event.
   * A new entry gets the policy's creation time to live (none: nothing is stored), an updated one
   * its update time to live. When a compare-and-set finds another value, the entry counts as read.
   */
  public HookedWrite<V> put(K key, V value, WriteCondition<V> condition, boolean writeThrough) {
    Objects.requireNonNull(value, "value");
    return locked(key, () -> {
      StoredEntry<V> current = backend.entry(key);
      V previous = current == null ? null : current.value();
      if (!condition.test(current)) {
        if (current != null && condition instanceof WriteCondition.ValueEquals) {
          touch(key, current);
        }
        return new HookedWrite<>(false, previous, false);
      }
      if (writeThrough && hooks.writer() != null) {
        hooks.writer().write(key, value);
      }
      if (current == null) {
        return new HookedWrite<>(true, null, create(key, value));
      }
      long expiresAt = expiryAfter(current.expiresAtMillis(), () -> hooks.expiry().afterUpdate(key, value));
      backend.put(key, value, expiresAt, current.tags());
      events.add(EntryEvent.updated(key, previous, value));
      return new HookedWrite<>(true, previous, true);
    });
  }

  /**
   * Removes the entry under {@code key} when {@code condition} holds, reporting it removed. The
   * writer is told first, when {@code writeThrough}: for an unconditional removal whether or not an
   * entry is there (the writer's own store may hold one), for a conditional one only when it holds.
   */
  public HookedWrite<V> remove(K key, WriteCondition<V> condition, boolean writeThrough) {
    return locked(key, () -> {
      boolean unconditional = condition instanceof WriteCondition.Always;
      if (unconditional && writeThrough && hooks.writer() != null) {
        hooks.writer().delete(key);
      }
      StoredEntry<V> current = backend.entry(key);
      V previous = current == null ? null : current.value();
      if (!condition.test(current) || current == null) {
        if (current != null && condition instanceof WriteCondition.ValueEquals) {
          touch(key, current);
        }
        return new HookedWrite<>(false, previous, false);
      }
      if (!unconditional && writeThrough && hooks.writer() != null) {
        hooks.writer().delete(key);
      }
      backend.delete(key);
      events.add(EntryEvent.removed(key, previous));
      return new HookedWrite<>(true, previous, false);
    });
  }

  /** True when a live entry is held under {@code key}; not a read for the expiry policy. */
  public boolean contains(K key) {
    return peek(key) != null;
  }

  /** Removes every entry without telling the writer or the listener. */
  public void clear() {
    backend.flush();
  }

  /** The keys of the live entries, a snapshot taken now. */
  public List<K> keys() {
    return backend.entries().map(Map.Entry::getKey).toList();
  }

  /**
   * Removes every entry that has expired by now, each reported as expired on the calling thread,
   * and returns how many; entries nobody reads again leave this way. Entries are removed in
   * batches of at most {@code batchSize}, so writers are never held up for long.
   */
  public long removeExpired(int batchSize) {
    return backend.removeExpired(batchSize);
  }

  /** The number of live entries. */
  public long size() {
    return backend.size();
  }

  /** Releases the backend. */
  @Override
  public void close() {
    backend.close();
  }

  /** Stores a new entry with its creation time to live; false when that time is none. */
  private boolean create(K key, V value) {
    Duration ttl;
    try {
      ttl = Objects.requireNonNull(hooks.expiry().afterCreate(key, value), "afterCreate returned null");
    } catch (RuntimeException policyFailed) {
      ttl = Durations.INFINITE;
    }
    if (ttl.isZero() || ttl.isNegative()) {
      return false;
    }
    backend.put(key, value, expiresAt(ttl), Set.of());
    events.add(EntryEvent.created(key, value));
    return true;
  }

  /** Gives a live entry that was just read its read time to live, when the policy has one. */
  private void touch(K key, StoredEntry<V> entry) {
    long expiresAt = expiryAfter(entry.expiresAtMillis(), () -> hooks.expiry().afterRead(key, entry.value()));
    if (expiresAt != entry.expiresAtMillis()) {
      backend.put(key, entry.value(), expiresAt, entry.tags());
    }
  }

  private long expiryAfter(long currentExpiry, Supplier<Duration> policy) {
    Duration ttl;
    try {
      ttl = policy.get();
    } catch (RuntimeException policyFailed) {
      return currentExpiry;
    }
    return ttl == null ? currentExpiry : expiresAt(ttl);
  }

  private long expiresAt(Duration ttl) {
    long now = clock.millis();
    if (ttl.isZero() || ttl.isNegative()) {
      return now;
    }
    if (Durations.isInfinite(ttl) || ttl.compareTo(Duration.ofMillis(Long.MAX_VALUE - now)) >= 0) {
      return StoredEntry.NO_EXPIRY;
    }
    return now + Math.max(1, ttl.toMillis());
  }
}
