package dev.vela.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Requests for a cache that has not started on this node yet (its JVM is up, the cache is still
 * being created). They wait here until it registers, or until their sender has long given up.
 */
final class PendingRequests {
  /** Past this, the oldest waiting request is dropped: its sender's timeout ends it anyway. */
  private static final int MAX_WAITING = 10_000;

  /**
   * A request waiting for its cache.
   *
   * @param from the sender
   * @param payload the request bytes
   * @param reply where its answer goes
   * @param deadlineNanos when the sender has surely given up
   */
  record Pending(String from, byte[] payload, Consumer<byte[]> reply, long deadlineNanos) {}

  private final Map<String, ArrayDeque<Pending>> byCache = new HashMap<>();
  private int waiting;

  synchronized void add(String cacheName, Pending request) {
    ArrayDeque<Pending> queue = byCache.computeIfAbsent(cacheName, name -> new ArrayDeque<>());
    queue.addLast(request);
    waiting++;
    if (waiting > MAX_WAITING) {
      dropExpired(System.nanoTime());
      if (waiting > MAX_WAITING && queue.pollFirst() != null) {
        waiting--;
      }
    }
  }

  /** Removes and returns the requests waiting for {@code cacheName} whose sender may still listen. */
  synchronized List<Pending> takeFor(String cacheName, long nowNanos) {
    ArrayDeque<Pending> queue = byCache.remove(cacheName);
    if (queue == null) {
      return List.of();
    }
    waiting -= queue.size();
    List<Pending> live = new ArrayList<>(queue.size());
    for (Pending request : queue) {
      if (request.deadlineNanos() - nowNanos > 0) {
        live.add(request);
      }
    }
    return live;
  }

  private void dropExpired(long nowNanos) {
    for (ArrayDeque<Pending> queue : byCache.values()) {
      int before = queue.size();
      queue.removeIf(request -> request.deadlineNanos() - nowNanos <= 0);
      waiting -= before - queue.size();
    }
  }
}
