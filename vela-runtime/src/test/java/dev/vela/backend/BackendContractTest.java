package dev.vela.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do, whatever it stores entries in. A backend's test extends this class
 * and says how to create one; the suite then runs against it unchanged.
 */
public abstract class BackendContractTest {
  /** One removal a backend reported. */
  protected record Removal(String key, String value, RemovalCause cause) {}

  protected final ManualClock clock = new ManualClock();
  protected final List<Removal> removals = new CopyOnWriteArrayList<>();
  protected CacheBackend<String, String> backend;

  /** A new, empty backend on {@code clock} that reports removals to {@code listener}. */
  protected abstract CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener);

  @BeforeEach
  void openBackend() {
    backend = create(clock, (key, value, cause) -> removals.add(new Removal(key, value, cause)));
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  /** The absolute expiry {@code ttl} from now. */
  protected long in(Duration ttl) {
    return clock.millis() + ttl.toMillis();
  }

  protected void put(String key, String value, String... tags) {
    backend.put(key, value, StoredEntry.NO_EXPIRY, new HashSet<>(Arrays.asList(tags)));
  }

  @Test
  void getOfAnAbsentKeyIsNull() {
    assertThat(backend.get("missing")).isNull();
    assertThat(backend.entry("missing")).isNull();
  }

  @Test
  void storesValueExpiryAndTags() {
    backend.put("k", "v", in(Duration.ofMinutes(5)), Set.of("a", "b"));
    put("plain", "p");

    assertThat(backend.get("k")).isEqualTo("v");
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v", in(Duration.ofMinutes(5)), Set.of("a", "b")));
    assertThat(backend.entry("plain")).isEqualTo(new StoredEntry<>("p", StoredEntry.NO_EXPIRY, Set.of()));
  }

  @Test
  void anOverwriteReplacesValueExpiryAndTags() {
    backend.put("k", "old", in(Duration.ofSeconds(1)), Set.of("a"));
    put("k", "new", "b");

    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("new", StoredEntry.NO_EXPIRY, Set.of("b")));
    assertThat(backend.invalidateTag("a")).isZero();
    assertThat(backend.get("k")).isEqualTo("new");
    assertThat(backend.invalidateTag("b")).isEqualTo(1);
    assertThat(backend.get("k")).isNull();
  }

  @Test
  void anExpiredEntryIsNeverReturnedAndIsReportedOnce() {
    backend.put("k", "v", in(Duration.ofSeconds(10)), Set.of());
    clock.advance(Duration.ofMillis(9_999));
    assertThat(backend.get("k")).isEqualTo("v");

    clock.advance(Duration.ofMillis(1)); // expiry is exclusive: at the instant itself it is gone
    assertThat(backend.get("k")).isNull();
    assertThat(backend.entry("k")).isNull();
    assertThat(backend.get("k")).isNull();
    assertThat(removals).containsExactly(new Removal("k", "v", RemovalCause.EXPIRED));
    assertThat(backend.heldEntries()).isZero();
  }

  @Test
  void entryOfAnExpiredKeyRemovesIt() {
    backend.put("k", "v", in(Duration.ofSeconds(1)), Set.of("t"));
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.entry("k")).isNull();
    assertThat(removals).containsExactly(new Removal("k", "v", RemovalCause.EXPIRED));
    assertThat(backend.invalidateTag("t")).isZero();
  }

  @Test
  void deleteSaysWhetherALiveEntryWasRemoved() {
    put("live", "1");
    backend.put("expired", "2", in(Duration.ofSeconds(1)), Set.of());
    clock.advance(Duration.ofSeconds(2));

    assertThat(backend.delete("absent")).isFalse();
    assertThat(backend.delete("live")).isTrue();
    assertThat(backend.delete("live")).isFalse();
    assertThat(backend.delete("expired")).isFalse();
    assertThat(removals).containsExactly(new Removal("expired", "2", RemovalCause.EXPIRED));
    assertThat(backend.heldEntries()).isZero();
  }

  @Test
  void putAllStoresEveryEntryWithItsOwnExpiryAndTags() {
    put("a", "old");
    Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
    batch.put("a", new StoredEntry<>("1", StoredEntry.NO_EXPIRY, Set.of("x")));
    batch.put("b", new StoredEntry<>("2", in(Duration.ofSeconds(5)), Set.of()));
    batch.put("c", new StoredEntry<>("3", in(Duration.ofSeconds(50)), Set.of("x", "y")));

    backend.putAll(batch);

    assertThat(backend.entry("a")).isEqualTo(batch.get("a"));
    assertThat(backend.entry("b")).isEqualTo(batch.get("b"));
    assertThat(backend.entry("c")).isEqualTo(batch.get("c"));
    assertThat(backend.size()).isEqualTo(3);
    assertThat(backend.invalidateTag("x")).isEqualTo(2);
  }

  @Test
  void sizeCountsLiveEntriesOnly() {
    put("a", "1");
    put("b", "2");
    backend.put("c", "3", in(Duration.ofSeconds(1)), Set.of());
    assertThat(backend.size()).isEqualTo(3);

    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.size()).isEqualTo(2);
    assertThat(backend.heldEntries()).isEqualTo(3);
  }

  @Test
  void flushRemovesEverythingAndCountsTheLiveEntries() {
    put("a", "1", "t");
    put("b", "2");
    backend.put("c", "3", in(Duration.ofSeconds(1)), Set.of("t"));
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.flush()).isEqualTo(2);

    assertThat(backend.size()).isZero();
    assertThat(backend.heldEntries()).isZero();
    assertThat(backend.get("a")).isNull();
    assertThat(backend.invalidateTag("t")).isZero();
    assertThat(removals).containsExactly(new Removal("c", "3", RemovalCause.EXPIRED));
  }

  @Test
  void invalidateTagRemovesExactlyTheLiveEntriesCarryingIt() {
    put("a", "1", "t1");
    put("b", "2", "t1", "t2");
    put("c", "3", "t2");
    put("d", "4");
    backend.put("e", "5", in(Duration.ofSeconds(1)), Set.of("t1"));
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.invalidateTag("t1")).isEqualTo(2);

    assertThat(backend.get("a")).isNull();
    assertThat(backend.get("b")).isNull();
    assertThat(backend.get("c")).isEqualTo("3");
    assertThat(backend.get("d")).isEqualTo("4");
    assertThat(removals).containsExactly(new Removal("e", "5", RemovalCause.EXPIRED));
    assertThat(backend.invalidateTag("t2")).isEqualTo(1);
    assertThat(backend.invalidateTag("t1")).isZero();
    assertThat(backend.invalidateTag("never used")).isZero();
  }

  @Test
  void entriesListsLiveEntriesOnly() {
    put("a", "1", "t");
    backend.put("b", "2", in(Duration.ofSeconds(10)), Set.of());
    backend.put("gone", "3", in(Duration.ofSeconds(1)), Set.of());
    clock.advance(Duration.ofSeconds(1));

    Map<String, StoredEntry<String>> listed;
    try (var entries = backend.entries()) {
      listed = entries.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    assertThat(listed).containsOnlyKeys("a", "b");
    assertThat(listed.get("a")).isEqualTo(new StoredEntry<>("1", StoredEntry.NO_EXPIRY, Set.of("t")));
    assertThat(listed.get("b").expiresAtMillis()).isEqualTo(in(Duration.ofSeconds(9)));
  }

  @Test
  void removeExpiredRemovesEveryExpiredEntryAcrossBatches() {
    for (int i = 0; i < 5; i++) {
      backend.put("old" + i, "v" + i, in(Duration.ofSeconds(1)), Set.of("t"));
    }
    for (int i = 0; i < 3; i++) {
      backend.put("new" + i, "v" + i, in(Duration.ofMinutes(1)), Set.of("t"));
    }
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.removeExpired(2)).isEqualTo(5);

    assertThat(backend.heldEntries()).isEqualTo(3);
    assertThat(removals).hasSize(5).allMatch(r -> r.cause() == RemovalCause.EXPIRED && r.key().startsWith("old"));
    assertThat(backend.removeExpired(2)).isZero();
    assertThat(backend.invalidateTag("t")).isEqualTo(3);
  }

  @Test
  void removeExpiredRefusesAnEmptyBatch() {
    assertThatThrownBy(() -> backend.removeExpired(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize");
  }

  /**
   * Two keys that one {@code putAll} writes atomically together: any two by default; a store that
   * is atomic per group of keys (a bucket of a Redis Cluster) names two of one group.
   */
  protected String[] atomicPair() {
    return new String[] {"a", "b"};
  }

  @Test
  void putAllIsSeenWholeOrNotAtAllByReaders() throws Exception {
    int rounds = 20_000;
    AtomicBoolean writing = new AtomicBoolean(true);
    String[] pair = atomicPair();
    String a = pair[0];
    String b = pair[1];
    put(a, "0");
    put(b, "0");
    Concurrently.run(4, Duration.ofSeconds(30), thread -> {
      if (thread == 0) {
        for (int i = 1; i <= rounds; i++) {
          Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
          batch.put(a, new StoredEntry<>(Integer.toString(i), StoredEntry.NO_EXPIRY, Set.of()));
          batch.put(b, new StoredEntry<>(Integer.toString(i), StoredEntry.NO_EXPIRY, Set.of()));
          backend.putAll(batch);
        }
        writing.set(false);
        return;
      }
      // read in both orders: a later read of the other key can never be older than the first
      boolean aFirst = thread % 2 == 1;
      while (writing.get()) {
        int first = Integer.parseInt(backend.get(aFirst ? a : b));
        int second = Integer.parseInt(backend.get(aFirst ? b : a));
        assertThat(second).as("second read after first saw batch %d", first).isGreaterThanOrEqualTo(first);
      }
    });
    assertThat(backend.get(a)).isEqualTo(Integer.toString(rounds));
  }

  @Test
  void tagCountsStayExactUnderConcurrentWrites() throws Exception {
    String[] tags = {"red", "green", "blue"};
    Concurrently.run(6, Duration.ofSeconds(30), thread -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 5_000; i++) {
        String key = "k" + random.nextInt(64);
        switch (random.nextInt(5)) {
          case 0 -> backend.delete(key);
          case 1 -> backend.put(key, "v", in(Duration.ofMillis(1 + random.nextInt(3))), Set.of(tags[random.nextInt(3)]));
          case 2 -> put(key, "v");
          default -> put(key, "v", tags[random.nextInt(3)], tags[random.nextInt(3)]);
        }
        if (i % 500 == 0) {
          clock.advance(Duration.ofMillis(1));
        }
      }
    });
    Map<String, Set<String>> tagsByKey = new HashMap<>();
    try (var entries = backend.entries()) {
      entries.forEach(e -> tagsByKey.put(e.getKey(), e.getValue().tags()));
    }
    for (String tag : tags) {
      // an entry with two tags leaves with the first of them
      Set<String> carrying = tagsByKey.entrySet().stream()
          .filter(e -> e.getValue().contains(tag))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
      assertThat(backend.invalidateTag(tag)).as("entries tagged %s", tag).isEqualTo(carrying.size());
      tagsByKey.keySet().removeAll(carrying);
    }
    assertThat(backend.size()).isEqualTo(tagsByKey.size());
  }
}
