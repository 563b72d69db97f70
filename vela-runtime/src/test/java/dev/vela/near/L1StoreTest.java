package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.config.CacheConfig;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class L1StoreTest {
  private final ManualClock clock = new ManualClock();
  private final TickingClock ticking = new TickingClock(clock);
  private final CacheConfig config =
      TestCaches.strings("l1", clock).nearCache(true).nearCacheL1Ttl(Duration.ofSeconds(60)).config();
  private final L1Store<String, String> l1 = new L1Store<>(config, clock, ticking);

  @AfterEach
  void closeTheL1() {
    l1.close();
  }

  @Test
  void anEntryThatNeverExpiresIsKeptForTheTtlOfTheTickingClock() {
    l1.put("k", new StoredEntry<>("v", StoredEntry.NO_EXPIRY, null));

    clock.advance(Duration.ofSeconds(61));
    l1.removeDue();
    assertThat(l1.get("k")).as("the ticking clock has not ticked yet").isEqualTo("v");
    ticking.tick();
    l1.removeDue();
    assertThat(l1.get("k")).isNull();
    assertThat(l1.queuedDeadlines()).isZero();
  }

  @Test
  void theTickingThreadRemovesEntriesPastTheirTtlWithoutAnyRead() {
    l1.put("k", new StoredEntry<>("v", StoredEntry.NO_EXPIRY, null));
    clock.advance(Duration.ofSeconds(61));
    ticking.tick();

    Concurrently.await(Duration.ofSeconds(10), "the ticking thread removes the entry", () -> l1.heldEntries() == 0);
    assertThat(l1.queuedDeadlines()).isZero();
  }

  @Test
  void aLaterFillOfTheSameKeyMayLeaveEarlyButNeverLate() {
    l1.put("k", new StoredEntry<>("first", StoredEntry.NO_EXPIRY, null));
    clock.advance(Duration.ofSeconds(30));
    ticking.tick();
    l1.put("k", new StoredEntry<>("second", StoredEntry.NO_EXPIRY, null));

    clock.advance(Duration.ofSeconds(30));
    ticking.tick();
    l1.removeDue();

    assertThat(l1.get("k")).as("the first fill's time removes the key, early for the second").isNull();
    assertThat(l1.queuedDeadlines()).isEqualTo(1);
  }

  @Test
  void queuedDeadlinesStayBoundedByTheEntriesHeld() {
    for (int i = 0; i < 5_000; i++) {
      l1.put("k", new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, null));
    }

    assertThat(l1.queuedDeadlines()).isLessThanOrEqualTo(2 * 1 + 1024 + 1);
    assertThat(l1.heldEntries()).isLessThanOrEqualTo(1);
  }

  @Test
  void aClosedL1StopsItsTickTask() {
    L1Store<String, String> closing = new L1Store<>(config, clock, ticking);
    closing.put("k", new StoredEntry<>("v", StoredEntry.NO_EXPIRY, null));
    closing.close();
    assertThat(closing.isRemovingDue()).isFalse();
  }

  @Test
  void anEntryWithItsOwnExpiryIsCheckedAgainstTheCacheClockEvenWhileTheTickingClockLags() {
    l1.put("k", new StoredEntry<>("v", clock.millis() + 5_000, null));

    clock.advance(Duration.ofMillis(4_999));
    assertThat(l1.get("k")).isEqualTo("v");
    clock.advance(Duration.ofMillis(1));
    assertThat(l1.get("k")).as("its own expiry, though the ticking clock never ticked").isNull();
  }

  @Test
  void aFillOfTheOtherKindReplacesTheEntryHeld() {
    l1.put("k", new StoredEntry<>("lasting", StoredEntry.NO_EXPIRY, null));
    l1.put("k", new StoredEntry<>("expiring", clock.millis() + 5_000, null));
    assertThat(l1.get("k")).isEqualTo("expiring");
    assertThat(l1.heldEntries()).isEqualTo(1);

    l1.put("k", new StoredEntry<>("lasting again", StoredEntry.NO_EXPIRY, null));
    assertThat(l1.get("k")).isEqualTo("lasting again");
    assertThat(l1.heldEntries()).isEqualTo(1);
  }

  @Test
  void deletesTagInvalidationsAndFlushesReachBothKinds() {
    l1.put("lasting", new StoredEntry<>("a", StoredEntry.NO_EXPIRY, Set.of("t")));
    l1.put("expiring", new StoredEntry<>("b", clock.millis() + 5_000, Set.of("t")));
    l1.invalidateTag("t");
    assertThat(l1.get("lasting")).isNull();
    assertThat(l1.get("expiring")).isNull();

    l1.put("lasting", new StoredEntry<>("a", StoredEntry.NO_EXPIRY, null));
    l1.put("expiring", new StoredEntry<>("b", clock.millis() + 5_000, null));
    l1.delete("expiring");
    assertThat(l1.get("expiring")).isNull();
    assertThat(l1.get("lasting")).isEqualTo("a");
    l1.flush();
    assertThat(l1.heldEntries()).isZero();
  }

  @Test
  void removeExpiredClearsBothKinds() {
    l1.put("lasting", new StoredEntry<>("a", StoredEntry.NO_EXPIRY, null));
    l1.put("expiring", new StoredEntry<>("b", clock.millis() + 5_000, null));
    clock.advance(Duration.ofSeconds(61));
    ticking.tick();

    l1.removeExpired(16);

    assertThat(l1.heldEntries()).isZero();
  }

  @Test
  void aWeightLimitBoundsTheL1WithTheCachesPolicy() {
    CacheConfig weighted = TestCaches.strings("l1-weighted", clock).nearCache(true)
        .maxWeight(10).weigher((key, value) -> value.length()).config();
    L1Store<String, String> bounded = new L1Store<>(weighted, clock, ticking);
    try {
      bounded.put("a", new StoredEntry<>("1234", StoredEntry.NO_EXPIRY, Set.of()));
      bounded.put("b", new StoredEntry<>("1234", StoredEntry.NO_EXPIRY, Set.of()));
      bounded.put("c", new StoredEntry<>("1234", StoredEntry.NO_EXPIRY, Set.of()));

      assertThat(weighted.evictionPolicy().name()).isEqualTo("ADAPTIVE");
      assertThat(bounded.heldEntries()).as("three of weight 4 exceed 10").isEqualTo(2);
    } finally {
      bounded.close();
    }
  }
}
