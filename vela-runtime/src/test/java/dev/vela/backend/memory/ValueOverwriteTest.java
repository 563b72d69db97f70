package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bounded overwrite that changes only the value skips the eviction lock ({@link ValueOverwrite}):
 * it must still be atomic with the key's removals, locked rewrites and conditional writes.
 */
class ValueOverwriteTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private final ManualClock clock = new ManualClock();

  @Test
  void anOverwriteOfTheValueDoesNotWaitForTheEvictionLock() throws Exception {
    CountDownLatch evicting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MemoryBackend<String, String> backend = MemoryBackend.bounded(2, EvictionPolicy.LRU, clock, (k, v, cause) -> {
      evicting.countDown();
      awaitQuietly(release); // holds the eviction lock until the test lets it go
    }, Runnable::run);
    backend.put("victim", "x", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("hot", "v0", StoredEntry.NO_EXPIRY, Set.of());
    CompletableFuture<Void> evictor = CompletableFuture.runAsync(
        () -> backend.put("new", "n", StoredEntry.NO_EXPIRY, Set.of()));
    try {
      assertThat(evicting.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("eviction began").isTrue();
      CompletableFuture.runAsync(() -> backend.put("hot", "v1", StoredEntry.NO_EXPIRY, Set.of()))
          .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(backend.get("hot")).isEqualTo("v1");
    } finally {
      release.countDown();
    }
    evictor.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(backend.get("victim")).isNull();
    assertThat(backend.get("hot")).isEqualTo("v1");
  }

  @Test
  void anOverwriteWaitsForAConditionalWriteOfItsKeyAndComesAfterIt() throws Exception {
    MemoryBackend<String, Object> backend = MemoryBackend.bounded(10, EvictionPolicy.LRU, clock, (k, v, c) -> { },
        Runnable::run);
    Gate gate = new Gate();
    backend.put("k", gate, StoredEntry.NO_EXPIRY, Set.of());
    // the condition asks the gate's equals, which holds the conditional write between its look and its write
    CompletableFuture<Boolean> conditional = CompletableFuture.supplyAsync(() -> backend.write("k",
        WriteCondition.valueEquals("anything"), EntryUpdate.put("conditional", StoredEntry.NO_EXPIRY, Set.of()))
        .applied());
    try {
      assertThat(gate.asked.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("condition asked").isTrue();
      Thread writer = new Thread(() -> backend.put("k", "plain", StoredEntry.NO_EXPIRY, Set.of()));
      writer.start();
      Concurrently.await(DEADLINE, "the overwrite waits for the conditional write",
          () -> writer.getState() == Thread.State.WAITING || !writer.isAlive());
      assertThat(writer.isAlive()).as("the overwrite is still waiting").isTrue();
      gate.open.countDown();
      assertThat(conditional.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      writer.join(DEADLINE.toMillis());
      assertThat(writer.isAlive()).isFalse();
    } finally {
      gate.open.countDown();
    }
    assertThat(backend.get("k")).isEqualTo("plain");
  }

  /**
   * One thread overwrites a key while another evicts it over and over and a third deletes it now
   * and then: whenever the writer reads its key back as gone with no delete in between, the value
   * it wrote must have been reported evicted, not lost on a node already out of the map.
   */
  @ParameterizedTest
  @EnumSource(value = EvictionPolicy.class, names = {"ADAPTIVE", "LRU", "LFU"})
  void anAcknowledgedValueIsEitherReadBackOrReportedEvicted(EvictionPolicy policy) throws Exception {
    Set<Integer> evictedHot = ConcurrentHashMap.newKeySet();
    MemoryBackend<String, Integer> backend = MemoryBackend.bounded(4, policy, clock, (key, value, cause) -> {
      if (key.equals("hot")) {
        assertThat(cause).isEqualTo(RemovalCause.EVICTED);
        evictedHot.add(value);
      }
    }, Runnable::run);
    Set<Integer> goneByEviction = ConcurrentHashMap.newKeySet();
    AtomicLong deletesStarted = new AtomicLong();
    AtomicLong deletesDone = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    int writes = 20_000;
    Concurrently.run(3, DEADLINE, thread -> {
      if (thread == 0) {
        for (int i = 1; i <= writes; i++) {
          long doneBefore = deletesDone.get();
          backend.put("hot", i, StoredEntry.NO_EXPIRY, Set.of());
          Integer read = backend.get("hot");
          if (read == null) {
            if (deletesStarted.get() == doneBefore) { // no delete ran between the put and the read
              goneByEviction.add(i);
            }
          } else {
            assertThat(read).as("no older value comes back").isEqualTo(i);
          }
        }
        writing.set(false);
      } else if (thread == 1) {
        for (int i = 0; writing.get(); i++) {
          backend.put("churn" + (i % 1000), i, StoredEntry.NO_EXPIRY, Set.of());
        }
      } else {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (writing.get()) {
          if (random.nextInt(64) == 0) {
            deletesStarted.incrementAndGet();
            backend.delete("hot");
            deletesDone.incrementAndGet();
          } else {
            Thread.onSpinWait();
          }
        }
      }
    });
    for (Integer gone : goneByEviction) {
      assertThat(evictedHot).as("value %d, read back as gone with no delete, was reported evicted", gone)
          .contains(gone);
    }
    Integer last = backend.get("hot");
    assertThat(last == null || last == writes).as("the last value or none, was %s", last).isTrue();
    assertThat(backend.trackedByEviction()).isEqualTo(backend.heldEntries());
  }

  /**
   * Two writers change the expiry and tags of one key (under the eviction lock) while two others
   * overwrite only its value: once they stop, the entry's value must match its expiry and tags, and
   * the tag index must list exactly them.
   */
  @Test
  void valueExpiryAndTagsOfAnEntryNeverComeFromDifferentWrites() throws Exception {
    MemoryBackend<String, String> backend = MemoryBackend.bounded(10, EvictionPolicy.ADAPTIVE, clock,
        (k, v, c) -> { }, Runnable::run);
    long far = clock.millis() + Duration.ofDays(1).toMillis();
    Map<String, Long> expiries = Map.of("a", far, "b", far + 1);
    for (int round = 0; round < 200; round++) {
      Concurrently.run(4, DEADLINE, thread -> {
        String kind = thread % 2 == 0 ? "a" : "b";
        for (int i = 0; i < 500; i++) {
          backend.put("k", kind + thread + ":" + i, expiries.get(kind), Set.of(kind));
        }
      });
      StoredEntry<String> entry = backend.entry("k");
      String kind = entry.value().substring(0, 1);
      assertThat(entry.expiresAtMillis()).as("expiry of %s", entry.value()).isEqualTo(expiries.get(kind));
      assertThat(entry.tags()).as("tags of %s", entry.value()).containsExactly(kind);
      assertThat(backend.tagIndexSnapshot()).isEqualTo(Map.of(kind, Set.of("k")));
    }
  }

  /**
   * Overwrites that keep or change the weight, with and without tags (a new node, or one rewritten
   * in place), deletes and evictions of a few keys from several threads: the order's total weight
   * must stay the sum of the weights of the entries held. A node just published must already have
   * its weight: an overwrite of its value compares weights without the eviction lock.
   */
  @Test
  void theWeightedSizeStaysTheSumOfTheEntriesWeights() throws Exception {
    MemoryBackend<String, Integer> backend = MemoryBackend.weighted(40, (key, value) -> value % 4,
        EvictionPolicy.ADAPTIVE, clock, (k, v, c) -> { }, Runnable::run);
    for (int round = 0; round < 20; round++) {
      Concurrently.run(4, DEADLINE, thread -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20_000; i++) {
          String key = "k" + random.nextInt(thread == 0 ? 40 : 3);
          int choice = random.nextInt(10);
          if (choice < 2) {
            backend.delete(key);
          } else {
            // mostly weights of 0 and 1 over and over, so most overwrites keep the weight, and
            // one that finds a node not yet weighed would see a weight of 0
            int value = choice < 8 ? 4 * random.nextInt(3) + random.nextInt(2) : random.nextInt(12);
            backend.put(key, value, StoredEntry.NO_EXPIRY, choice == 9 ? Set.of("t") : Set.of());
          }
        }
      });
      backend.drainReads();
      Map<String, Integer> held = new HashMap<>();
      try (var entries = backend.entries()) {
        entries.forEach(each -> held.put(each.getKey(), each.getValue().value()));
      }
      long weight = held.values().stream().mapToLong(value -> value % 4).sum();
      assertThat(backend.details()).containsEntry("memory.weight", Long.toString(weight));
      assertThat(backend.trackedByEviction()).isEqualTo(held.size());
      assertThat(weight).isLessThanOrEqualTo(40);
    }
  }

  @Test
  void anOverwriteThatChangesTheWeightEvictsAsBefore() {
    MemoryBackend<String, Integer> backend = MemoryBackend.weighted(10, (key, value) -> value,
        EvictionPolicy.LRU, clock, (k, v, c) -> { }, Runnable::run);
    backend.put("a", 4, StoredEntry.NO_EXPIRY, Set.of());
    backend.put("b", 4, StoredEntry.NO_EXPIRY, Set.of());
    backend.put("b", 4, StoredEntry.NO_EXPIRY, Set.of()); // same weight: the value alone
    assertThat(backend.details()).containsEntry("memory.weight", "8");
    backend.put("b", 7, StoredEntry.NO_EXPIRY, Set.of()); // heavier: the locked path evicts "a"
    assertThat(backend.get("a")).isNull();
    assertThat(backend.get("b")).isEqualTo(7);
    assertThat(backend.details()).containsEntry("memory.weight", "7");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A value whose {@code equals} waits for the test: it holds a conditional write in its condition. */
  private static final class Gate {
    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public boolean equals(Object other) {
      asked.countDown();
      awaitQuietly(open);
      return true;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
