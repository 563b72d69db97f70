package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.version.LastWriterWins;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * The copies of keys that move between this node and others, with the versions that order them:
 * copies from writers, owners and old owners are applied here only when newer than what this node
 * holds, and this node's own keys are handed over, and forgotten once moved, with theirs.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class VersionedCopies<K, V> {
  private final String self;
  private final CacheBackend<K, V> backend;
  private final Routing routing;
  private final HybridClock clock;
  private final VersionTable<K> versions;
  private final KeyStripes<K> stripes;
  private final LastWriterWins<K, V> lastWriterWins;

  /** Copies are applied under its read lock; leaving takes its write lock (see {@link #leave}). */
  private final ReentrantReadWriteLock leaveGate = new ReentrantReadWriteLock();

  VersionedCopies(String self, CacheBackend<K, V> backend, Routing routing, HybridClock clock, VersionTable<K> versions,
      KeyStripes<K> stripes, LastWriterWins<K, V> lastWriterWins) {
    this.self = self;
    this.backend = backend;
    this.routing = routing;
    this.clock = clock;
    this.versions = versions;
    this.stripes = stripes;
    this.lastWriterWins = lastWriterWins;
  }

  /**
   * Applies copies from a writer, an owner or an old owner: each one only where it is newer than
   * the write of its key applied here, so copies may arrive in any order, and more than once.
   */
  void apply(Map<K, Versioned<V>> copies) {
    leaveGate.readLock().lock();
    try {
      if (routing.isLeaving()) {
        // this node's own handover has taken its snapshot: what arrived now would be dropped with it
        throw new VelaException("node " + self + " is leaving; keep these keys and hand them to the next ring's owners");
      }
      applyCopies(copies);
    } finally {
      leaveGate.readLock().unlock();
    }
  }

  /**
   * Starts this node's leave: from now on copies sent here are refused, so their senders keep them,
   * and every copy applied before is in the backend when the caller hands this node's keys over.
   * Returns the ring without this node.
   */
  HashRing leave() {
    leaveGate.writeLock().lock();
    try {
      return routing.leave();
    } finally {
      leaveGate.writeLock().unlock();
    }
  }

  /** Applies {@code copies} where newer than this node's writes of their keys, whether or not it is leaving. */
  void applyCopies(Map<K, Versioned<V>> copies) {
    pruneVersionsIfDue();
    copies.forEach((key, copy) -> {
      clock.observe(copy.version().stamp());
      ReentrantLock lock = stripes.of(key);
      lock.lock();
      try {
        if (!lastWriterWins.apply(key, copy)
            && !copy.isRemoval() && copy.version().equals(versionOf(key)) && backend.entry(key) != null) {
          versions.noteReturned(key, copy.version()); // handed away and back: keep it when that handover ends
        }
      } finally {
        lock.unlock();
      }
    });
  }

  /**
   * The entry of {@code key} here with the version of the write that left it, for a new owner that
   * has not received the key yet; null when this node knows no write of it.
   */
  Versioned<V> held(K key) {
    // no key lock: it is answered on a network thread, and the asker holds its own lock of the key
    Version version = versions.versionOf(key);
    StoredEntry<V> entry = backend.entry(key);
    if (version == null && entry == null) {
      return null;
    }
    return new Versioned<>(version != null ? version : oldestVersion(), entry);
  }

  /** The version of the latest write of {@code key} applied here; a key stored without one gets the oldest. */
  Version versionOf(K key) {
    Version version = versions.versionOf(key);
    return version != null ? version : oldestVersion();
  }

  /** A version older than any write: what a copy of a key written without one carries. */
  Version oldestVersion() {
    return new Version(0, self);
  }

  /** The tombstones kept here, for copying to the keys' owners and backups. */
  void forEachRemoval(BiConsumer<K, Version> action) {
    versions.forEachRemoval(action);
  }

  /** The version of {@code key} to hand over, noting that its handover begins. */
  Version versionToHandOver(K key) {
    ReentrantLock lock = stripes.of(key);
    lock.lock();
    try {
      versions.noteHandoverStarted(key);
      return versionOf(key);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes {@code key} after its handover, unless it was written again meanwhile or a copy of it
   * came back (its receiver left again and handed it here).
   */
  void forgetMoved(K key, Version moved) {
    ReentrantLock lock = stripes.of(key);
    lock.lock();
    try {
      if (moved.equals(versionOf(key)) && !versions.isReturned(key)) {
        backend.delete(key);
        versions.forget(key, moved);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Forgets old tombstones now and then; outside any stripe lock, since it looks at every version. */
  void pruneVersionsIfDue() {
    versions.pruneIfDue(key -> backend.entry(key) != null);
  }
}
