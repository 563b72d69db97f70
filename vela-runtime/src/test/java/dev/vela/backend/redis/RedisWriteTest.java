package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend's conditional write, bulk read and bulk delete: each one script or one command
 * on the server, keeping the tag sets and the expiry index as {@code put} and {@code delete} do.
 */
class RedisWriteTest {
  private static LocalRedisServer server;
  private final ManualClock clock = new ManualClock();
  private final List<String> expired = new CopyOnWriteArrayList<>();
  private RedisBackend<String, String> backend;
  private RawRedis raw;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void open() {
    backend = RedisTesting.backend(RedisTesting.uniqueName("write"), server.url(), clock, (key, value, cause) -> {
      assertThat(cause).isEqualTo(RemovalCause.EXPIRED);
      expired.add(key + "=" + value);
    }, error -> {
      throw new AssertionError("nothing written by this test fails to decode", error);
    });
    raw = new RawRedis(server.url());
  }

  @AfterEach
  void close() {
    backend.close();
    raw.close();
  }

  private long in(Duration ttl) {
    return clock.millis() + ttl.toMillis();
  }

  private WriteResult<String> write(String key, WriteCondition<String> condition, EntryUpdate<String> update) {
    return backend.write(key, condition, update);
  }

  private static EntryUpdate<String> keeping(String value) {
    return new EntryUpdate.Put<>(value, StoredEntry.NO_EXPIRY, Set.of(), true, true);
  }

