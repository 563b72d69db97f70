package dev.vela.backend.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the primaries of a Redis Cluster for a near cache's tracking: it hands the primaries
 * that serve slots, as the shared connection's view of the topology has them, to a follower when
 * Lettuce reports a topology change, when asked to ({@link #checkSoon()}, after a tracked
 * connection dropped) and every {@link #CHECK_EVERY} in any case. While the follower says it is
 * not complete (a primary lost or not tracked yet), each check first asks Lettuce to read the
 * topology again, so a replica promoted after a failover is found within about a check's time.
 * The checks run on a daemon thread of their own, since opening a connection may wait.
 */
final class ClusterPrimaries implements AutoCloseable {
  /** How often the primaries are checked when nothing reports a change. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(ClusterPrimaries.class);

  private final SharedConnection shared;
  private final Predicate<Map<String, RedisURI>> follower;
  private final ScheduledExecutorService checks;
  private final AutoCloseable topologyEvents;

  /**
   * @param follower takes the primaries by {@code host:port}, and answers whether every one of
   *     them is tracked and live
   */
  ClusterPrimaries(SharedConnection shared, String cacheName, Predicate<Map<String, RedisURI>> follower) {
    this.shared = shared;
    this.follower = follower;
    this.checks = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread thread = new Thread(work, "vela-" + cacheName + "-redis-tracking");
      thread.setDaemon(true);
      return thread;
    });
    long every = CHECK_EVERY.toMillis();
    checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    this.topologyEvents = shared.onTopologyChange(this::checkSoon);
  }

  /** The primaries that serve slots now, by {@code host:port}. */
  Map<String, RedisURI> current() {
    return shared.clusterPrimaries();
  }

  /** Checks the primaries on the tracking thread as soon as it is free. */
  void checkSoon() {
    try {
      checks.execute(this::check);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // the feed was unsubscribed
    }
  }

  private void check() {
    try {
      if (!follower.test(current())) {
        // a primary is lost or not tracked: read the topology again, then follow what it says
        shared.refreshTopology().toCompletableFuture().get(shared.timeout().toMillis(), TimeUnit.MILLISECONDS);
        follower.test(current());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("checking the Redis Cluster's primaries failed; trying again in " + CHECK_EVERY, e);
    }
  }

  @Override
  public void close() {
    try {
      topologyEvents.close();
    } catch (Exception e) {
      LOG.debug("could not stop listening to topology changes", e);
    }
    checks.shutdownNow();
  }
}
