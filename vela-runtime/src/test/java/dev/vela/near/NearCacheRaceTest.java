package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Reads on one node race writes on another: once a write is acknowledged and its invalidation
 * delivered, no read may return an older value, however the reads and the invalidation interleave.
 */
class NearCacheRaceTest {
  private static final int KEYS = 4;
  private static final int WRITES_PER_KEY = 3_000;
  private static final int READERS = 3;

  @Test
  void noReadReturnsAValueOlderThanTheLastAcknowledgedWrite() throws Exception {
    ManualClock clock = new ManualClock();
    SharedL2 l2 = new SharedL2(clock);
    var config = TestCaches.strings("race", clock).nearCache(true).config();
    NearCacheTopology<String, String> writer = NearCacheTopology.wrap(config, l2.node("writer"), clock, new Ignored());
    NearCacheTopology<String, String> reader = NearCacheTopology.wrap(config, l2.node("reader"), clock, new Ignored());
    for (int k = 0; k < KEYS; k++) {
      writer.put("k" + k, "0", StoredEntry.NO_EXPIRY, Set.of());
    }
    // the version of each key whose write, and its invalidation, have completed
    AtomicIntegerArray acknowledged = new AtomicIntegerArray(KEYS);
    AtomicLong reads = new AtomicLong();
    ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();

    Concurrently.run(READERS + 1, Duration.ofSeconds(60), thread -> {
      if (thread == READERS) {
        for (int version = 1; version <= WRITES_PER_KEY && System.nanoTime() < until; version++) {
          for (int k = 0; k < KEYS; k++) {
            writer.put("k" + k, Integer.toString(version), StoredEntry.NO_EXPIRY, Set.of());
            acknowledged.set(k, version);
          }
        }
        acknowledged.set(0, -1 - acknowledged.get(0)); // tells the readers to stop
        return;
      }
      while (acknowledged.get(0) >= 0 && System.nanoTime() < until) {
        for (int k = 0; k < KEYS; k++) {
          int floor = acknowledged.get(k);
          if (floor < 0) {
            break;
          }
          int seen = Integer.parseInt(reader.get("k" + k));
          reads.incrementAndGet();
          if (seen < floor) {
            stale.add("k" + k + ": read " + seen + " after write " + floor + " was acknowledged");
          }
        }
      }
    });

    assertThat(stale).isEmpty();
    assertThat(reads.get()).as("the readers read").isPositive();
    for (int k = 0; k < KEYS; k++) {
      assertThat(reader.get("k" + k)).as("the last value of k%d", k).isEqualTo(writer.get("k" + k));
    }
  }

  /** Counts nothing. */
  private static final class Ignored implements L1Counter {
    @Override
    public void recordL1Hit() {}

    @Override
    public void recordL1HitRead() {}

    @Override
    public void recordRead(boolean hit) {}

    @Override
    public void recordL1Miss() {}
  }
}
