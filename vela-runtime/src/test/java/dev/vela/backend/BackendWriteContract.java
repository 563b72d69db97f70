package dev.vela.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link EntryStore#write}, {@link EntryStore#getAll} and {@link EntryStore#deleteAll} must do
 * in every backend: a backend's test extends this class and says how to create one. Kept apart from
 * {@link BackendContractTest} so that a backend can pass that one before it has a conditional write.
 */
public abstract class BackendWriteContract {
  protected final ManualClock clock = new ManualClock();
  protected final List<RemovalCause> removals = new CopyOnWriteArrayList<>();
  protected CacheBackend<String, String> backend;

  /** A new, empty backend on {@code clock} that reports removals to {@code listener}. */
  protected abstract CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener);

  @BeforeEach
  void openBackend() {
    backend = create(clock, (key, value, cause) -> removals.add(cause));
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private long in(Duration ttl) {
    return clock.millis() + ttl.toMillis();
  }

  private static EntryUpdate<String> keeping(String value) {
    return new EntryUpdate.Put<>(value, StoredEntry.NO_EXPIRY, Set.of(), true, true);
  }

  @Test
  void eachConditionIsJudgedAgainstTheLiveEntry() {
    StoredEntry<String> v1 = new StoredEntry<>("v1", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(backend.write("k", WriteCondition.present(), keeping("x"))).isEqualTo(new WriteResult<>(false, null));
    assertThat(backend.write("k", WriteCondition.valueEquals("v1"), keeping("x")).applied()).isFalse();
    assertThat(backend.write("k", WriteCondition.absent(), keeping("v1"))).isEqualTo(new WriteResult<>(true, null));
    assertThat(backend.write("k", WriteCondition.absent(), keeping("x"))).isEqualTo(new WriteResult<>(false, v1));
    assertThat(backend.write("k", WriteCondition.valueEquals("other"), keeping("x")))
        .isEqualTo(new WriteResult<>(false, v1));
    assertThat(backend.get("k")).isEqualTo("v1");
    assertThat(backend.write("k", WriteCondition.valueEquals("v1"), keeping("v2")))
        .isEqualTo(new WriteResult<>(true, v1));
    assertThat(backend.write("k", WriteCondition.present(), keeping("v3")).applied()).isTrue();
    assertThat(backend.write("k", WriteCondition.always(), keeping("v4")).previous().value()).isEqualTo("v3");
    assertThat(backend.get("k")).isEqualTo("v4");
  }

  @Test
  void aPutKeepsExpiryAndTagsOnlyWhenAskedTo() {
    long expiresAt = in(Duration.ofMinutes(5));
    long other = in(Duration.ofMinutes(9));
    backend.put("k", "v1", expiresAt, Set.of("red"));

    backend.write("k", WriteCondition.present(), new EntryUpdate.Put<>("v2", other, Set.of("blue"), true, true));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v2", expiresAt, Set.of("red")));

    backend.write("k", WriteCondition.present(), new EntryUpdate.Put<>("v3", other, Set.of("blue"), true, false));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v3", expiresAt, Set.of("blue")));

    backend.write("k", WriteCondition.present(), new EntryUpdate.Put<>("v4", other, Set.of("green"), false, true));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v4", other, Set.of("blue")));

    backend.write("k", WriteCondition.present(), EntryUpdate.put("v5", StoredEntry.NO_EXPIRY, Set.of()));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v5", StoredEntry.NO_EXPIRY, Set.of()));
    assertThat(backend.invalidateTag("blue")).isZero();

    backend.write("new", WriteCondition.absent(), new EntryUpdate.Put<>("n", other, Set.of("red"), true, true));
    assertThat(backend.entry("new")).as("a new entry takes the given expiry and tags")
        .isEqualTo(new StoredEntry<>("n", other, Set.of("red")));
    assertThat(backend.invalidateTag("red")).isEqualTo(1);
  }

  @Test
  void deleteAndExpireUpdates() {
    backend.put("k", "v", StoredEntry.NO_EXPIRY, Set.of("red"));
    long later = in(Duration.ofMinutes(1));

    assertThat(backend.write("k", WriteCondition.present(), new EntryUpdate.Expire<>(later)).applied()).isTrue();
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v", later, Set.of("red")));
    assertThat(backend.write("absent", WriteCondition.always(), new EntryUpdate.Expire<>(later)).previous()).isNull();
    assertThat(backend.entry("absent")).isNull();

    assertThat(backend.write("k", WriteCondition.valueEquals("other"), EntryUpdate.delete()).applied()).isFalse();
    assertThat(backend.write("k", WriteCondition.valueEquals("v"), EntryUpdate.delete()).applied()).isTrue();
    assertThat(backend.entry("k")).isNull();
    assertThat(backend.invalidateTag("red")).isZero();
    assertThat(removals).as("a removal by a write is the caller's, not the backend's").isEmpty();
  }

  @Test
  void anExpiredEntryIsAbsent() {
    backend.put("k", "old", in(Duration.ofSeconds(1)), Set.of());
    backend.put("x", "old", in(Duration.ofSeconds(1)), Set.of());
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.write("x", WriteCondition.present(), keeping("new"))).isEqualTo(new WriteResult<>(false, null));
    assertThat(backend.write("k", WriteCondition.absent(), keeping("new"))).isEqualTo(new WriteResult<>(true, null));
    assertThat(backend.get("k")).isEqualTo("new");
    assertThat(backend.get("x")).isNull();
    assertThat(removals).doesNotContain(RemovalCause.EVICTED);
  }

  @Test
  void getAllAndDeleteAllSeeOnlyLiveEntries() {
    backend.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("b", "2", in(Duration.ofSeconds(1)), Set.of());
    backend.put("c", "3", StoredEntry.NO_EXPIRY, Set.of());
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.getAll(List.of("a", "b", "c", "none"))).isEqualTo(Map.of("a", "1", "c", "3"));
    assertThat(backend.deleteAll(List.of("a", "b", "none"))).isEqualTo(1);
    assertThat(backend.getAll(List.of("a", "b", "c"))).isEqualTo(Map.of("c", "3"));
  }

  @Test
  void racingCompareAndSetsLoseNoUpdate() throws Exception {
    backend.put("counter", "0", StoredEntry.NO_EXPIRY, Set.of());
    int threads = 4;
    int rounds = 500;

    Concurrently.run(threads, Duration.ofSeconds(60), thread -> {
      for (int i = 0; i < rounds; i++) {
        String seen = backend.get("counter");
        while (true) {
          String next = Long.toString(Long.parseLong(seen) + 1);
          WriteResult<String> result = backend.write("counter", WriteCondition.valueEquals(seen), keeping(next));
          if (result.applied()) {
            break;
          }
          seen = result.previous().value();
        }
      }
    });

    assertThat(backend.get("counter")).isEqualTo(Long.toString((long) threads * rounds));
  }

  @Test
  void racingClaimsHaveOneWinnerEach() throws Exception {
    int threads = 4;
    int keys = 500;
    AtomicInteger wins = new AtomicInteger();

    Concurrently.run(threads, Duration.ofSeconds(60), thread -> {
      for (int i = 0; i < keys; i++) {
        if (backend.write("claim-" + i, WriteCondition.absent(), keeping("t" + thread)).applied()) {
          wins.incrementAndGet();
        }
      }
    });

    assertThat(wins).hasValue(keys);
  }
}
