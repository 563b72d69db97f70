package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory backend's conditional write: what it returns, how it treats expired entries and the
 * bound, and that under a storm of conditional writes mixed with every other write the map, the
 * tag index and the eviction order still agree.
 */
class MemoryBackendWriteTest {
  private static final String[] TAGS = {"red", "green", "blue"};

  private final ManualClock clock = new ManualClock();
  private final List<RemovalCause> removals = new CopyOnWriteArrayList<>();

  private MemoryBackend<String, String> create(String kind) {
    return switch (kind) {
      case "unbounded" -> MemoryBackend.unbounded(clock, (k, v, cause) -> removals.add(cause));
      case "lru" -> MemoryBackend.bounded(40, EvictionPolicy.LRU, clock, (k, v, cause) -> removals.add(cause));
      default -> MemoryBackend.bounded(40, EvictionPolicy.LFU, clock, (k, v, cause) -> removals.add(cause));
    };
  }

  private static EntryUpdate<String> keeping(String value) {
    return new EntryUpdate.Put<>(value, StoredEntry.NO_EXPIRY, Set.of(), true, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unbounded", "lru"})
  void aWriteReturnsThePreviousEntryAndKeepsWhatTheUpdateSaysToKeep(String kind) {
    MemoryBackend<String, String> backend = create(kind);
    long expiresAt = clock.millis() + 60_000;
    backend.put("k", "v1", expiresAt, Set.of("red"));

    WriteResult<String> refused = backend.write("k", WriteCondition.valueEquals("other"), keeping("v2"));
    WriteResult<String> applied = backend.write("k", WriteCondition.valueEquals("v1"), keeping("v2"));

    StoredEntry<String> first = new StoredEntry<>("v1", expiresAt, Set.of("red"));
    assertThat(refused).isEqualTo(new WriteResult<>(false, first));
    assertThat(applied).isEqualTo(new WriteResult<>(true, first));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v2", expiresAt, Set.of("red")));
    assertThat(backend.tagIndexSnapshot()).isEqualTo(Map.of("red", Set.of("k")));

    WriteResult<String> deleted = backend.write("k", WriteCondition.present(), EntryUpdate.delete());
    assertThat(deleted.applied()).isTrue();
    assertThat(backend.entry("k")).isNull();
    assertThat(backend.tagIndexSnapshot()).isEmpty();
    assertThat(backend.write("k", WriteCondition.always(), EntryUpdate.delete()))
        .isEqualTo(new WriteResult<>(true, null));
    assertThat(removals).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"unbounded", "lru"})
  void anExpiredEntryIsAbsentAndReportedAsExpiredOnce(String kind) {
    MemoryBackend<String, String> backend = create(kind);
    backend.put("k", "old", clock.millis() + 1_000, Set.of("red"));
    clock.advance(Duration.ofSeconds(1));

    WriteResult<String> claimed = backend.write("k", WriteCondition.absent(), keeping("new"));

    assertThat(claimed).isEqualTo(new WriteResult<>(true, null));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("new", StoredEntry.NO_EXPIRY, Set.of()));
    assertThat(removals).containsExactly(RemovalCause.EXPIRED);
    assertThat(backend.tagIndexSnapshot()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lru", "lfu"})
  void writesThatAddEntriesKeepTheBound(String kind) {
    MemoryBackend<String, String> backend = create(kind);

    for (int i = 0; i < 100; i++) {
      assertThat(backend.write("k" + i, WriteCondition.absent(), keeping("v")).applied()).isTrue();
    }

    assertThat(backend.heldEntries()).isEqualTo(40);
    assertThat(backend.trackedByEviction()).isEqualTo(40);
    assertThat(removals).hasSize(60).containsOnly(RemovalCause.EVICTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unbounded", "lru", "lfu"})
  void mapTagIndexAndEvictionOrderAgreeAfterAStormOfConditionalWrites(String kind) throws Exception {
    MemoryBackend<String, String> backend = create(kind);
    Concurrently.run(8, Duration.ofSeconds(30), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 4_000; i++) {
        String key = "k" + random.nextInt(60);
        String value = "v" + random.nextInt(3);
        EntryUpdate<String> put = new EntryUpdate.Put<>(value, clock.millis() + 1 + random.nextInt(5),
            tags(random), random.nextBoolean(), random.nextBoolean());
        switch (random.nextInt(10)) {
          case 0 -> backend.write(key, WriteCondition.absent(), put);
          case 1 -> backend.write(key, WriteCondition.present(), put);
          case 2 -> backend.write(key, WriteCondition.valueEquals(value), EntryUpdate.delete());
          case 3 -> backend.write(key, WriteCondition.valueEquals(value), put);
          case 4 -> backend.write(key, WriteCondition.always(), new EntryUpdate.Expire<>(clock.millis() + 3));
          case 5 -> backend.put(key, value, StoredEntry.NO_EXPIRY, tags(random));
          case 6 -> backend.invalidateTag(TAGS[random.nextInt(TAGS.length)]);
          case 7 -> backend.removeExpired(7);
          case 8 -> clock.advance(Duration.ofMillis(1));
          default -> backend.get(key);
        }
      }
    });
    backend.drainReads();

    Map<String, Set<String>> expected = new HashMap<>();
    long live = backend.entries().count();
    backend.entries().forEach(entry -> entry.getValue().tags()
        .forEach(tag -> expected.computeIfAbsent(tag, t -> new HashSet<>()).add(entry.getKey())));
    backend.removeExpired(10); // the index lists expired entries until they are removed
    assertThat(backend.heldEntries()).isEqualTo(live);
    assertThat(backend.tagIndexSnapshot()).isEqualTo(expected);
    if (!kind.equals("unbounded")) {
      assertThat(backend.heldEntries()).isLessThanOrEqualTo(40);
      assertThat(backend.trackedByEviction()).isEqualTo(backend.heldEntries());
    }
  }

  private static Set<String> tags(ThreadLocalRandom random) {
    Set<String> tags = new HashSet<>();
    for (String tag : TAGS) {
      if (random.nextInt(3) == 0) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
