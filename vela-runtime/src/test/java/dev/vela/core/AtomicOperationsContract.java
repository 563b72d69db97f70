package dev.vela.core;

import dev.vela.CacheBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheStats;
import dev.vela.PutOptions;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the atomic per-key operations and bulk calls of {@link Cache} mean, whatever the backend and
 * topology: one suite, which a test of each configuration extends, saying only how to open the
 * cache. The races run several threads on the same keys and check exact totals; a multi-process test
 * runs the same workloads from {@link AtomicRaces} in each process.
 */
public abstract class AtomicOperationsContract {
  /** How long a race may take before the test fails. */
  protected static final Duration RACE_DEADLINE = Duration.ofSeconds(60);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  protected final ManualClock clock = new ManualClock();
  protected Cache<String, Long> cache;

  /**
   * A new, empty cache of string keys and long values, with stats on and no default time to live,
   * whose entries expire by {@code clock}. The suite closes it after each test.
   */
  protected abstract Cache<String, Long> open(ManualClock clock);

  /** How many threads race in each race test. */
  protected int racers() {
    return 4;
  }

  /** How many operations each racer makes on a key. */
  protected int rounds() {
    return 2_000;
  }

  /** A builder of a LOCAL MEMORY cache of string keys and long values, for subclasses to finish. */
  public static CacheBuilder<String, Long, Cache<String, Long>> longs(String name, ManualClock clock) {
    return TestCaches.builder(TestCodecs.string(), TypeCodec.of("java.lang.Long", Codecs.LONG), name, clock);
  }

  @BeforeEach
  void openCache() {
    cache = open(clock);
  }

  @AfterEach
  void closeCache() {
    if (cache != null) {
      cache.close();
    }
  }

  private PutOptions fiveMinutesTagged() {
    return PutOptions.ttl(FIVE_MINUTES).withTags("t");
  }

  /** Asserts that {@code key} still has five minutes to live and the tag "t", by invalidating the tag. */
  private void assertKeptTtlAndTag(String key, long value) {
    assertThat(cache.get(key)).contains(value);
    assertThat(cache.ttl(key)).contains(FIVE_MINUTES);
    assertThat(cache.invalidateTag("t")).isEqualTo(1);
    assertThat(cache.exists(key)).isFalse();
  }

  @Test
  void putIfAbsentStoresOnlyWhenNoLiveEntryIsThere() {
    assertThat(cache.putIfAbsent("k", 1L)).isTrue();
    assertThat(cache.putIfAbsent("k", 2L)).isFalse();

    assertThat(cache.get("k")).contains(1L);
    assertThat(cache.ttl("k")).isEmpty();
  }

  @Test
  void putIfAbsentWithOptionsGivesTheNewEntryTheirTtlAndTags() {
    assertThat(cache.putIfAbsent("k", 1L, fiveMinutesTagged())).isTrue();
    assertThat(cache.putIfAbsent("k", 2L, PutOptions.noExpiry())).isFalse();

    assertKeptTtlAndTag("k", 1L);
  }

  @Test
  void anExpiredEntryCountsAsAbsent() {
    cache.put("k", 1L, PutOptions.ttl(Duration.ofSeconds(1)));
    cache.put("c", 1L, PutOptions.ttl(Duration.ofSeconds(1)));
    cache.put("m", 1L, PutOptions.ttl(Duration.ofSeconds(1)));
    cache.put("x", 1L, PutOptions.ttl(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));

    assertThat(cache.replace("x", 5L)).isFalse();
    assertThat(cache.replace("x", 1L, 5L)).isFalse();
    assertThat(cache.delete("x", 1L)).isFalse();
    assertThat(cache.getAndDelete("x")).isEmpty();
    assertThat(cache.expire("x", FIVE_MINUTES)).isFalse();
    assertThat(cache.computeIfPresent("x", (k, v) -> 9L)).isNull();
    assertThat(cache.putIfAbsent("k", 2L)).isTrue();
    assertThat(cache.compute("c", (k, v) -> v == null ? 7L : v + 100)).isEqualTo(7L);
    assertThat(cache.merge("m", 3L, Long::sum)).isEqualTo(3L);
    assertThat(cache.getAll(List.of("k", "c", "m", "x"))).isEqualTo(Map.of("k", 2L, "c", 7L, "m", 3L));
  }

  @Test
  void replaceChangesOnlyALiveEntryAndKeepsItsTtlAndTags() {
    assertThat(cache.replace("k", 2L)).isFalse();
    assertThat(cache.exists("k")).isFalse();

    cache.put("k", 1L, fiveMinutesTagged());
    assertThat(cache.replace("k", 2L)).isTrue();

    assertKeptTtlAndTag("k", 2L);
  }

