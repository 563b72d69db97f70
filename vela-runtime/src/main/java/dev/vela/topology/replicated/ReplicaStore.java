package dev.vela.topology.replicated;

import dev.vela.topology.version.LastWriterWins;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * This node's copy of a replicated cache: the backend, plus the version of the latest write applied
 * to each key, applied by {@link LastWriterWins}: a write is applied only when its version is later
 * than the key's, so every node ends with the same entry whatever order the writes reached it in. A
 * removal keeps its key's version (a tombstone), so a late, older write cannot bring the key back.
 *
 * <p>{@code flush} and {@code invalidateTag} leave a floor: writes older than a flush, and writes of
 * a tag older than its invalidation, are refused when they arrive late.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ReplicaStore<K, V> {
  private static final int STRIPES = 64;

  private final CacheBackend<K, V> backend;
  private final ReplicaChangeFeed<K> changes;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final Map<K, Version> versions = new ConcurrentHashMap<>();
  private final Map<String, Version> tagFloors = new ConcurrentHashMap<>();
  private final LastWriterWins<K, V> lastWriterWins;
  private final AtomicBoolean pruning = new AtomicBoolean();
  private volatile Version flushFloor;
  private volatile long nextPruneAbove;

  /** A copy in {@code backend} that reports every change it applies to {@code changes}. */
  ReplicaStore(CacheBackend<K, V> backend, ReplicaChangeFeed<K> changes) {
    this.backend = backend;
    this.changes = changes;
    this.lastWriterWins = new LastWriterWins<>(backend, new LastWriterWins.Versions<>() {
      @Override
      public Version versionOf(K key) {
        return versions.get(key);
      }

      @Override
      public void noteWrite(K key, Version version, boolean removal) {
        versions.put(key, version); // a removal's version stays as its tombstone
      }
    });
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Stores {@code entry} unless a later write of the key was applied already; true when stored. */
  boolean put(K key, Version version, StoredEntry<V> entry) {
    ReentrantLock lock = stripeOf(key);
    lock.lock();
    try {
      if (!accepts(key, version, entry)) {
        return false;
      }
      lastWriterWins.store(key, new Versioned<>(version, entry));
    } finally {
      lock.unlock();
    }
    changes.keyChanged(key); // after the write is visible, so a near-cache fill racing it is dropped
    return true;
  }

  /** Stores those of {@code entries} that no later write has overtaken, all at once. */
  void putAll(Map<K, StoredEntry<V>> entries, Version version) {
    TreeSet<Integer> held = new TreeSet<>();
    entries.keySet().forEach(key -> held.add(stripeIndex(key)));
    held.forEach(index -> stripes[index].lock()); // in index order, so two batches never wait on each other
    Map<K, StoredEntry<V>> winners = new LinkedHashMap<>();
    try {
      entries.forEach((key, entry) -> {
        if (accepts(key, version, entry)) {
          winners.put(key, entry);
        }
      });
      if (!winners.isEmpty()) {
        lastWriterWins.storeAll(winners, version);
      }
    } finally {
      held.descendingSet().forEach(index -> stripes[index].unlock());
    }
    winners.keySet().forEach(changes::keyChanged);
  }

  /** Removes the key unless a later write was applied already; true when a live entry was removed. */
  boolean delete(K key, Version version) {
    ReentrantLock lock = stripeOf(key);
    lock.lock();
    boolean removed;
    try {
      if (!version.isAfter(flushFloor) || !lastWriterWins.isNewer(key, version)) {
        return false;
      }
      removed = lastWriterWins.store(key, new Versioned<>(version, null));
    } finally {
      lock.unlock();
    }
    changes.keyChanged(key);
    return removed;
  }

  /**
   * Tests {@code condition} against the live entry under {@code key} and, when it holds, applies
   * {@code update} with the version {@code next} gives, all under the key's lock. The version is
   * taken inside the lock, so this node's conditional writes of a key carry versions in the order
   * they were applied, and every copy that applies them by version ends alike.
   */
  ReplicaWrite<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update, Supplier<Version> next) {
    ReentrantLock lock = stripeOf(key);
    lock.lock();
    ReplicaWrite<V> done;
    try {
      StoredEntry<V> current = backend.entry(key);
      if (!condition.test(current)) {
        return new ReplicaWrite<>(false, current, null, null);
      }
      StoredEntry<V> after = update.apply(current);
      if (current == null && after == null) {
        return new ReplicaWrite<>(true, null, null, null); // nothing to remove or change
      }
      Version version = next.get(); // later than every version this node has seen, floors included
      lastWriterWins.store(key, new Versioned<>(version, after));
      done = new ReplicaWrite<>(true, current, version, after);
    } finally {
      lock.unlock();
    }
    changes.keyChanged(key);
    return done;
  }

  /** Applies a state another node sent: its entry, or its removal, by the same version rule. */
  void apply(K key, Versioned<V> state) {
    if (state.entry() == null) {
      delete(key, state.version());
    } else {
      put(key, state.version(), state.entry());
    }
  }

  /** Removes every entry written before {@code version}; returns how many live ones there were. */
  long flush(Version version) {
    lockAll();
    try {
      flushFloor = Version.latest(flushFloor, version);
      long removed = removeOlderThan(version, backend.entries().map(Map.Entry::getKey));
      versions.values().removeIf(written -> !written.isAfter(version)); // the floor refuses them now
      return removed;
    } finally {
      unlockAll();
      changes.allChanged();
    }
  }

  /** Removes the entries tagged {@code tag} written before {@code version}; returns how many. */
  long invalidateTag(String tag, Version version) {
    lockAll();
    try {
      tagFloors.merge(tag, version, Version::latest);
      return removeOlderThan(version, backend.entries().filter(e -> e.getValue().tags().contains(tag)).map(Map.Entry::getKey));
    } finally {
      unlockAll();
      changes.tagChanged(tag);
    }
  }

  /**
   * Hands every key's state to {@code batch}, {@code batchSize} at a time: live entries and
   * removals alike. Each state is read under its key's lock, so an entry never travels with
   * another write's version. Weakly consistent: writes during the walk may or may not appear.
   */
  void snapshot(int batchSize, Consumer<Map<K, Versioned<V>>> batch) {
    Map<K, Versioned<V>> states = new LinkedHashMap<>();
    for (K key : versions.keySet()) {
      Versioned<V> state = stateOf(key);
      if (state != null) {
        states.put(key, state);
      }
      if (states.size() >= batchSize) {
        batch.accept(states);
        states = new LinkedHashMap<>();
      }
    }
    if (!states.isEmpty()) {
      batch.accept(states);
    }
  }

  /**
   * Forgets the versions of keys that hold no entry here (deleted or expired) and were written
   * before {@code stamp}: a write that old can no longer be on its way. Runs only when such
   * versions outnumber the entries by {@code slack}, so it costs nothing in a steady cache.
   *
   * @return how many versions were forgotten
   */
  int pruneRemovedBefore(long stamp, int slack) {
    int count = versions.size();
    if (count <= Math.max(backend.size() * 2 + slack, nextPruneAbove) || !pruning.compareAndSet(false, true)) {
      return 0;
    }
    try {
      int pruned = pruneNow(stamp);
      nextPruneAbove = versions.size() + slack; // the rest are recent: do not walk them again at once
      return pruned;
    } finally {
      pruning.set(false);
    }
  }

  private int pruneNow(long stamp) {
    int pruned = 0;
    for (K key : versions.keySet()) {
      ReentrantLock lock = stripeOf(key);
      lock.lock();
      try {
        Version version = versions.get(key);
        if (version != null && version.stamp() < stamp && backend.entry(key) == null) {
          versions.remove(key);
          pruned++;
        }
      } finally {
        lock.unlock();
      }
    }
    return pruned;
  }

  /** How many keys have a version here, removed ones included. */
  int versionCount() {
    return versions.size();
  }

  private Versioned<V> stateOf(K key) {
    ReentrantLock lock = stripeOf(key);
    lock.lock();
    try {
      Version version = versions.get(key);
      return version == null ? null : new Versioned<>(version, backend.entry(key));
    } finally {
      lock.unlock();
    }
  }

  private boolean accepts(K key, Version version, StoredEntry<V> entry) {
    if (!version.isAfter(flushFloor) || !lastWriterWins.isNewer(key, version)) {
      return false;
    }
    for (String tag : entry.tags()) {
      if (!version.isAfter(tagFloors.get(tag))) {
        return false;
      }
    }
    return true;
  }

  private long removeOlderThan(Version version, Stream<K> candidates) {
    List<K> keys;
    try (Stream<K> live = candidates) {
      keys = live.toList();
    }
    long removed = 0;
    for (K key : keys) {
      if (version.isAfter(versions.get(key)) && backend.delete(key)) {
        removed++; // the key keeps its version: a late write newer than it still lands
      }
    }
    return removed;
  }

  private void lockAll() {
    for (ReentrantLock stripe : stripes) {
      stripe.lock();
    }
  }

  private void unlockAll() {
    for (int i = STRIPES - 1; i >= 0; i--) {
      stripes[i].unlock();
    }
  }

  private ReentrantLock stripeOf(K key) {
    return stripes[stripeIndex(key)];
  }

  private static int stripeIndex(Object key) {
    int hash = key.hashCode(); // within this JVM only: it picks a lock, never a node
    return (hash ^ (hash >>> 16)) & (STRIPES - 1);
  }
}
