package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.backend.StoredEntry;
import dev.vela.config.CacheConfig;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NearCacheTopologyTest {
  private final ManualClock clock = new ManualClock();
  private final SharedL2 l2 = new SharedL2(clock);
  private final CountingL1 countsA = new CountingL1();
  private final CountingL1 countsB = new CountingL1();
  private final NearCacheTopology<String, String> nodeA = near(l2.node("a"), countsA, -1);
  private final SharedL2.Node l2OfB = l2.node("b");
  private final NearCacheTopology<String, String> nodeB = near(l2OfB, countsB, -1);

  private NearCacheTopology<String, String> near(SharedL2.Node node, L1Counter counter, long maxSize) {
    CacheConfig config = TestCaches.strings("near", clock)
        .nearCache(true)
        .nearCacheL1Ttl(Duration.ofSeconds(60))
        .maxSize(maxSize)
        .evictionPolicy(maxSize > 0 ? dev.vela.annotation.EvictionPolicy.LRU : dev.vela.annotation.EvictionPolicy.TTL_ONLY)
        .config();
    return NearCacheTopology.wrap(config, node, clock, counter);
  }

  /** Writes straight into the L2, so no near cache hears of it. */
  private void writeBehindTheNearCaches(String key, String value) {
    l2.backend.put(key, value, StoredEntry.NO_EXPIRY, Set.of());
  }

  @Test
  void aMissIsReadFromTheL2AndKeptThenTheL1Answers() {
    writeBehindTheNearCaches("k", "v1");

    assertThat(nodeA.get("k")).isEqualTo("v1");
    writeBehindTheNearCaches("k", "unseen");

    assertThat(nodeA.get("k")).as("answered by the L1").isEqualTo("v1");
    assertThat(countsA.misses.get()).isEqualTo(1);
    assertThat(countsA.hits.get()).isEqualTo(1);
    assertThat(nodeA.l1Entries()).isEqualTo(1);
  }

  @Test
  void aCountedReadTheL1AnswersIsCountedOnceAsAnL1HitRead() {
    writeBehindTheNearCaches("k", "v1");

    assertThat(nodeA.countedGet("k", countsA)).as("read from the L2").isEqualTo("v1");
    assertThat(nodeA.countedGet("k", countsA)).as("answered by the L1").isEqualTo("v1");
    assertThat(nodeA.countedGet("none", countsA)).isNull();

    assertThat(countsA.hitReads.get()).as("L1 answers").isEqualTo(1);
    assertThat(countsA.hits.get()).as("no separate L1 hit count").isZero();
    assertThat(countsA.misses.get()).as("L1 misses").isEqualTo(2);
    assertThat(countsA.readHits.get()).as("hits read from the L2").isEqualTo(1);
    assertThat(countsA.readMisses.get()).isEqualTo(1);
  }

  @Test
  void anAbsentKeyIsAnL1MissAndNothingIsKept() {
    assertThat(nodeA.get("none")).isNull();
    assertThat(nodeA.get("none")).isNull();

    assertThat(countsA.misses.get()).isEqualTo(2);
    assertThat(nodeA.l1Entries()).isZero();
  }

  @Test
  void aWriteOnOneNodeRemovesTheKeyFromTheOtherNodesL1() {
    nodeA.put("k", "v1", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeB.get("k")).isEqualTo("v1");

    nodeA.put("k", "v2", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(nodeB.get("k")).isEqualTo("v2");
  }

  @Test
  void aWriteHereRemovesTheKeyFromThisL1() {
    nodeA.put("k", "v1", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeA.get("k")).isEqualTo("v1");

    nodeA.putAll(Map.of("k", new StoredEntry<>("v2", StoredEntry.NO_EXPIRY, Set.of())));
    assertThat(nodeA.get("k")).isEqualTo("v2");

    assertThat(nodeA.delete("k")).isTrue();
    assertThat(nodeA.get("k")).isNull();
  }

  @Test
  void deleteTagInvalidationAndFlushReachEveryL1() {
    nodeA.put("deleted", "d", StoredEntry.NO_EXPIRY, Set.of());
    nodeA.put("tagged", "t", StoredEntry.NO_EXPIRY, Set.of("red"));
    nodeA.put("flushed", "f", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeB.get("deleted")).isEqualTo("d");
    assertThat(nodeB.get("tagged")).isEqualTo("t");
    assertThat(nodeB.get("flushed")).isEqualTo("f");

    nodeA.delete("deleted");
    assertThat(nodeB.get("deleted")).isNull();

    assertThat(nodeA.invalidateTag("red")).isEqualTo(1);
    assertThat(nodeB.get("tagged")).isNull();
    assertThat(nodeB.get("flushed")).isEqualTo("f");

    nodeA.flush();
    assertThat(nodeB.get("flushed")).isNull();
  }

  @Test
  void theL1KeepsAnEntryForAtMostItsTtl() {
    writeBehindTheNearCaches("k", "v1");
    assertThat(nodeA.get("k")).isEqualTo("v1");
    writeBehindTheNearCaches("k", "v2");

    clock.advance(Duration.ofSeconds(59));
    assertThat(nodeA.get("k")).isEqualTo("v1");
    clock.advance(Duration.ofSeconds(1));
    // the ticking thread removes the entry at its next tick, without any read
    Concurrently.await(Duration.ofSeconds(10), "the ticking thread removes the L1 entry", () -> nodeA.l1Entries() == 0);
    assertThat(nodeA.get("k")).isEqualTo("v2");
  }

  @Test
  void theL1NeverKeepsAnEntryPastItsOwnExpiry() {
    nodeA.put("k", "v", clock.millis() + 5_000, Set.of());
    assertThat(nodeB.get("k")).isEqualTo("v");

    clock.advance(Duration.ofSeconds(5));

    assertThat(nodeB.get("k")).isNull();
  }

  @Test
  void maxSizeBoundsTheL1() {
    NearCacheTopology<String, String> bounded = near(l2.node("c"), new CountingL1(), 10);
    for (int i = 0; i < 50; i++) {
      writeBehindTheNearCaches("k" + i, "v");
      bounded.get("k" + i);
    }
    assertThat(bounded.l1Entries()).isLessThanOrEqualTo(10);
  }

  @Test
  void aReadInFlightWhileItsKeyIsInvalidatedIsNotKept() throws Exception {
    nodeA.put("k", "old", StoredEntry.NO_EXPIRY, Set.of());
    CountDownLatch readDone = new CountDownLatch(1);
    CountDownLatch writeDelivered = new CountDownLatch(1);
    l2OfB.afterRead = key -> {
      readDone.countDown();
      awaitLatch(writeDelivered);
    };
    CompletableFuture<String> slowRead = CompletableFuture.supplyAsync(() -> nodeB.get("k"));
    assertThat(readDone.await(10, TimeUnit.SECONDS)).isTrue();

    nodeA.put("k", "new", StoredEntry.NO_EXPIRY, Set.of()); // its invalidation reaches b during the read
    writeDelivered.countDown();

    assertThat(slowRead.get(10, TimeUnit.SECONDS)).as("the read began before the write").isEqualTo("old");
    l2OfB.afterRead = key -> {};
    assertThat(nodeB.get("k")).isEqualTo("new");
  }

  @Test
  void aFlushDuringAReadDropsWhatTheReadFound() throws Exception {
    nodeA.put("k", "old", StoredEntry.NO_EXPIRY, Set.of());
    CountDownLatch readDone = new CountDownLatch(1);
    CountDownLatch flushed = new CountDownLatch(1);
    l2OfB.afterRead = key -> {
      readDone.countDown();
      awaitLatch(flushed);
    };
    CompletableFuture<String> slowRead = CompletableFuture.supplyAsync(() -> nodeB.get("k"));
    assertThat(readDone.await(10, TimeUnit.SECONDS)).isTrue();

    nodeA.flush();
    flushed.countDown();

    slowRead.get(10, TimeUnit.SECONDS);
    l2OfB.afterRead = key -> {};
    assertThat(nodeB.get("k")).isNull();
  }

  @Test
  void whileAFeedIsDownNothingIsKeptAndWhatWasKeptIsForgotten() {
    writeBehindTheNearCaches("k", "v1");
    assertThat(nodeB.get("k")).isEqualTo("v1");

    l2OfB.live(false);
    l2OfB.listener().allChanged();
    writeBehindTheNearCaches("k", "v2");
    assertThat(nodeB.get("k")).isEqualTo("v2");
    writeBehindTheNearCaches("k", "v3");
    assertThat(nodeB.get("k")).as("not kept while the feed is down").isEqualTo("v3");
    assertThat(nodeB.l1Entries()).isZero();

    l2OfB.live(true);
    assertThat(nodeB.get("k")).isEqualTo("v3");
    assertThat(nodeB.l1Entries()).isEqualTo(1);
  }

  @Test
  void aFailedL2ReadReachesTheCallerAsItWasThrownAndNothingIsKept() {
    writeBehindTheNearCaches("k", "v");
    IllegalStateException down = new IllegalStateException("the L2 is down");
    l2OfB.afterRead = key -> {
      throw down;
    };

    assertThatThrownBy(() -> nodeB.countedGet("k", countsB)).isSameAs(down);
    assertThatThrownBy(() -> nodeB.get("k")).isSameAs(down);
    assertThat(nodeB.l1Entries()).isZero();

    l2OfB.afterRead = key -> {};
    assertThat(nodeB.get("k")).isEqualTo("v");
  }

  @Test
  void closeStopsListeningAndClosesTheL2() {
    nodeB.close();
    assertThat(l2OfB.listener()).isNull();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the test did not release the read within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Counts L1 hits and misses, and the counted reads' hits and misses. */
  static final class CountingL1 implements L1Counter {
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger hitReads = new AtomicInteger(); // counted reads the L1 answered
    final AtomicInteger readHits = new AtomicInteger();
    final AtomicInteger readMisses = new AtomicInteger();

    @Override
    public void recordL1Hit() {
      hits.incrementAndGet();
    }

    @Override
    public void recordL1HitRead() {
      hitReads.incrementAndGet();
    }

    @Override
    public void recordRead(boolean hit) {
      (hit ? readHits : readMisses).incrementAndGet();
    }

    @Override
    public void recordL1Miss() {
      misses.incrementAndGet();
    }
  }
}