  @Test
  void replaceWithExpectedIsACompareAndSet() {
    cache.put("k", 1L, fiveMinutesTagged());

    assertThat(cache.replace("k", 5L, 2L)).isFalse();
    assertThat(cache.get("k")).contains(1L);
    assertThat(cache.replace("k", 1L, 2L)).isTrue();
    assertThat(cache.replace("absent", 1L, 2L)).isFalse();
    assertThat(cache.exists("absent")).isFalse();

    assertKeptTtlAndTag("k", 2L);
  }

  @Test
  void deleteWithExpectedRemovesOnlyAnEqualValue() {
    cache.put("k", 1L);

    assertThat(cache.delete("k", 2L)).isFalse();
    assertThat(cache.get("k")).contains(1L);
    assertThat(cache.delete("k", 1L)).isTrue();
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.delete("k", 1L)).isFalse();
  }

  @Test
  void getAndPutReturnsWhatItReplacedAndStoresAsPutDoes() {
    assertThat(cache.getAndPut("k", 1L)).isEmpty();
    cache.put("k", 2L, fiveMinutesTagged());

    assertThat(cache.getAndPut("k", 3L)).contains(2L);

    assertThat(cache.get("k")).contains(3L);
    assertThat(cache.ttl("k")).isEmpty();
    assertThat(cache.invalidateTag("t")).isZero();
  }

  @Test
  void getAndDeleteTakesTheValue() {
    cache.put("k", 1L);

    assertThat(cache.getAndDelete("k")).contains(1L);
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.getAndDelete("k")).isEmpty();
  }

  @Test
  void computeFollowsMapSemantics() {
    List<Long> seen = new ArrayList<>();
    BiFunction<String, Long, Long> increment = (k, v) -> {
      seen.add(v);
      return v == null ? 1L : v + 1;
    };

    assertThat(cache.compute("k", increment)).isEqualTo(1L);
    assertThat(cache.compute("k", increment)).isEqualTo(2L);
    assertThat(seen).containsExactly(null, 1L);
    assertThat(cache.get("k")).contains(2L);

    assertThat(cache.compute("k", (k, v) -> null)).isNull();
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.compute("absent", (k, v) -> null)).isNull();
    assertThat(cache.exists("absent")).isFalse();
  }

  @Test
  void computeKeepsTheTtlAndTagsOfAReplacedEntry() {
    cache.put("k", 1L, fiveMinutesTagged());

    assertThat(cache.compute("k", (k, v) -> v + 10)).isEqualTo(11L);

    assertKeptTtlAndTag("k", 11L);
  }

  @Test
  void computeIfPresentLeavesAnAbsentKeyAlone() {
    AtomicInteger calls = new AtomicInteger();

    assertThat(cache.computeIfPresent("k", (k, v) -> (long) calls.incrementAndGet())).isNull();
    assertThat(calls).hasValue(0);
    assertThat(cache.exists("k")).isFalse();

    cache.put("k", 1L, fiveMinutesTagged());
    assertThat(cache.computeIfPresent("k", (k, v) -> v + 1)).isEqualTo(2L);
    assertKeptTtlAndTag("k", 2L);

    cache.put("k", 1L);
    assertThat(cache.computeIfPresent("k", (k, v) -> null)).isNull();
    assertThat(cache.exists("k")).isFalse();
  }

  @Test
  void mergeFollowsMapSemantics() {
    AtomicInteger calls = new AtomicInteger();
    BiFunction<Long, Long, Long> sum = (a, b) -> {
      calls.incrementAndGet();
      return a + b;
    };

    assertThat(cache.merge("k", 5L, sum)).isEqualTo(5L);
    assertThat(calls).hasValue(0);
    assertThat(cache.merge("k", 2L, sum)).isEqualTo(7L);
    assertThat(calls).hasValue(1);

    assertThat(cache.merge("k", 1L, (a, b) -> null)).isNull();
    assertThat(cache.exists("k")).isFalse();
  }

  @Test
  void mergeKeepsTheTtlAndTagsOfTheEntry() {
    cache.put("k", 1L, fiveMinutesTagged());

    assertThat(cache.merge("k", 1L, Long::sum)).isEqualTo(2L);

    assertKeptTtlAndTag("k", 2L);
  }

  @Test
  void aThrowingFunctionLeavesTheEntryAsItWas() {
    cache.put("k", 1L, fiveMinutesTagged());
    IllegalStateException failure = new IllegalStateException("refused");

    assertThatThrownBy(() -> cache.compute("k", (k, v) -> { throw failure; })).isSameAs(failure);
    assertThatThrownBy(() -> cache.computeIfPresent("k", (k, v) -> { throw failure; })).isSameAs(failure);
    assertThatThrownBy(() -> cache.merge("k", 2L, (a, b) -> { throw failure; })).isSameAs(failure);
    assertThatThrownBy(() -> cache.compute("absent", (k, v) -> { throw failure; })).isSameAs(failure);

    assertThat(cache.exists("absent")).isFalse();
    assertKeptTtlAndTag("k", 1L);
  }

  @Test
  void getAllReturnsTheLiveEntriesInTheOrderAsked() {
    cache.put("a", 1L);
    cache.put("b", 2L, PutOptions.ttl(Duration.ofSeconds(1)));
    cache.put("c", 3L);
    clock.advance(Duration.ofSeconds(1));

    Map<String, Long> found = cache.getAll(List.of("c", "missing", "b", "a", "c"));

    assertThat(found).containsExactly(Map.entry("c", 3L), Map.entry("a", 1L));
    assertThat(cache.getAll(List.of())).isEmpty();
  }

  @Test
  void getAllCountsAHitOrAMissPerKey() {
    cache.put("a", 1L);
    cache.put("b", 2L);
    CacheStats before = cache.stats();

    cache.getAll(List.of("a", "b", "x", "y", "z"));

    CacheStats after = cache.stats();
    assertThat(after.hits() - before.hits()).isEqualTo(2);
    assertThat(after.misses() - before.misses()).isEqualTo(3);
  }

  @Test
  void deleteAllRemovesEveryKeyAndCountsTheLiveOnes() {
    cache.put("a", 1L);
    cache.put("b", 2L);
    cache.put("c", 3L, PutOptions.ttl(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    CacheStats before = cache.stats();

    assertThat(cache.deleteAll(List.of("a", "b", "c", "missing"))).isEqualTo(2);

    assertThat(cache.getAll(List.of("a", "b", "c"))).isEmpty();
    assertThat(cache.stats().deletes() - before.deletes()).isEqualTo(2);
    assertThat(cache.deleteAll(List.of())).isZero();
  }

  @Test
  void expireGivesALiveEntryANewTtlAndKeepsValueAndTags() {
    cache.put("k", 1L, PutOptions.ttl(Duration.ofSeconds(10)).withTags("t"));

    assertThat(cache.expire("k", FIVE_MINUTES)).isTrue();
    assertThat(cache.expire("absent", FIVE_MINUTES)).isFalse();
    assertThat(cache.exists("absent")).isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(cache.ttl("k")).contains(FIVE_MINUTES.minusSeconds(30));

    assertThat(cache.expire("k", Durations.INFINITE)).isTrue();
    assertThat(cache.ttl("k")).isEmpty();
    assertThat(cache.get("k")).contains(1L);
    assertThat(cache.invalidateTag("t")).isEqualTo(1);
  }

  @Test
  void expireRefusesATtlThatIsNotPositive() {
    cache.put("k", 1L);

    assertThatThrownBy(() -> cache.expire("k", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl must be positive");
    assertThatThrownBy(() -> cache.expire("k", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(cache.ttl("k")).isEmpty();
  }

  @Test
  void writesAndDeletesAreCountedOnlyWhenTheyChangeSomething() {
    CacheStats before = cache.stats();

    cache.putIfAbsent("k", 1L); // write
    cache.putIfAbsent("k", 2L); // nothing
    cache.replace("k", 9L, 3L); // nothing
    cache.replace("k", 1L, 3L); // write
    cache.merge("k", 1L, Long::sum); // write
    cache.delete("k", 1L); // nothing
    cache.getAndDelete("k"); // delete
    cache.getAndDelete("k"); // nothing
    cache.computeIfPresent("k", (k, v) -> v); // nothing

    CacheStats after = cache.stats();
    assertThat(after.writes() - before.writes()).isEqualTo(3);
    assertThat(after.deletes() - before.deletes()).isEqualTo(1);
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    BiFunction<String, Long, Long> keep = (k, v) -> v;
    assertNullRefused("key", () -> cache.putIfAbsent(null, 1L));
    assertNullRefused("value", () -> cache.putIfAbsent("k", null));
    assertNullRefused("options", () -> cache.putIfAbsent("k", 1L, null));
    assertNullRefused("value", () -> cache.replace("k", null));
    assertNullRefused("expected", () -> cache.replace("k", null, 1L));
    assertNullRefused("value", () -> cache.replace("k", 1L, null));
    assertNullRefused("expected", () -> cache.delete("k", null));
    assertNullRefused("key", () -> cache.getAndPut(null, 1L));
    assertNullRefused("key", () -> cache.getAndDelete(null));
    assertNullRefused("remapping", () -> cache.compute("k", null));
    assertNullRefused("key", () -> cache.compute(null, keep));
    assertNullRefused("remapping", () -> cache.computeIfPresent("k", null));
    assertNullRefused("value", () -> cache.merge("k", null, Long::sum));
    assertNullRefused("remapping", () -> cache.merge("k", 1L, null));
    assertNullRefused("keys", () -> cache.getAll(null));
    assertNullRefused("keys", () -> cache.getAll(Arrays.asList("a", null)));
    assertNullRefused("keys", () -> cache.deleteAll(Arrays.asList("a", null)));
    assertNullRefused("ttl", () -> cache.expire("k", null));
    assertThat(cache.exists("k")).isFalse();
    assertThat(cache.exists("a")).isFalse();
  }

  private static void assertNullRefused(String argument, Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
  }

  @Test
  void theLocalViewOffersTheSameOperations() {
    Cache<String, Long> local = cache.local();

    assertThat(local.putIfAbsent("k", 1L)).isTrue();
    assertThat(local.merge("k", 1L, Long::sum)).isEqualTo(2L);
    assertThat(local.replace("k", 2L, 3L)).isTrue();
    assertThat(local.getAll(List.of("k", "x"))).isEqualTo(Map.of("k", 3L));
    assertThat(cache.get("k")).contains(3L);
    assertThat(local.getAndDelete("k")).contains(3L);
    assertThat(local.deleteAll(List.of("k"))).isZero();
  }

  @Test
  void racingMergesLoseNoUpdate() throws Exception {
    Concurrently.run(racers(), RACE_DEADLINE, thread -> AtomicRaces.mergeOnes(cache, "counter", rounds()));

    assertThat(cache.get("counter")).contains((long) racers() * rounds());
  }

  @Test
  void racingComputesLoseNoUpdate() throws Exception {
    Concurrently.run(racers(), RACE_DEADLINE, thread -> AtomicRaces.computeOnes(cache, "counter", rounds()));

    assertThat(cache.get("counter")).contains((long) racers() * rounds());
  }

  @Test
  void racingCompareAndSetLoopsLoseNoUpdate() throws Exception {
    cache.put("counter", 0L);

    Concurrently.run(racers(), RACE_DEADLINE, thread -> AtomicRaces.replaceOnes(cache, "counter", rounds() / 2));

    assertThat(cache.get("counter")).contains((long) racers() * (rounds() / 2));
  }

  @Test
  void eachClaimHasExactlyOneWinner() throws Exception {
    List<String> keys = IntStream.range(0, rounds()).mapToObj(i -> "claim-" + i).toList();
    AtomicIntegerArray wins = new AtomicIntegerArray(racers());

    Concurrently.run(racers(), RACE_DEADLINE, thread -> wins.set(thread, AtomicRaces.claim(cache, keys, thread)));

    int total = 0;
    for (int thread = 0; thread < racers(); thread++) {
      total += wins.get(thread);
    }
    assertThat(total).isEqualTo(keys.size());
    // each key holds its winner's number, and each claimant's wins match the keys holding its number
    Map<String, Long> holders = cache.getAll(keys);
    assertThat(holders).hasSize(keys.size());
    for (int thread = 0; thread < racers(); thread++) {
      long claimant = thread;
      assertThat(holders.values().stream().filter(v -> v == claimant).count()).isEqualTo(wins.get(thread));
    }
  }

  @Test
  void eachValueIsTakenExactlyOnce() throws Exception {
    List<String> keys = IntStream.range(0, rounds()).mapToObj(i -> "take-" + i).toList();
    keys.forEach(key -> cache.put(key, 1L));
    AtomicInteger taken = new AtomicInteger();

    Concurrently.run(racers(), RACE_DEADLINE, thread -> taken.addAndGet(AtomicRaces.take(cache, keys)));

    assertThat(taken).hasValue(keys.size());
    assertThat(cache.getAll(keys)).isEmpty();
  }

  @Test
  void mergesOnManyKeysAddUpPerKey() throws Exception {
    int keys = 16;
    int perKey = Math.max(1, rounds() / (4 * keys));

    Concurrently.run(racers(), RACE_DEADLINE, thread -> {
      for (int round = 0; round < keys * perKey; round++) {
        cache.merge("key-" + ((round + thread) % keys), 1L, Long::sum);
      }
    });

    List<String> names = IntStream.range(0, keys).mapToObj(i -> "key-" + i).toList();
    Map<String, Long> totals = cache.getAll(names);
    assertThat(totals).hasSize(keys);
    assertThat(totals.values()).containsOnly((long) racers() * perKey);
  }
}
