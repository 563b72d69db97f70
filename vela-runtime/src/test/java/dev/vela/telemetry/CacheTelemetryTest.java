package dev.vela.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Timing, event building, fan-out to listeners, and isolation from listeners that throw. */
class CacheTelemetryTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<String> warnings = new ArrayList<>();
  private final List<CacheEvent> events = new ArrayList<>();

  private CacheTelemetry telemetry(CacheListener... listeners) {
    return CacheTelemetry.create(
        "users", List.of(listeners), nanos::get,
        new ListenerFailures("users", listeners.length, (message, e) -> warnings.add(message)));
  }

  @Test
  void eachRecordCallBuildsItsEventWithTheTimeSinceStart() {
    CacheTelemetry telemetry = telemetry(events::add);

    long start = telemetry.startTime();
    nanos.addAndGet(250);
    telemetry.recordGet("k", true, start);
    telemetry.recordGet("k", false, start);
    telemetry.recordPut("k", Duration.ofSeconds(5), Set.of("t"), true, start);
    telemetry.recordFetch("k", false, start);
    telemetry.recordInvalidateTag("t", 3, true, start);

    assertThat(events).containsExactly(
        new CacheEvent.Get("users", "k", Outcome.HIT, 250),
        new CacheEvent.Get("users", "k", Outcome.MISS, 250),
        new CacheEvent.Put("users", "k", Duration.ofSeconds(5), Set.of("t"), Outcome.OK, 250),
        new CacheEvent.Fetch("users", "k", Outcome.ERROR, 250),
        new CacheEvent.InvalidateTag("users", "t", 3, Outcome.OK, 250));
  }

  @Test
  void aClockThatRunsBackwardsGivesZeroNotANegativeDuration() {
    CacheTelemetry telemetry = telemetry(events::add);

    long start = telemetry.startTime();
    nanos.addAndGet(-10);
    telemetry.recordGet("k", true, start);

    assertThat(events).singleElement().extracting(CacheEvent::durationNanos).isEqualTo(0L);
  }

  @Test
  void everyListenerHearsEveryEventInTheOrderGiven() {
    List<String> heard = new ArrayList<>();
    CacheTelemetry telemetry = telemetry(e -> heard.add("first " + e.operation()), e -> heard.add("second " + e.operation()));

    telemetry.recordGet("k", true, telemetry.startTime());
    telemetry.recordFetch("k", true, telemetry.startTime());

    assertThat(heard).containsExactly("first get", "second get", "first fetch", "second fetch");
  }

  @Test
  void aThrowingListenerIsLoggedOnceAndTheOthersStillHearEveryEvent() {
    AtomicInteger calls = new AtomicInteger();
    CacheListener broken = new CacheListener() {
      @Override
      public void onEvent(CacheEvent event) {
        calls.incrementAndGet();
        throw new IllegalStateException("broken");
      }

      @Override
      public String toString() {
        return "BrokenListener";
      }
    };
    CacheTelemetry telemetry = telemetry(broken, events::add);

    for (int i = 0; i < 3; i++) {
      telemetry.recordGet("k" + i, true, telemetry.startTime());
    }

    assertThat(calls).hasValue(3);
    assertThat(events).hasSize(3);
    assertThat(warnings).singleElement().asString()
        .contains("BrokenListener", "cache 'users'", "get event", "debug level");
  }

  @Test
  void closeRunsItsActionOnce() {
    AtomicInteger closed = new AtomicInteger();
    CacheTelemetry telemetry = CacheTelemetry.create("users", List.of(events::add), closed::incrementAndGet);

    telemetry.close();
    telemetry.close();

    assertThat(closed).hasValue(1);
  }

  @Test
  void refusesNoListenersAndNullListeners() {
    assertThatThrownBy(() -> CacheTelemetry.create("users", List.of(), () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache 'users'")
        .hasMessageContaining("at least one listener");
    List<CacheListener> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> CacheTelemetry.create("users", withNull, () -> {}))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listeners must not hold null");
  }
}
