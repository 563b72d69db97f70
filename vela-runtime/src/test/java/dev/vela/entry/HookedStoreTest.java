package dev.vela.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.backend.WriteCondition;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HookedStoreTest {
  private final ManualClock clock = new ManualClock();
  private final List<EntryEvent<String, Integer>> events = new ArrayList<>();
  private HookedStore<String, Integer> store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private HookedStore<String, Integer> open(EntryHooks<String, Integer> hooks) {
    store = HookedStore.inMemory(hooks.withListener(events::add), clock);
    return store;
  }

  @Test
  void reportsCreatedUpdatedAndRemovedWithOldValues() {
    open(EntryHooks.none());

    store.put("a", 1, WriteCondition.always(), true);
    store.put("a", 2, WriteCondition.always(), true);
    HookedWrite<Integer> removal = store.remove("a", WriteCondition.always(), true);

    assertThat(removal).isEqualTo(new HookedWrite<>(true, 2, false));
    assertThat(events).containsExactly(
        EntryEvent.created("a", 1), EntryEvent.updated("a", 1, 2), EntryEvent.removed("a", 2));
  }

  @Test
  void anExpiredEntryIsReportedWithItsValueWhenFound() {
    open(EntryHooks.<String, Integer>none().withExpiry((key, value) -> Duration.ofSeconds(10)));
    store.put("a", 1, WriteCondition.always(), true);

    clock.advance(Duration.ofSeconds(10));

    assertThat(store.get("a", false)).isEqualTo(new HookedRead<Integer>(null, false));
    assertThat(events).containsExactly(EntryEvent.created("a", 1), EntryEvent.expired("a", 1));
  }

  @Test
  void removingExpiredEntriesReportsEachOnce() {
    open(EntryHooks.<String, Integer>none().withExpiry((key, value) -> Duration.ofSeconds(key.length())));
    store.put("a", 1, WriteCondition.always(), true);
    store.put("abc", 3, WriteCondition.always(), true);
    clock.advance(Duration.ofSeconds(2));

    assertThat(store.removeExpired(100)).isEqualTo(1);
    assertThat(store.removeExpired(100)).isZero();
    assertThat(events).containsExactly(
        EntryEvent.created("a", 1), EntryEvent.created("abc", 3), EntryEvent.expired("a", 1));
    assertThat(store.keys()).containsExactly("abc");
  }

  @Test
  void aReadGivesTheEntryThePolicysReadTimeToLive() {
    open(EntryHooks.<String, Integer>none().withExpiry(new EntryExpiry<>() {
      @Override
      public Duration afterCreate(String key, Integer value) {
        return Duration.ofSeconds(10);
      }

      @Override
      public Duration afterRead(String key, Integer value) {
        return Duration.ofSeconds(30);
      }
    }));
    store.put("a", 1, WriteCondition.always(), true);
    clock.advance(Duration.ofSeconds(5));
    assertThat(store.get("a", false).hit()).isTrue();

    clock.advance(Duration.ofSeconds(20));

    assertThat(store.peek("a")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(store.contains("a")).isFalse();
  }

  @Test
  void anUpdateKeepsTheExpiryWhenThePolicyReturnsNull() {
    open(EntryHooks.<String, Integer>none().withExpiry((key, value) -> Duration.ofSeconds(10)));
    store.put("a", 1, WriteCondition.always(), true);
    clock.advance(Duration.ofSeconds(6));
    store.put("a", 2, WriteCondition.always(), true);

    clock.advance(Duration.ofSeconds(4));

    assertThat(store.contains("a")).isFalse();
  }

  @Test
  void aNewEntryWithNoTimeToLiveIsNotStoredNorReported() {
    open(EntryHooks.<String, Integer>none().withExpiry((key, value) -> Duration.ZERO));

    HookedWrite<Integer> write = store.put("a", 1, WriteCondition.always(), true);

    assertThat(write).isEqualTo(new HookedWrite<Integer>(true, null, false));
    assertThat(store.contains("a")).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void aPolicyThatThrowsNeverLosesAWrite() {
    open(EntryHooks.<String, Integer>none().withExpiry((key, value) -> {
      throw new IllegalStateException("broken policy");
    }));

    store.put("a", 1, WriteCondition.always(), true);
    clock.advance(Duration.ofDays(3650));

    assertThat(store.peek("a")).isEqualTo(1);
  }

  @Test
  void readThroughLoadsAMissAndStoresItAsCreatedWithoutWritingItBack() {
    AtomicInteger writes = new AtomicInteger();
    open(EntryHooks.<String, Integer>none().withLoader(String::length).withWriter(countingWriter(writes)));

    HookedRead<Integer> first = store.get("abc", true);
    HookedRead<Integer> second = store.get("abc", true);

    assertThat(first).isEqualTo(new HookedRead<>(3, false));
    assertThat(second).isEqualTo(new HookedRead<>(3, true));
    assertThat(events).containsExactly(EntryEvent.created("abc", 3));
    assertThat(writes).hasValue(0);
    assertThat(store.get("xyz", false)).isEqualTo(new HookedRead<Integer>(null, false));
  }

  @Test
  void aWriterThatThrowsLeavesTheStoreUnchanged() {
    open(EntryHooks.<String, Integer>none().withWriter(new EntryWriter<>() {
      @Override
      public void write(String key, Integer value) {
        throw new IllegalStateException("database down");
      }

      @Override
      public void delete(String key) {
        throw new IllegalStateException("database down");
      }
    }));

    assertThatThrownBy(() -> store.put("a", 1, WriteCondition.always(), true)).hasMessage("database down");
    assertThat(store.contains("a")).isFalse();
    store.put("a", 1, WriteCondition.always(), false);
    assertThatThrownBy(() -> store.remove("a", WriteCondition.always(), true)).hasMessage("database down");
    assertThat(store.peek("a")).isEqualTo(1);
  }

  @Test
  void conditionalWritesTellTheWriterOnlyWhenTheyApply() {
    AtomicInteger writes = new AtomicInteger();
    open(EntryHooks.<String, Integer>none().withWriter(countingWriter(writes)));
    store.put("a", 1, WriteCondition.always(), true);

    assertThat(store.put("a", 9, WriteCondition.absent(), true).applied()).isFalse();
    assertThat(store.put("a", 9, WriteCondition.valueEquals(2), true).applied()).isFalse();
    assertThat(store.remove("a", WriteCondition.valueEquals(2), true).applied()).isFalse();
    assertThat(store.put("a", 2, WriteCondition.valueEquals(1), true)).isEqualTo(new HookedWrite<>(true, 1, true));

    assertThat(writes).hasValue(2);
  }

  @Test
  void aListenerThatThrowsFailsTheCallerAfterTheChangeIsMade() {
    store = HookedStore.inMemory(EntryHooks.<String, Integer>none().withListener(event -> {
      throw new IllegalStateException("listener failed");
    }), clock);

    assertThatThrownBy(() -> store.put("a", 1, WriteCondition.always(), true)).hasMessage("listener failed");
    assertThat(store.peek("a")).isEqualTo(1);
  }

  @Test
  void eventsOfALockedScopeArriveWhenItEnds() {
    open(EntryHooks.none());
    int seenInside = store.locked("a", () -> {
      store.put("a", 1, WriteCondition.always(), true);
      store.put("a", 2, WriteCondition.always(), true);
      return events.size();
    });

    assertThat(seenInside).isZero();
    assertThat(events).hasSize(2);
  }

  @Test
  void lockedScopesOfOneKeyDoNotInterleave() throws Exception {
    open(EntryHooks.none());
    store.put("counter", 0, WriteCondition.always(), false);
    int threads = 4;
    int rounds = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          for (int i = 0; i < rounds; i++) {
            store.locked("counter",
                () -> store.put("counter", store.peek("counter") + 1, WriteCondition.always(), false));
          }
        });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.peek("counter")).isEqualTo(threads * rounds);
  }

  private static EntryWriter<String, Integer> countingWriter(AtomicInteger writes) {
    return new EntryWriter<>() {
      @Override
      public void write(String key, Integer value) {
        writes.incrementAndGet();
      }

      @Override
      public void delete(String key) {
        writes.incrementAndGet();
      }
    };
  }
}
