package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vela.Cache;
import dev.vela.FetchException;
import dev.vela.PutOptions;
import dev.vela.config.Durations;
import dev.vela.telemetry.CacheEvent;
import dev.vela.telemetry.CacheListener;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which cache calls report which events, with what in them; and that listeners cannot break calls. */
class TelemetryHooksTest {
  private final ManualClock clock = new ManualClock();
  private final List<CacheEvent> events = new CopyOnWriteArrayList<>();
  private final Cache<String, String> cache =
      TestCaches.strings("observed", clock).defaultTtl(Duration.ofMinutes(10)).listener(events::add).create();

  @AfterEach
  void close() {
    cache.close();
  }

  private List<String> summary() {
    return events.stream().map(e -> e.operation() + ":" + e.result().tagValue()).toList();
  }

  @Test
  void readsReportHitsAndMissesWithTheKey() {
    cache.put("a", "1");
    events.clear();

    cache.get("a");
    cache.get("nope");
    cache.getOrThrow("a");

    assertThat(events).allSatisfy(e -> {
      assertThat(e).isInstanceOf(CacheEvent.Get.class);
      assertThat(e.cacheName()).isEqualTo("observed");
      assertThat(e.durationNanos()).isNotNegative();
    });
    assertThat(events).extracting(e -> ((CacheEvent.Get) e).key()).containsExactly("a", "nope", "a");
    assertThat(summary()).containsExactly("get:hit", "get:miss", "get:hit");
  }

  @Test
  void getAllReportsAHitOrAMissPerKey() {
    cache.put("a", "1");
    cache.put("b", "2");
    events.clear();

    cache.getAll(List.of("a", "nope", "b"));

    assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(CacheEvent.Get.class));
    assertThat(events).extracting(e -> ((CacheEvent.Get) e).key()).containsExactly("a", "nope", "b");
    assertThat(summary()).containsExactly("get:hit", "get:miss", "get:hit");
  }

  @Test
  void putsReportTheirTimeToLiveAndTags() {
    cache.put("default", "v");
    cache.put("own", "v", PutOptions.ttl(Duration.ofSeconds(30)).withTags("a", "b"));
    cache.put("forever", "v", PutOptions.noExpiry());
    cache.put("tagged", "v", PutOptions.tags("t"));

    assertThat(events).map(e -> (CacheEvent.Put) e).extracting(CacheEvent.Put::key, CacheEvent.Put::ttl, CacheEvent.Put::tags)
        .containsExactly(
            tuple("default", Duration.ofMinutes(10), Set.of()),
            tuple("own", Duration.ofSeconds(30), Set.of("a", "b")),
            tuple("forever", Durations.INFINITE, Set.of()),
            tuple("tagged", Duration.ofMinutes(10), Set.of("t")));
    assertThat(summary()).containsOnly("put:ok");
  }

  @Test
  void getOrFetchReportsItsLookupAndTheFetchButNoPut() {
    assertThat(cache.getOrFetch("k", key -> "fetched")).isEqualTo("fetched");
    assertThat(cache.getOrFetch("k", key -> "again")).isEqualTo("fetched");

    assertThat(summary()).containsExactly("get:miss", "fetch:ok", "get:hit");
    assertThat(events.get(1)).isInstanceOfSatisfying(CacheEvent.Fetch.class, f -> assertThat(f.key()).isEqualTo("k"));
  }

  @Test
  void fetchesThatThrowOrReturnNullReportErrors() {
    assertThatThrownBy(() -> cache.getOrFetch("k", key -> {
      throw new IllegalStateException("down");
    })).isInstanceOf(FetchException.class);
    assertThatThrownBy(() -> cache.getOrFetch("k", key -> null)).isInstanceOf(FetchException.class);

    assertThat(summary()).containsExactly("get:miss", "fetch:error", "get:miss", "fetch:error");
  }

  @Test
  void fetchesWithoutStampedeProtectionAreReportedToo() {
    try (Cache<String, String> unshared =
        TestCaches.strings("unshared", clock).stampedeProtection(false).listener(events::add).create()) {
      unshared.getOrFetch("k", key -> "v");
    }

    assertThat(summary()).containsExactly("get:miss", "fetch:ok");
  }

  @Test
  void invalidateTagReportsTheTagAndHowManyItRemoved() {
    cache.putAll(Map.of("a", "1", "b", "2"), PutOptions.tags("t"));

    cache.invalidateTag("t");
    cache.invalidateTag("t");

    assertThat(events).map(e -> (CacheEvent.InvalidateTag) e)
        .extracting(CacheEvent.InvalidateTag::tag, CacheEvent.InvalidateTag::count)
        .containsExactly(tuple("t", 2L), tuple("t", 0L));
    assertThat(summary()).containsOnly("invalidate_tag:ok");
  }

  @Test
  void otherOperationsReportNothing() {
    cache.putAll(Map.of("a", "1"));
    cache.exists("a");
    cache.ttl("a");
    cache.delete("a");
    cache.size();
    cache.stats();
    cache.export();
    cache.flush();

    assertThat(events).isEmpty();
  }

  @Test
  void theLocalViewReportsToTheSameListeners() {
    cache.local().put("a", "1");
    cache.local().get("a");

    assertThat(summary()).containsExactly("put:ok", "get:hit");
    assertThat(events).extracting(CacheEvent::cacheName).containsOnly("observed");
  }

  @Test
  void aThrowingListenerNeitherBreaksTheCallNorSilencesTheNextListener() {
    List<CacheEvent> heard = new CopyOnWriteArrayList<>();
    CacheListener broken = event -> {
      throw new IllegalStateException("listener bug");
    };
    try (Cache<String, String> guarded =
        TestCaches.strings("guarded", clock).listener(broken).listener(heard::add).create()) {
      guarded.put("a", "1");

      assertThat(guarded.get("a")).contains("1");
      assertThat(guarded.getOrFetch("b", key -> "2")).isEqualTo("2");
      assertThat(guarded.invalidateTag("t")).isZero();
    }

    assertThat(heard).extracting(CacheEvent::operation).containsExactly("put", "get", "get", "fetch", "invalidate_tag");
  }

  @Test
  void aCacheWithoutListenersHasNoTelemetry() {
    try (Cache<String, String> quiet = TestCaches.strings("quiet", clock).create()) {
      assertThat(quiet).extracting("telemetry").isNull();
    }
  }

  @Test
  void theBuilderAcceptsTheTelemetryPrefixesTheProcessorAccepts() {
    assertThatThrownBy(() -> TestCaches.strings("x", clock).telemetryPrefix("shop", "my-app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"my-app\"");
    assertThat(TestCaches.strings("x", clock).telemetryPrefix("shop", "user_cache2").config().telemetryPrefix())
        .containsExactly("shop", "user_cache2");
  }

  @Test
  void theBuilderRefusesNullListenersAndRegistries() {
    assertThatThrownBy(() -> TestCaches.strings("x", clock).listener(null))
        .isInstanceOf(NullPointerException.class).hasMessage("listener must not be null");
    assertThatThrownBy(() -> TestCaches.strings("x", clock).meterRegistry(null))
        .isInstanceOf(NullPointerException.class).hasMessage("meterRegistry must not be null");
  }
}
