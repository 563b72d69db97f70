package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Redis cache touches only its own keys, under the documented prefix, and stores framed values. */
class RedisNamespaceTest {
  private static LocalRedisServer server;
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
  void connect() {
    raw = new RawRedis(server.url());
  }

  @AfterEach
  void disconnect() {
    raw.close();
  }

  @Test
  void flushAndInvalidateTagLeaveForeignKeysAndOtherCachesAlone() {
    String name = RedisTesting.uniqueName("mine");
    raw.commands().set("foreign", "1");
    raw.commands().sadd("vela:{" + name + "-other}:t:red", "x");
    raw.commands().set("vela:" + name + ":e:a", "not in the namespace: no braces");
    try (Cache<String, String> mine = RedisTesting.strings(name, server.url()).create();
        Cache<String, String> other = RedisTesting.strings(RedisTesting.uniqueName("other"), server.url()).create()) {
      mine.put("a", "1", PutOptions.tags("red"));
      mine.put("b", "2", PutOptions.tags("red"));
      mine.put("c", "3");
      other.put("a", "other", PutOptions.tags("red"));

      assertThat(mine.invalidateTag("red")).isEqualTo(2);
      assertThat(other.get("a")).contains("other");

      mine.flush();

      assertThat(mine.size()).isZero();
      assertThat(other.size()).isEqualTo(1);
      assertThat(other.invalidateTag("red")).isEqualTo(1);
    }
    assertThat(raw.commands().get("foreign")).isEqualTo("1");
    assertThat(raw.commands().smembers("vela:{" + name + "-other}:t:red")).containsExactly("x");
    assertThat(raw.commands().get("vela:" + name + ":e:a")).isEqualTo("not in the namespace: no braces");
  }

  @Test
  void keysFollowTheDocumentedLayout() {
    String name = RedisTesting.uniqueName("layout");
    String id = RedisKeys.id(Codecs.encode(TestCodecs.STRING, "k"));
    String prefix = "vela:{" + name + "}:";
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url()).create()) {
      cache.put("k", "v", PutOptions.ttl(Duration.ofMinutes(5)).withTags("t"));

      assertThat(keysMatching(prefix + "*"))
          .containsExactlyInAnyOrder(prefix + "e:" + id, prefix + "g:" + id, prefix + "t:t", prefix + "x");
      assertThat(raw.commands().smembers(prefix + "t:t")).containsExactly(id);
      assertThat(raw.commands().smembers(prefix + "g:" + id)).containsExactly("t");
      // Redis expires the entry itself, a grace after the cache's own expiry
      assertThat(raw.commands().pttl(prefix + "e:" + id))
          .isGreaterThan(Duration.ofMinutes(5).toMillis())
          .isLessThanOrEqualTo(Duration.ofMinutes(5).plus(RedisBackend.PX_GRACE).toMillis());
      assertThat(raw.commands().zscore(prefix + "x", id)).isPositive();
    }
  }

  @Test
  void anEntryWithoutExpiryHasNoRedisExpiryEither() {
    String name = RedisTesting.uniqueName("forever");
    String id = RedisKeys.id(Codecs.encode(TestCodecs.STRING, "k"));
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url()).create()) {
      cache.put("k", "v");

      assertThat(raw.commands().pttl("vela:{" + name + "}:e:" + id)).isEqualTo(-1);
      assertThat(cache.ttl("k")).isEmpty();
    }
  }

  @Test
  void aValueOfAnOlderShapeIsAMissCountedAsADecodeError() {
    String name = RedisTesting.uniqueName("shapes");
    try (Cache<String, String> before = RedisTesting.strings(name, server.url()).create();
        Cache<String, String> after = RedisTesting.builder(
            TypeCodec.of("test.Renamed", TestCodecs.STRING_V2), name, server.url()).create()) {
      before.put("k", "written by the old shape");

      assertThat(after.get("k")).isEmpty();
      assertThat(after.stats().decodeErrors()).isEqualTo(1);
      assertThat(after.stats().misses()).isEqualTo(1);
      assertThat(before.get("k")).contains("written by the old shape");
    }
  }

  @Test
  void sweepingTakesExpiredEntriesOutOfTheirTagSetsAndTheIndex() {
    String name = RedisTesting.uniqueName("sweep");
    String prefix = "vela:{" + name + "}:";
    String goneId = RedisKeys.id(Codecs.encode(TestCodecs.STRING, "gone"));
    String keptId = RedisKeys.id(Codecs.encode(TestCodecs.STRING, "kept"));
    ManualClock clock = new ManualClock();
    List<String> expired = new ArrayList<>();
    try (RedisBackend<String, String> backend = RedisTesting.backend(
        name, server.url(), clock, (key, value, cause) -> expired.add(key), error -> {})) {
      backend.put("gone", "1", clock.millis() + 1_000, Set.of("t"));
      backend.put("kept", "2", StoredEntry.NO_EXPIRY, Set.of("t"));
      clock.advance(Duration.ofSeconds(1));

      assertThat(backend.removeExpired(10)).isEqualTo(1);
    }
    assertThat(expired).containsExactly("gone");
    assertThat(raw.commands().smembers(prefix + "t:t")).containsExactly(keptId);
    assertThat(raw.commands().exists(prefix + "g:" + goneId, prefix + "e:" + goneId)).isZero();
    assertThat(raw.commands().zrange(prefix + "x", 0, -1)).containsExactly(keptId);
  }

  private List<String> keysMatching(String pattern) {
    List<String> keys = new ArrayList<>();
    ScanIterator.scan(raw.commands(), ScanArgs.Builder.matches(pattern)).forEachRemaining(keys::add);
    return keys;
  }
}
