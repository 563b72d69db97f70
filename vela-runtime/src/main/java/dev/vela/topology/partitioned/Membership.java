package dev.vela.topology.partitioned;

import dev.vela.topology.TransactionLocks;
import dev.vela.topology.ring.HashRing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the cluster's views for one partitioned cache, one step at a time on a thread of its
 * own (never a network thread: moving keys waits for other nodes). It asks each new member whether
 * it runs this cache, and the ring holds only those that do (and, in the first ring, those that
 * could not answer in time, see {@link Routing#presume}); the question also tells them that this
 * node runs it. After each change of the ring it moves keys to their new owners and backups,
 * retrying a receiver it could not reach with growing pauses, and tells the others it is done only
 * once every key has arrived, so that until then new owners keep asking this node for the keys it
 * still holds.
 *
 * <p>A member that asks this node whether it runs the cache hears the answer only once this node's
 * ring includes it (see {@link HeldAnswers}), so that when its {@code create()} returns, both route
 * every key alike.
 */
final class Membership {
  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
  private static final long FIRST_RETRY_MILLIS = 200;
  private static final int RETRIES = 8; // 200 ms doubling: about 50 s in all
  /** How often a member that did not answer whether it runs the cache is asked again, and the longest pause. */
  private static final int ANNOUNCE_RETRIES = 12;
  private static final long ANNOUNCE_PAUSE_CAP_MILLIS = 5_000;
  /**
   * The first ring waits for every member's first answer to whether it runs this cache: the node of
   * one that does not says so at once, one that does answers once its ring holds this node (at most
   * the answer limit later), and one that cannot answer fails within the rpcTimeout. A first ring
   * built without a member that runs the cache would make this node the owner of keys that the
   * others route to that member: writes acknowledged here would be missed by reads there until this
   * node's next ring handed them over (a node that joined under load and built its first ring after
   * a fixed 500 ms lost sight of its first acknowledged writes so). Beyond this many answer limits,
   * the first ring is built anyway: a backstop, since every question ends within the rpcTimeout.
   *
   * <p>A node handing keys to a cache that closes and starts again must not hold up the new cache's
   * first ring: that cache takes no copy before its first ring, which waits for the sender's
   * answer, given on the thread that sends the copies. So the sender stops sending once
   * its ring has lost the closed cache ({@link Migration#moveWhile}), and copies to a node where the
   * cache does not run fail at once instead of waiting there for it ({@link Remote#copy}). A copy
   * sent before the sender heard of the close, and delayed until the cache is back, waits there for
   * the first ring only briefly, then goes back to its sender ({@link PartitionEndpoint}).
   */
  private static final int FIRST_RING_LIMIT_ANSWERS = 3;

  private final String cacheName;
  private final String self;
  private final Routing routing;
  private final Remote<?, ?> remote;
  private final Migration<?, ?> migration;
  private final FetchClaims<?> claims;
  private final TransactionLocks<?> locks;
  private final PartitionChangeFeed<?> changes;
  private final ScheduledThreadPoolExecutor steps;
  private final HeldAnswers answers;
  private final long firstRingLimitMillis;
  private final CountDownLatch firstRing = new CountDownLatch(1);
  // members asked whether they run this cache, by ask; also read where answers arrive
  private final Map<String, Long> asked = new java.util.concurrent.ConcurrentHashMap<>();
  private static final long CLOSED = 0; // in asked: its cache closed since; it says so itself if it starts again
  private long asks; // numbers each ask from 1, so that a retry of an ask a later view has replaced stops
  private List<String> latestView = List.of();
  private boolean firstRoundStarted;
  private volatile boolean firstRoundDone; // also read where answers arrive
  private int handoverAttempt; // grows with each retry of the same ring's handover

  /**
   * Follows views for {@code cacheName} on node {@code self}. An answer to a member that asked
   * whether this node runs the cache waits for the ring to include that member at most {@code
   * answerLimit}: keep it below the rpcTimeout, or the asker gives up on this node.
   */
  Membership(String cacheName, String self, Routing routing, Remote<?, ?> remote, Migration<?, ?> migration,
      FetchClaims<?> claims, TransactionLocks<?> locks, PartitionChangeFeed<?> changes, Duration answerLimit) {
    this.cacheName = cacheName;
    this.self = self;
    this.routing = routing;
    this.remote = remote;
    this.migration = migration;
    this.claims = claims;
    this.locks = locks;
    this.changes = changes;
    this.answers = new HeldAnswers(cacheName, answerLimit);
    this.firstRingLimitMillis = Math.max(1, answerLimit.toMillis()) * FIRST_RING_LIMIT_ANSWERS;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "vela-" + cacheName + "-views-" + self);
      thread.setDaemon(true);
      return thread;
    });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.steps = executor;
  }

  /** Counts down once the first ring is built, from the members that answered that they run this cache. */
  CountDownLatch firstRing() {
    return firstRing;
  }

  /** A new view of the cluster; followed on this cache's own thread. */
  void viewChanged(List<String> members) {
    run(() -> follow(members));
  }

  /**
   * {@code member} said it runs this cache (it asked this node, or told that it moved its keys):
   * from the next step on, the ring includes it.
   */
  void runs(String member) {
    if (routing.running(member) != null) {
      run(() -> apply(routing.lastMembers()));
    }
  }

  /**
   * {@code member} asked whether this node runs the cache, telling that it runs it too, and
   * whether it had lost this node from its view ({@code apart}): from the next step on, the ring
   * includes it, and {@code answer} is sent once it does (see {@link HeldAnswers}). A question
   * that comes before the view holding {@code member} waits for that view.
   */
  void answerRuns(String member, boolean apart, Runnable answer) {
    if (apart) {
      // it lost this node from its view and is back: this node may not even have noticed (it was
      // stopped meanwhile). Before the answer lets it route keys here, reads here look for newer
      // writes on its side, and this node moves its keys again
      routing.backFromApart(member);
      run(() -> apply(routing.lastMembers()));
    }
    runs(member);
    if (routing.isLeaving()) {
      answer.run(); // this node's ring no longer changes; it tells the others it left once its keys are handed over
      return;
    }
    answers.answer(member, this::inRing, answer);
  }

  /**
   * A merged view shows that {@code members} were in a view without this node. Those it knew to
   * run the cache are on the other side from now on, as when one says so itself ({@link
   * #answerRuns}), which it does only once its own ring holds this node again: until then reads
   * here would serve copies that its writes made apart have replaced. The merged view that
   * follows moves this node's keys again. A member that this node does not know to run the cache
   * (it never did, or this node saw it leave, and asks it anew with the view that brings it back)
   * is left to that question.
   */
  void apartFrom(Set<String> members) {
    for (String member : members) {
      if (routing.knowsRunning(member)) {
        routing.backFromApart(member);
      }
    }
  }

  /**
   * The cache on {@code member} has closed and handed its keys over: the ring leaves it out from
   * now on, and this node moves its keys for that ring, as after a view change. A handover for the
   * ring before stops when the ring changes, so without this one keys it had not sent yet would
   * stay here, where the new ring does not look for them.
   */
  void departed(String member) {
    asked.replace(member, CLOSED); // an answer to a question asked before it closed no longer counts
    if (routing.depart(member)) {
      claims.retainHolders(routing.ring().members());
      run(() -> {
        handoverAttempt = 0;
        handOver(routing.ring());
      });
    }
  }

  /** Stops following views: the cache is closing. Held answers go out now. */
  void close() {
    steps.shutdownNow();
    answers.close();
  }

  private boolean inRing(String member) {
    return routing.ring().contains(member);
  }

  /** True when a step is due on this cache's thread, other than the one running. */
  private boolean stepWaiting() {
    return steps.getQueue().peek() instanceof Delayed next && next.getDelay(TimeUnit.NANOSECONDS) <= 0;
  }

  private void run(Runnable step) {
    if (!steps.isShutdown()) {
      try {
        steps.execute(step);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // the cache closed meanwhile: no view matters any more
      }
    }
  }

  private void follow(List<String> members) {
    latestView = members;
    asked.keySet().retainAll(members);
    List<CompletableFuture<Boolean>> answers = new ArrayList<>();
    for (String member : members) {
      if (!member.equals(self) && !asked.containsKey(member)) {
        long ask = ++asks;
        asked.put(member, ask);
        answers.add(announce(member, routing.wasLost(member), ask, 0));
      }
    }
    if (firstRoundDone) {
      apply(members);
    } else if (!firstRoundStarted) {
      // the first ring waits for every first answer (see FIRST_RING_LIMIT_ANSWERS)
      firstRoundStarted = true;
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> run(this::buildFirstRing));
      try {
        steps.schedule(this::buildFirstRing, firstRingLimitMillis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // the cache closed meanwhile
      }
    }
  }

  /**
   * Tells {@code member} that this node runs the cache and asks whether it does; completes with
   * whether it answered. The question and its answer may be lost (a reply that comes after the
   * rpcTimeout on a busy machine, a node paused meanwhile): this node then asks again, with growing
   * pauses, while the member is in the view and not known to run the cache. Without that, a member
   * whose own question to this node was lost too would stay out of this node's ring for as long as
   * both stay in the view. A member whose node says the cache does not run there is not asked
   * again: its cache says so itself when it starts (and asks again itself until it is answered),
   * and an answer from a cache that starts and closes again meanwhile could come after its close.
   */
  private CompletableFuture<Boolean> announce(String member, boolean apart, long ask, int attempt) {
    return remote.announce(member, apart).handle((ok, failure) -> {
      if (failure == null) {
        if (Long.valueOf(ask).equals(asked.get(member))) { // else its cache closed since, or it left the view
          if (apart) {
            routing.backFromApart(member); // it may have taken writes while apart
          }
          runs(member);
        }
        return true;
      }
      boolean unanswered = unanswered(failure);
      if (unanswered && !firstRoundDone) {
        routing.presume(member); // see Routing.presume
      } else if (!unanswered || attempt >= ANNOUNCE_RETRIES) {
        leaveOutIfPresumed(member);
      }
      if (unanswered && attempt < ANNOUNCE_RETRIES) {
        long pause = Math.min(ANNOUNCE_PAUSE_CAP_MILLIS, FIRST_RETRY_MILLIS << attempt);
        try {
          steps.schedule(() -> announceAgain(member, apart, ask, attempt + 1), pause, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
          // the cache closed meanwhile
        }
      }
      return false;
    });
  }

  /** True when a question failed for want of an answer in time, rather than with one (such as that the cache does not run there). */
  private static boolean unanswered(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private void leaveOutIfPresumed(String member) {
    if (routing.unpresume(member)) {
      run(() -> apply(routing.lastMembers()));
    }
  }

  /**
   * Asks {@code member} again, unless it has left the view since (a later view that holds it asks
   * anew) or is known to run the cache by now.
   */
  private void announceAgain(String member, boolean apart, long ask, int attempt) {
    if (Long.valueOf(ask).equals(asked.get(member)) && !routing.knowsRunning(member)) {
      announce(member, apart, ask, attempt); // apart as first asked: telling it twice only moves keys once more
    }
  }

  private void buildFirstRing() {
    if (!firstRoundDone) {
      firstRoundDone = true;
      apply(latestView);
      firstRing.countDown();
    }
  }

  private void apply(List<String> members) {
    if (!firstRoundDone) {
      return; // the first ring is built when every member has answered
    }
    boolean first = firstRing.getCount() > 0;
    HashRing before = routing.update(members, first);
    answers.ringChanged(this::inRing); // before the handover below, which may take long
    claims.retainHolders(members);
    locks.retainHolders(members);
    changes.viewChanged();
    if (before != null) {
      handoverAttempt = 0;
      handOver(routing.ring());
    }
  }

  /**
   * Moves keys for {@code ring}; while some receiver cannot be reached, tries again later, unless
   * the ring changed. Between two batches it makes way for a step that waits (a new view, or a
   * member that said it runs the cache), then goes on: a member that asks this node meanwhile hears
   * its answer once the ring holds it, and that should not wait for every key to move.
   */
  private void handOver(HashRing ring) {
    if (routing.ring() != ring) {
      return; // a later view moves the keys for its own ring
    }
    boolean complete;
    try {
      complete = migration.moveWhile(ring, () -> routing.ring() == ring && !stepWaiting());
    } catch (RuntimeException e) {
      LOG.warn("cache '" + cacheName + "' failed to move keys after a view change", e);
      complete = false;
    }
    if (complete) {
      remote.handoverDone(Routing.ringId(ring));
      return;
    }
    if (routing.ring() != ring) {
      // a later ring took over; keys not sent stay here, and the next handover moves those this node does not own
      return;
    }
    if (stepWaiting()) {
      run(() -> handOver(ring)); // after that step; the keys moved so far have left, so the rest go next
      return;
    }
    if (handoverAttempt >= RETRIES) {
      LOG.warn("cache '" + cacheName + "' gave up handing keys over after " + RETRIES + " retries; this node keeps"
          + " them and answers for them until the next view change");
      return;
    }
    long pause = FIRST_RETRY_MILLIS << handoverAttempt++;
    try {
      steps.schedule(() -> handOver(ring), pause, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the cache closed meanwhile
    }
  }
}
