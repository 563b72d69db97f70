package dev.vela.topology.replicated;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The other members that run this replicated cache, to which every write goes.
 *
 * <p>A write holds the peers steady while it applies locally and sends itself to them; adding a
 * peer waits for such writes to finish. So a write either reached every old peer before a new one
 * was added (and is in whatever contents the new one is then sent), or is sent to the new one too.
 */
final class Peers {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<String> members = new LinkedHashSet<>();

  /** Runs {@code write} with the current peers, which do not change until it returns. */
  <T> T whileSteady(Function<List<String>, T> write) {
    lock.readLock().lock();
    try {
      List<String> now;
      synchronized (members) {
        now = List.copyOf(members);
      }
      return write.apply(now);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The peers now. */
  List<String> now() {
    synchronized (members) {
      return List.copyOf(members);
    }
  }

  /** Adds {@code member} once every write under way has reached the current peers; true when new. */
  boolean add(String member) {
    lock.writeLock().lock();
    try {
      synchronized (members) {
        return members.add(member);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets {@code member}: its cache closed. */
  void remove(String member) {
    synchronized (members) {
      members.remove(member);
    }
  }

  /** Forgets the peers that are no longer in the cluster's view. */
  void retain(Collection<String> view) {
    synchronized (members) {
      members.retainAll(view);
    }
  }
}
