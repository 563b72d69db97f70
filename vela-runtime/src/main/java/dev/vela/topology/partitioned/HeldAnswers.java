package dev.vela.topology.partitioned;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to members that asked whether this node runs the cache (op RUNS), held until this node's
 * ring includes the asker. The asker builds its first ring from the answers and its {@code create()}
 * returns then: answering only once this node routes keys to the asker too means both route every
 * key alike from that moment on.
 *
 * <p>Until this node's own first ring is built every answer goes out at once, since two nodes that
 * start together ask each other, and each would otherwise wait for the other's first ring. A held
 * answer goes out anyway after a limit (below the asker's rpcTimeout, so its question never fails
 * for this), and at once when the cache closes.
 */
final class HeldAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(HeldAnswers.class);

  private final String cacheName;
  private final long limitMillis;
  private final Map<String, List<CompletableFuture<Void>>> byAsker = new HashMap<>();
  private boolean holding; // from the first ring on
  private boolean closed;

  HeldAnswers(String cacheName, Duration limit) {
    this.cacheName = cacheName;
    this.limitMillis = Math.max(1, limit.toMillis());
  }

  /**
   * Sends {@code answer} to {@code asker} now when this node's first ring is not built yet, or
   * {@code inRing} says the ring already includes the asker, or the cache is closing; else once
   * {@link #ringChanged} finds it in the ring, at most the limit later.
   */
  void answer(String asker, Predicate<String> inRing, Runnable answer) {
    CompletableFuture<Void> held = new CompletableFuture<>();
    boolean hold;
    synchronized (this) {
      hold = holding && !closed && !inRing.test(asker);
      if (hold) {
        byAsker.computeIfAbsent(asker, a -> new ArrayList<>()).add(held);
      }
    }
    if (!hold) {
      answer.run();
      return;
    }
    held.thenRun(() -> forget(asker, held)); // in time or not: it no longer waits
    held.completeOnTimeout(null, limitMillis, TimeUnit.MILLISECONDS).thenRun(answer);
  }

  /**
   * This node's ring has just changed (or was built for the first time): answers those it
   * includes now, and from now on holds the answers to those it does not include.
   */
  void ringChanged(Predicate<String> inRing) {
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (this) {
      holding = true;
      for (Iterator<Map.Entry<String, List<CompletableFuture<Void>>>> it = byAsker.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, List<CompletableFuture<Void>>> waiting = it.next();
        if (inRing.test(waiting.getKey())) {
          released.addAll(waiting.getValue());
          it.remove();
        }
      }
    }
    released.forEach(held -> held.complete(null));
  }

  /** The cache closes: every held answer goes out now, and later questions are answered at once. */
  void close() {
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (this) {
      closed = true;
      byAsker.values().forEach(released::addAll);
      byAsker.clear();
    }
    released.forEach(held -> held.complete(null));
  }

  private void forget(String asker, CompletableFuture<Void> held) {
    boolean timedOut;
    synchronized (this) {
      List<CompletableFuture<Void>> waiting = byAsker.get(asker);
      timedOut = waiting != null && waiting.remove(held);
      if (waiting != null && waiting.isEmpty()) {
        byAsker.remove(asker);
      }
    }
    if (timedOut) {
      LOG.debug("cache '{}' answered {} that it runs the cache before its ring included {}: it did not within {} ms,"
          + " so for a moment the two may route some keys differently", cacheName, asker, asker, limitMillis);
    }
  }
}
