package dev.vela.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events refuse values that cannot describe an operation, and name their operation as meters do. */
class CacheEventTest {

  @Test
  void eachKindNamesItsOperationAndItsDuration() {
    CacheEvent get = new CacheEvent.Get("c", "k", Outcome.HIT, 1_500_000);
    CacheEvent put = new CacheEvent.Put("c", "k", Duration.ofSeconds(1), Set.of(), Outcome.OK, 0);
    CacheEvent fetch = new CacheEvent.Fetch("c", "k", Outcome.OK, 0);
    CacheEvent invalidate = new CacheEvent.InvalidateTag("c", "t", 0, Outcome.OK, 0);

    assertThat(get.duration()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(get.operation()).isEqualTo("get");
    assertThat(put.operation()).isEqualTo("put");
    assertThat(fetch.operation()).isEqualTo("fetch");
    assertThat(invalidate.operation()).isEqualTo("invalidate_tag");
  }

  @Test
  void aReadEndsInHitOrMissAndTheOthersInOkOrError() {
    assertThatThrownBy(() -> new CacheEvent.Get("c", "k", Outcome.OK, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("get events end in HIT or MISS, not OK");
    assertThatThrownBy(() -> new CacheEvent.Put("c", "k", Duration.ZERO, Set.of(), Outcome.HIT, 0))
        .hasMessage("put events end in OK or ERROR, not HIT");
    assertThatThrownBy(() -> new CacheEvent.Fetch("c", "k", Outcome.MISS, 0))
        .hasMessage("fetch events end in OK or ERROR, not MISS");
    assertThatThrownBy(() -> new CacheEvent.InvalidateTag("c", "t", 1, Outcome.HIT, 0))
        .hasMessage("invalidate_tag events end in OK or ERROR, not HIT");
  }

  @Test
  void refusesNegativeDurationsAndCountsAndMissingValues() {
    assertThatThrownBy(() -> new CacheEvent.Get("c", "k", Outcome.HIT, -1))
        .hasMessage("durationNanos must not be negative, was -1");
    assertThatThrownBy(() -> new CacheEvent.InvalidateTag("c", "t", -2, Outcome.OK, 0))
        .hasMessage("count of removed entries must not be negative, was -2");
    assertThatThrownBy(() -> new CacheEvent.Get(null, "k", Outcome.HIT, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("cacheName");
    assertThatThrownBy(() -> new CacheEvent.Fetch("c", null, Outcome.OK, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("key or tag");
    assertThatThrownBy(() -> new CacheEvent.Put("c", "k", null, Set.of(), Outcome.OK, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("Expiry.NEVER");
  }

  @Test
  void aPutKeepsItsOwnCopyOfTheTags() {
    Set<String> tags = new LinkedHashSet<>(Set.of("a"));
    CacheEvent.Put put = new CacheEvent.Put("c", "k", Duration.ofSeconds(1), tags, Outcome.OK, 0);

    tags.add("b");

    assertThat(put.tags()).containsExactly("a");
  }

  @Test
  void outcomesAreLowerCaseTagValues() {
    assertThat(Outcome.values()).extracting(Outcome::tagValue).containsExactly("hit", "miss", "ok", "error");
    assertThat(Outcome.ofLookup(true)).isEqualTo(Outcome.HIT);
    assertThat(Outcome.ofLookup(false)).isEqualTo(Outcome.MISS);
  }
}