  @Test
  void putIfAbsentStoresOnceAndReportsTheEntryThatWon() {
    long expiry = in(Duration.ofMinutes(1));
    WriteResult<String> first = write("k", WriteCondition.absent(), EntryUpdate.put("a", expiry, Set.of("t")));
    WriteResult<String> second = write("k", WriteCondition.absent(), keeping("b"));

    assertThat(first).isEqualTo(new WriteResult<String>(true, null));
    assertThat(second).isEqualTo(new WriteResult<>(false, new StoredEntry<>("a", expiry, Set.of("t"))));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("a", expiry, Set.of("t")));
  }

  @Test
  void compareAndSetComparesTheStoredBytes() {
    backend.put("k", "v1", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(write("k", WriteCondition.valueEquals("other"), keeping("v2")).applied()).isFalse();
    assertThat(write("k", WriteCondition.valueEquals("v1"), keeping("v2")).applied()).isTrue();
    assertThat(write("missing", WriteCondition.valueEquals("v1"), keeping("v2")).applied()).isFalse();

    assertThat(backend.get("k")).isEqualTo("v2");
    assertThat(backend.get("missing")).isNull();
  }

  @Test
  void replaceKeepsExpiryTagsAndRedisTtlWhenAsked() {
    long expiry = in(Duration.ofMinutes(5));
    backend.put("k", "v1", expiry, Set.of("a", "b"));
    long ttlBefore = raw.commands().pttl(backend.keys().prefix() + "e:" + backend.idOf("k"));

    WriteResult<String> result = write("k", WriteCondition.present(), keeping("v2"));

    assertThat(result.previous()).isEqualTo(new StoredEntry<>("v1", expiry, Set.of("a", "b")));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v2", expiry, Set.of("a", "b")));
    long ttlAfter = raw.commands().pttl(backend.keys().prefix() + "e:" + backend.idOf("k"));
    assertThat(ttlAfter).isPositive().isLessThanOrEqualTo(ttlBefore);
    assertThat(backend.invalidateTag("b")).isEqualTo(1);
    assertThat(backend.size()).isZero();
  }

  @Test
  void aPutThatKeepsNothingReplacesExpiryAndTagsInTheIndexes() {
    backend.put("k", "v1", in(Duration.ofSeconds(10)), Set.of("old"));

    write("k", WriteCondition.present(), EntryUpdate.put("v2", in(Duration.ofMinutes(10)), Set.of("new")));

    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v2", in(Duration.ofMinutes(10)), Set.of("new")));
    clock.advance(Duration.ofSeconds(11));
    assertThat(backend.removeExpired(100)).isZero();
    assertThat(backend.invalidateTag("old")).isZero();
    assertThat(backend.invalidateTag("new")).isEqualTo(1);
  }

  @Test
  void replaceOfAnAbsentKeyStoresNothing() {
    WriteResult<String> result = write("k", WriteCondition.present(), keeping("v"));

    assertThat(result).isEqualTo(new WriteResult<String>(false, null));
    assertThat(backend.heldEntries()).isZero();
  }

  @Test
  void expireGivesALiveEntryANewExpiryKeepingValueAndTags() {
    backend.put("k", "v", StoredEntry.NO_EXPIRY, Set.of("t"));

    assertThat(write("k", WriteCondition.present(), new EntryUpdate.Expire<>(in(Duration.ofSeconds(3)))).applied())
        .isTrue();

    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("v", in(Duration.ofSeconds(3)), Set.of("t")));
    assertThat(raw.commands().pttl(backend.keys().prefix() + "e:" + backend.idOf("k"))).isPositive();
    clock.advance(Duration.ofSeconds(4));
    assertThat(backend.removeExpired(100)).isEqualTo(1);
    assertThat(expired).containsExactly("k=v");
  }

  @Test
  void aConditionalDeleteRemovesTheEntryFromEveryIndex() {
    backend.put("k", "v", in(Duration.ofMinutes(1)), Set.of("t"));

    assertThat(write("k", WriteCondition.valueEquals("other"), EntryUpdate.delete()).applied()).isFalse();
    WriteResult<String> taken = write("k", WriteCondition.valueEquals("v"), EntryUpdate.delete());

    assertThat(taken.applied()).isTrue();
    assertThat(taken.previous().value()).isEqualTo("v");
    assertThat(backend.heldEntries()).isZero();
    assertThat(raw.commands().keys(backend.keys().prefix() + "*")).isEmpty();
  }

  @Test
  void anExpiredEntryIsReportedRemovedAndCountsAsAbsent() {
    backend.put("k", "old", in(Duration.ofSeconds(1)), Set.of("t"));
    clock.advance(Duration.ofSeconds(2));

    WriteResult<String> result = write("k", WriteCondition.absent(), keeping("new"));

    assertThat(result).isEqualTo(new WriteResult<String>(true, null));
    assertThat(expired).containsExactly("k=old");
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("new", StoredEntry.NO_EXPIRY, Set.of()));
    assertThat(backend.invalidateTag("t")).isZero();
  }

  @Test
  void getAllReadsLiveEntriesAndRemovesExpiredOnes() {
    backend.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("b", "2", in(Duration.ofSeconds(1)), Set.of());
    backend.put("c", "3", StoredEntry.NO_EXPIRY, Set.of());
    clock.advance(Duration.ofSeconds(2));

    Map<String, String> found = backend.getAll(List.of("a", "b", "c", "missing", "a"));

    assertThat(found).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
    assertThat(expired).containsExactly("b=2");
    assertThat(backend.heldEntries()).isEqualTo(2);
  }

  @Test
  void deleteAllCountsTheLiveEntriesItRemoved() {
    backend.put("a", "1", StoredEntry.NO_EXPIRY, Set.of("t"));
    backend.put("b", "2", in(Duration.ofSeconds(1)), Set.of("t"));
    backend.put("c", "3", StoredEntry.NO_EXPIRY, Set.of());
    clock.advance(Duration.ofSeconds(2));

    assertThat(backend.deleteAll(List.of("a", "b", "missing", "a"))).isEqualTo(1);

    assertThat(expired).containsExactly("b=2");
    assertThat(backend.getAll(List.of("a", "b", "c"))).containsExactly(Map.entry("c", "3"));
    assertThat(backend.invalidateTag("t")).isZero();
  }

  @Test
  void eachOperationIsOneRequest() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add("k" + i);
      backend.put("k" + i, "v" + i, StoredEntry.NO_EXPIRY, Set.of("t"));
    }
    // the first run of a script on a server sends its source after the server answered NOSCRIPT
    write("warm-up", WriteCondition.present(), keeping("x"));
    backend.deleteAll(List.of("warm-up"));

    assertThat(requests(() -> write("k1", WriteCondition.absent(), keeping("x")))).isEqualTo(1);
    assertThat(requests(() -> write("k1", WriteCondition.valueEquals("v1"), keeping("x")))).isEqualTo(1);
    assertThat(requests(() -> write("k2", WriteCondition.always(), EntryUpdate.delete()))).isEqualTo(1);
    assertThat(requests(() -> backend.getAll(keys))).isEqualTo(1);
    assertThat(requests(() -> backend.deleteAll(keys))).isEqualTo(1);
  }

  private long requests(Runnable operation) {
    return raw.requestsDuring(operation);
  }
}
