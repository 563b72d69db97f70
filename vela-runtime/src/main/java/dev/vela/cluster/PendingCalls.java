package dev.vela.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The calls this node has sent and not yet heard back from, by id. A reply completes its call; one
 * thread of the node ends those whose time is up, woken at the earliest deadline (see {@link
 * #earliestDeadline}), and a view without their member ends those to a node that left. One map and
 * one timer for every call, instead of a timer task scheduled and cancelled per call.
 */
final class PendingCalls {
  /**
   * A call waiting for its reply.
   *
   * @param member the called member
   * @param cacheName the calling cache
   * @param timeout how long it may wait
   * @param deadlineNanos when it gives up, on {@link System#nanoTime()}'s scale
   * @param reply completed with the reply bytes
   * @param frame set once the call has left, to the flag its frame's first reply raises
   */
  record Pending(String member, String cacheName, Duration timeout, long deadlineNanos, CompletableFuture<byte[]> reply,
      AtomicReference<AtomicBoolean> frame) {}

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  /** Registers a call that gives up at {@code deadlineNanos} and returns its id. */
  long add(String member, String cacheName, Duration timeout, long deadlineNanos, CompletableFuture<byte[]> reply) {
    long id = ids.incrementAndGet();
    pending.put(id, new Pending(member, cacheName, timeout, deadlineNanos, reply, new AtomicReference<>()));
    return id;
  }

  /** The earliest deadline of the calls under way, or empty when there are none. */
  OptionalLong earliestDeadline() {
    boolean any = false;
    long earliest = 0;
    for (Pending call : pending.values()) {
      if (!any || call.deadlineNanos() - earliest < 0) {
        earliest = call.deadlineNanos();
        any = true;
      }
    }
    return any ? OptionalLong.of(earliest) : OptionalLong.empty();
  }

  /** How many calls are under way. */
  int underWay() {
    return pending.size();
  }

  /** Call {@code id} under way, or null when it has ended. */
  Pending get(long id) {
    return pending.get(id);
  }

  /** Removes and returns call {@code id}, or null when it has ended already. */
  Pending take(long id) {
    return pending.remove(id);
  }

  /** Removes and returns the calls whose deadline has passed at {@code nowNanos}. */
  Collection<Pending> takeExpired(long nowNanos) {
    return takeIf(call -> call.deadlineNanos() - nowNanos <= 0);
  }

  /** Removes and returns the calls that {@code test} picks. */
  Collection<Pending> takeIf(Predicate<Pending> test) {
    if (pending.isEmpty()) {
      return java.util.List.of();
    }
    java.util.List<Pending> taken = new java.util.ArrayList<>();
    for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
      if (test.test(entry.getValue()) && pending.remove(entry.getKey(), entry.getValue())) {
        taken.add(entry.getValue());
      }
    }
    return taken;
  }
}
