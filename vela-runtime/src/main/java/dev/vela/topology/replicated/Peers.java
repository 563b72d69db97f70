package dev.vela.topology.replicated;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The other members that run this replicated cache, to which every write goes.
 *
 * <p>A write holds the peers steady while it applies locally and sends itself to them; adding a
 * peer waits for such writes to finish. So a write either reached every old peer before a new one
 * was added (and is in whatever contents the new one is then sent), or is sent to the new one too.
 * An asynchronous write holds them steady only while it applies locally and sends itself; until
 * every peer has confirmed it, it counts as in flight, and adding a peer waits for the writes in
 * flight as well, with new writes held back meanwhile: the same guarantee, without a thread
 * waiting for the confirmations.
 */
final class Peers {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<String> members = new LinkedHashSet<>();
  private final Object flights = new Object();
  private int inFlight; // guarded by flights

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

  /**
   * Runs {@code write} with the current peers, which do not change until it has returned and the
   * future it returned has completed; the calling thread does not wait for that future.
   */
  <T> CompletableFuture<T> whileSteadyAsync(Function<List<String>, CompletableFuture<T>> write) {
    CompletableFuture<T> sent;
    lock.readLock().lock();
    try {
      List<String> now;
      synchronized (members) {
        now = List.copyOf(members);
      }
      synchronized (flights) {
        inFlight++;
      }
      try {
        sent = write.apply(now);
      } catch (RuntimeException | Error e) {
        landed();
        throw e;
      }
    } finally {
      lock.readLock().unlock();
    }
    sent.whenComplete((value, failure) -> landed());
    return sent;
  }

  private void landed() {
    synchronized (flights) {
      if (--inFlight == 0) {
        flights.notifyAll();
      }
    }
  }

  /**
   * Waits until no asynchronous write is in flight. Each completes within the rpcTimeout of its
   * requests, so this does not wait for ever; an interrupt ends the wait early, the flag kept.
   */
  void awaitLanded() {
    synchronized (flights) {
      while (inFlight > 0) {
        try {
          flights.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The peers now. */
  List<String> now() {
    synchronized (members) {
      return List.copyOf(members);
    }
  }

  /**
   * Adds {@code member} once every write under way, asynchronous ones included, has reached the
   * current peers; true when new.
   */
  boolean add(String member) {
    lock.writeLock().lock();
    try {
      awaitLanded(); // new writes wait meanwhile: they will be sent to the new member too
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
