package dev.vela.cluster;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The calls a node's connections have read and handed to the transport's pool, numbered in the
 * order they were read, until each has reached its cache. Calls from one node are read in the order
 * it sent them, so once a reply from it has come, the calls it sent before that reply are among
 * those numbered so far: {@link #await} waits for them.
 */
final class HandedOnCalls {
  /** How often {@link #await} looks again: a cache that closes waits about this long at most for nothing. */
  private static final long POLL_NANOS = 200_000;

  private final AtomicLong numbers = new AtomicLong();
  private final ConcurrentSkipListSet<Long> underWay = new ConcurrentSkipListSet<>();

  /** Numbers calls about to be handed on; pass the number to {@link #reached} once they reach their cache. */
  Long handing() {
    Long number = numbers.incrementAndGet();
    underWay.add(number);
    return number;
  }

  /** The calls numbered {@code number} have reached their cache, or were dropped. */
  void reached(Long number) {
    underWay.remove(number);
  }

  /**
   * Waits, at most {@code timeout}, until every call numbered so far has reached its cache; false
   * when the time ran out.
   */
  boolean await(Duration timeout) {
    long upTo = numbers.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!underWay.headSet(upTo, true).isEmpty()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return true;
  }
}
