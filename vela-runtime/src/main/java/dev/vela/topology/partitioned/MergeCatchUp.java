package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.config.Durations;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.Versioned;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds the newest copy of a key on the other side while members back from being apart are there
 * (see {@link Routing}), for {@link Partition} to apply before it serves or changes the key.
 *
 * <p>A node that was stopped long enough to be excluded holds copies that writes made meanwhile
 * on the other side have replaced. Serving them when the other side cannot be asked (a call lost
 * or late under load) would return a value older than an acknowledged write, so a failed question
 * is asked again, of the key's owner on the other side and then of its backups there, with short
 * pauses, until one answers or the rpcTimeout has passed since the first question; then the call
 * fails rather than serve the copy here. A replica that has left the other side meanwhile (it moved
 * its keys here, or left the view) is no longer asked.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class MergeCatchUp<K, V> {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long PAUSE_CAP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Routing routing;
  private final Remote<K, V> remote;
  private final int replicas;

  /** Asks the other side through {@code remote}; a key has {@code replicas} copies (its owner and backups). */
  MergeCatchUp(Routing routing, Remote<K, V> remote, int replicas) {
    this.routing = routing;
    this.remote = remote;
    this.replicas = replicas;
  }

  /**
   * The key's copy on the other side, with its version; null when no member is on the other side
   * or the replica asked holds none.
   *
   * @throws VelaException when no replica on the other side answered within the rpcTimeout
   */
  Versioned<V> newest(K key, long hash) {
    Duration limit = remote.rpcTimeout();
    long deadline = System.nanoTime() + limit.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    int failures = 0;
    VelaException last = null;
    while (true) {
      HashRing otherSide = routing.state().otherSide();
      if (otherSide == null) {
        return null;
      }
      List<String> holders = otherSide.ownersOf(hash, Math.min(replicas, otherSide.members().size()));
      for (String holder : holders) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        if (!stillOnOtherSide(holder)) {
          continue;
        }
        try {
          return remote.held(holder, key, Duration.ofNanos(left));
        } catch (VelaException failed) {
          failures++;
          last = failed;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new VelaException("could not read the newest copy of a key from the members back from being apart ("
            + String.join(", ", otherSide.members()) + "): " + failures + " questions failed within rpcTimeout "
            + Durations.format(limit) + ", and the copy on this node may be older than a write they acknowledged;"
            + " try again, or raise rpcTimeout", last);
      }
      LockSupport.parkNanos(Math.min(pause, left)); // a pause before asking again: the answer was lost or late
      pause = Math.min(PAUSE_CAP_NANOS, pause * 2);
    }
  }

  private boolean stillOnOtherSide(String holder) {
    HashRing side = routing.state().otherSide();
    return side != null && side.contains(holder);
  }
}
